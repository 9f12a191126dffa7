package dev.demoforge.export.hdf5.internal;

/**
 * Resizes packed 3-channel frames with a separable triangle (bilinear) filter that widens with the reduction
 * factor, the way Pillow's {@code Image.resize(size, BILINEAR)} does: plain bilinear interpolation when enlarging,
 * an antialiasing average over the source footprint when shrinking (so 640x480 to 84x84 does not alias). Pixel
 * centres at {@code i + 0.5}. One thread; keeps its weight tables and one intermediate row buffer.
 */
final class Resampler {

    private final int srcW;
    private final int srcH;
    private final int dstW;
    private final int dstH;
    private final Axis xs;
    private final Axis ys;
    private final float[] horizontal;

    Resampler(int srcW, int srcH, int dstW, int dstH) {
        this.srcW = srcW;
        this.srcH = srcH;
        this.dstW = dstW;
        this.dstH = dstH;
        this.xs = new Axis(srcW, dstW);
        this.ys = new Axis(srcH, dstH);
        this.horizontal = new float[srcH * dstW * 3];
    }

    /** Writes the resized {@code src} ({@code srcW x srcH x 3}) into {@code dst} ({@code dstW x dstH x 3}). */
    void resize(byte[] src, byte[] dst) {
        for (int y = 0; y < srcH; y++) {
            int row = y * srcW * 3;
            for (int x = 0; x < dstW; x++) {
                float r0 = 0;
                float r1 = 0;
                float r2 = 0;
                for (int k = 0; k < xs.count[x]; k++) {
                    int p = row + (xs.first[x] + k) * 3;
                    float w = xs.weights[x][k];
                    r0 += w * (src[p] & 0xFF);
                    r1 += w * (src[p + 1] & 0xFF);
                    r2 += w * (src[p + 2] & 0xFF);
                }
                int q = (y * dstW + x) * 3;
                horizontal[q] = r0;
                horizontal[q + 1] = r1;
                horizontal[q + 2] = r2;
            }
        }
        for (int y = 0; y < dstH; y++) {
            for (int x = 0; x < dstW * 3; x++) {
                float v = 0;
                for (int k = 0; k < ys.count[y]; k++) {
                    v += ys.weights[y][k] * horizontal[(ys.first[y] + k) * dstW * 3 + x];
                }
                dst[y * dstW * 3 + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
    }

    /** Per output index: the first source index, how many contribute, and their normalised weights. */
    private static final class Axis {
        final int[] first;
        final int[] count;
        final float[][] weights;

        Axis(int src, int dst) {
            first = new int[dst];
            count = new int[dst];
            weights = new float[dst][];
            double scale = (double) src / dst;
            double support = Math.max(1.0, scale);
            for (int i = 0; i < dst; i++) {
                double centre = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(src, (int) Math.ceil(centre + support));
                double[] w = new double[hi - lo];
                double sum = 0;
                for (int j = lo; j < hi; j++) {
                    double t = 1 - Math.abs((j + 0.5 - centre) / support);
                    w[j - lo] = Math.max(0, t);
                    sum += w[j - lo];
                }
                first[i] = lo;
                count[i] = w.length;
                weights[i] = new float[w.length];
                for (int k = 0; k < w.length; k++) {
                    weights[i][k] = (float) (w[k] / sum);
                }
            }
        }
    }
}
