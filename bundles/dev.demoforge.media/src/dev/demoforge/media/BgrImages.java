package dev.demoforge.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Packed BGR24 {@code byte[]} to and from Java2D images, without OpenCV. {@link BufferedImage#TYPE_3BYTE_BGR}
 * stores its pixels in exactly this layout, so the conversion is one array copy.
 * <p>
 * Stateless and thread-safe; pure Java, works headless.
 *
 * @since 0.1
 */
public final class BgrImages {

    private BgrImages() {
    }

    /** A new {@code TYPE_3BYTE_BGR} image holding a copy of {@code bgr} ({@code width * height * 3} bytes). */
    public static BufferedImage toImage(byte[] bgr, int width, int height) {
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("BGR buffer of " + bgr.length + " bytes for " + width + "x" + height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, dst, 0, bgr.length);
        return img;
    }

    /** Packed BGR24 of any image, a new array; images of other types are drawn into a BGR copy first. */
    public static byte[] toBgr(BufferedImage image) {
        int size = image.getWidth() * image.getHeight() * 3;
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && db.getOffset() == 0 && db.getData().length == size) {
            return db.getData().clone();
        }
        BufferedImage bgrImage = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgrImage.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
    }
}
