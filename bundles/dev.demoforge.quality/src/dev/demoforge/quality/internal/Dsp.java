package dev.demoforge.quality.internal;

/**
 * Signal processing for the checks: resampling onto a uniform grid, a zero-phase Butterworth low-pass, central
 * differences, vector norms and an FFT magnitude spectrum. Pure functions; thread-safe.
 */
final class Dsp {

    private Dsp() {
    }

    /**
     * Linearly interpolates a recorded series onto a uniform grid at {@code rateHz} spanning its first to last sample.
     * Samples with equal or decreasing times are skipped. Returns an empty grid for fewer than two samples.
     */
    static Grid resample(TimeSeries s, double rateHz) {
        int width = s.width();
        double dt = 1 / rateHz;
        if (s.size() < 2 || s.t()[s.size() - 1] <= s.t()[0]) {
            return new Grid(s.isEmpty() ? 0 : s.t()[0], dt, new double[width][0]);
        }
        double t0 = s.t()[0];
        int n = (int) Math.floor((s.t()[s.size() - 1] - t0) / dt) + 1;
        double[][] out = new double[width][n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double t = t0 + i * dt;
            while (k < s.size() - 2 && s.t()[k + 1] <= t) {
                k++;
            }
            double ta = s.t()[k];
            double tb = s.t()[k + 1];
            double f = tb > ta ? Math.clamp((t - ta) / (tb - ta), 0.0, 1.0) : 0;
            double[] a = s.rows()[k];
            double[] b = s.rows()[k + 1];
            for (int c = 0; c < width; c++) {
                out[c][i] = a[c] + (b[c] - a[c]) * f;
            }
        }
        return new Grid(t0, dt, out);
    }

    /**
     * Zero-phase low-pass: a second-order Butterworth section run forwards and backwards (fourth order overall,
     * -6 dB at {@code cutoffHz}), with odd reflection of the ends so a signal starting or ending in motion does not
     * ring. Returns a copy; a cutoff at or above Nyquist returns the input unchanged (copied).
     */
    static double[] lowPass(double[] x, double rateHz, double cutoffHz) {
        int n = x.length;
        if (n < 3 || cutoffHz <= 0 || cutoffHz >= rateHz / 2) {
            return x.clone();
        }
        double k = Math.tan(Math.PI * cutoffHz / rateHz);
        double norm = 1 / (1 + Math.sqrt(2) * k + k * k);
        double b0 = k * k * norm;
        double a1 = 2 * (k * k - 1) * norm;
        double a2 = (1 - Math.sqrt(2) * k + k * k) * norm;
        int pad = Math.min(n - 1, (int) Math.ceil(3 * rateHz / cutoffHz));
        double[] y = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            y[i] = 2 * x[0] - x[pad - i];
            y[n + pad + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, y, pad, n);
        biquad(y, b0, 2 * b0, b0, a1, a2);
        reverse(y);
        biquad(y, b0, 2 * b0, b0, a1, a2);
        reverse(y);
        double[] out = new double[n];
        System.arraycopy(y, pad, out, 0, n);
        return out;
    }

    private static void biquad(double[] y, double b0, double b1, double b2, double a1, double a2) {
        double x1 = y[0];
        double x2 = y[0];
        double y1 = y[0];
        double y2 = y[0];
        for (int i = 0; i < y.length; i++) {
            double x0 = y[i];
            double out = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x0;
            y2 = y1;
            y1 = out;
            y[i] = out;
        }
    }

    private static void reverse(double[] y) {
        for (int i = 0, j = y.length - 1; i < j; i++, j--) {
            double tmp = y[i];
            y[i] = y[j];
            y[j] = tmp;
        }
    }

    /** Derivative by central differences (one-sided at the ends), per second. */
    static double[] derivative(double[] x, double dt) {
        int n = x.length;
        double[] d = new double[n];
        if (n < 2) {
            return d;
        }
        d[0] = (x[1] - x[0]) / dt;
        d[n - 1] = (x[n - 1] - x[n - 2]) / dt;
        for (int i = 1; i < n - 1; i++) {
            d[i] = (x[i + 1] - x[i - 1]) / (2 * dt);
        }
        return d;
    }

    /** Euclidean norm across channels at each sample. */
    static double[] norm(double[][] channels) {
        int n = channels.length == 0 ? 0 : channels[0].length;
        double[] out = new double[n];
        for (double[] c : channels) {
            for (int i = 0; i < n; i++) {
                out[i] += c[i] * c[i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(out[i]);
        }
        return out;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * Magnitude of the discrete Fourier transform of {@code x} zero-padded to {@code nfft} (a power of two):
     * {@code |X[k]|} for k = 0 .. nfft - 1, bin k at {@code k * rate / nfft} Hz.
     */
    static double[] fftMagnitude(double[] x, int nfft) {
        if (Integer.bitCount(nfft) != 1 || nfft < x.length) {
            throw new IllegalArgumentException("FFT size " + nfft + " must be a power of two >= " + x.length);
        }
        double[] re = new double[nfft];
        double[] im = new double[nfft];
        System.arraycopy(x, 0, re, 0, x.length);
        int bits = Integer.numberOfTrailingZeros(nfft);
        for (int i = 0; i < nfft; i++) {
            int j = Integer.reverse(i) >>> (32 - bits);
            if (j > i) {
                double tmp = re[i];
                re[i] = re[j];
                re[j] = tmp;
            }
        }
        for (int len = 2; len <= nfft; len <<= 1) {
            double ang = -2 * Math.PI / len;
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int start = 0; start < nfft; start += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = start + k;
                    int b = a + len / 2;
                    double tr = re[b] * cr - im[b] * ci;
                    double ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                    double ncr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = ncr;
                }
            }
        }
        double[] mag = new double[nfft];
        for (int i = 0; i < nfft; i++) {
            mag[i] = Math.hypot(re[i], im[i]);
        }
        return mag;
    }
}
