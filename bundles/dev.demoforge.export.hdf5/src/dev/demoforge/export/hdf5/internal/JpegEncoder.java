package dev.demoforge.export.hdf5.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes packed 3-channel frames to baseline JPEG with the JDK's ImageIO writer, the way
 * {@code cv2.imencode('.jpg', array, [IMWRITE_JPEG_QUALITY, q])} treats an array: byte 0 of each pixel is taken as
 * blue, byte 2 as red. So {@code cv2.imdecode} gives back the array in the order it was stored, whatever that order
 * is (mobile-aloha stores the camera arrays as they come). ImageIO's quality {@code q / 100} uses the IJG tables
 * scaled as libjpeg's quality {@code q} does. One thread; reuses one image and one output buffer.
 */
final class JpegEncoder implements AutoCloseable {

    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    private BufferedImage image;

    JpegEncoder(int quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("This Java runtime has no ImageIO JPEG writer");
        }
        writer = writers.next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
    }

    /** The JPEG of one frame ({@code width * height * 3} bytes, rows top to bottom). */
    byte[] encode(byte[] pixels, int width, int height) throws IOException {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, data.length);
        out.reset();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
