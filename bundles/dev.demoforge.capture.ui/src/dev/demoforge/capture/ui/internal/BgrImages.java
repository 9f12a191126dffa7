package dev.demoforge.capture.ui.internal;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

import dev.demoforge.device.api.ImageSample;

/** Packed BGR24 frames as SWT image data, without copying or OpenCV. */
final class BgrImages {

    /**
     * A 24-bit direct palette whose pixels are read big-endian from the bytes B, G, R: red is the low byte, blue
     * the high one.
     */
    static final PaletteData BGR = new PaletteData(0xFF, 0xFF00, 0xFF0000);

    private BgrImages() {
    }

    /** Image data sharing the sample's buffer (rows unpadded: scanline pad 1). */
    static ImageData toImageData(ImageSample frame) {
        return new ImageData(frame.width(), frame.height(), 24, BGR, 1, frame.bgr());
    }
}
