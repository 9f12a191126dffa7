package dev.demoforge.export.support;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes the packed BGR24 frames of {@link dev.demoforge.export.api.VideoFrames} as image files: PNG (8-bit RGB,
 * lossless) or baseline JPEG. Both decode to the frame's colours (RGB files, as TFDS {@code Image} features and
 * Foxglove's {@code CompressedImage} expect). One thread per instance; buffers are reused between frames, the
 * returned array is new.
 *
 * @since 0.2
 */
public abstract sealed class ImageEncoder implements AutoCloseable {

    /**
     * The encoder for {@code format}.
     *
     * @param format      {@code "png"} or {@code "jpeg"}
     * @param jpegQuality 1-100, used for JPEG (scales the IJG tables as libjpeg's quality does)
     * @throws IOException if the Java runtime has no JPEG writer
     */
    public static ImageEncoder of(String format, int jpegQuality) throws IOException {
        return switch (format) {
            case "png" -> new Png();
            case "jpeg" -> new Jpeg(jpegQuality);
            default -> throw new IllegalArgumentException("image format '" + format + "' is not png or jpeg");
        };
    }

    /** The file bytes of one frame ({@code width * height * 3} bytes BGR, rows top to bottom, no padding). */
    public abstract byte[] encode(byte[] bgr, int width, int height) throws IOException;

    @Override
    public void close() {
    }

    /**
     * PNG with the Sub filter on every row (neighbouring pixels of camera images are alike) and fast deflate; the
     * JDK's ImageIO PNG writer is several times slower on camera frames.
     */
    private static final class Png extends ImageEncoder {
        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        private final Deflater deflater = new Deflater(3);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        private final CRC32 crc = new CRC32();
        private byte[] raw = new byte[0];
        private byte[] deflated = new byte[1 << 16];

        @Override
        public byte[] encode(byte[] bgr, int width, int height) throws IOException {
            int stride = width * 3;
            int size = (stride + 1) * height;
            if (raw.length < size) {
                raw = new byte[size];
            }
            for (int y = 0; y < height; y++) {
                int row = y * (stride + 1);
                raw[row] = 1;
                int src = y * stride;
                for (int x = 0; x < stride; x += 3) {
                    int r = bgr[src + x + 2];
                    int g = bgr[src + x + 1];
                    int b = bgr[src + x];
                    if (x > 0) {
                        r -= bgr[src + x - 1];
                        g -= bgr[src + x - 2];
                        b -= bgr[src + x - 3];
                    }
                    raw[row + 1 + x] = (byte) r;
                    raw[row + 2 + x] = (byte) g;
                    raw[row + 3 + x] = (byte) b;
                }
            }
            out.reset();
            out.write(SIGNATURE);
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            chunk("IHDR", ihdr.array(), 13);
            deflater.reset();
            deflater.setInput(raw, 0, size);
            deflater.finish();
            int n = 0;
            while (!deflater.finished()) {
                if (n == deflated.length) {
                    deflated = Arrays.copyOf(deflated, deflated.length * 2);
                }
                n += deflater.deflate(deflated, n, deflated.length - n);
            }
            chunk("IDAT", deflated, n);
            chunk("IEND", new byte[0], 0);
            return out.toByteArray();
        }

        private void chunk(String type, byte[] data, int length) {
            byte[] t = type.getBytes(StandardCharsets.US_ASCII);
            out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
            crc.reset();
            crc.update(t);
            crc.update(data, 0, length);
            out.writeBytes(t);
            out.write(data, 0, length);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }

        @Override
        public void close() {
            deflater.end();
        }
    }

    /** Baseline JPEG through the JDK's ImageIO writer; quality {@code q} scales the IJG tables as libjpeg's does. */
    private static final class Jpeg extends ImageEncoder {
        private final ImageWriter writer;
        private final ImageWriteParam param;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        private BufferedImage image;

        Jpeg(int quality) throws IOException {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) {
                throw new IOException("This Java runtime has no ImageIO JPEG writer");
            }
            writer = writers.next();
            param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
        }

        @Override
        public byte[] encode(byte[] bgr, int width, int height) throws IOException {
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            }
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(bgr, 0, data, 0, data.length);
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
}
