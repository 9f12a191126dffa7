package dev.demoforge.capture.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.ImageSample;

class BgrImagesTest {

    @Test
    void packedBgrFramesKeepTheirColoursAndGeometry() {
        int width = 3;
        int height = 2;
        byte[] bgr = new byte[width * height * 3];
        int[][] rgb = { { 255, 0, 0 }, { 0, 255, 0 }, { 0, 0, 255 }, { 10, 20, 30 }, { 200, 100, 50 }, { 1, 2, 3 } };
        for (int i = 0; i < rgb.length; i++) {
            bgr[i * 3] = (byte) rgb[i][2];
            bgr[i * 3 + 1] = (byte) rgb[i][1];
            bgr[i * 3 + 2] = (byte) rgb[i][0];
        }

        ImageData data = BgrImages.toImageData(new ImageSample(0, 0, null, width, height, bgr));

        assertEquals(width, data.width);
        assertEquals(height, data.height);
        for (int i = 0; i < rgb.length; i++) {
            RGB pixel = data.palette.getRGB(data.getPixel(i % width, i / width));
            assertEquals(new RGB(rgb[i][0], rgb[i][1], rgb[i][2]), pixel, "pixel " + i);
        }
    }

    @Test
    void oddWidthsNeedNoRowPadding() {
        int width = 5;
        int height = 3;
        byte[] bgr = new byte[width * height * 3];
        bgr[(2 * width + 4) * 3 + 2] = (byte) 255;

        ImageData data = BgrImages.toImageData(new ImageSample(0, 0, null, width, height, bgr));

        assertEquals(new RGB(255, 0, 0), data.palette.getRGB(data.getPixel(4, 2)));
        assertEquals(new RGB(0, 0, 0), data.palette.getRGB(data.getPixel(0, 2)));
    }
}
