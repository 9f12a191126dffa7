package dev.demoforge.quality.internal;

/**
 * Movement smoothness measures of one discrete movement, after Balasubramanian, Melendez-Calderon, Roby-Brami and
 * Burdet, "On the analysis of movement smoothness", J. NeuroEng. Rehabil. 12:112 (2015), which refines the spectral
 * arc length of Balasubramanian, Melendez-Calderon and Burdet, "A robust and sensitive metric for quantifying
 * movement smoothness", IEEE Trans. Biomed. Eng. 59(8):2126-2136 (2012). Both are dimensionless and lower (more
 * negative) for less smooth movements.
 * <p>
 * Reference values (asserted by the tests of this bundle):
 * <ul>
 * <li>the authors' reference implementation documents, for the Gaussian speed profile {@code exp(-5 t^2)},
 * t = -1 .. 0.99 s at 100 Hz: SPARC -1.41403 and LDLJ -5.81636;</li>
 * <li>a minimum-jerk point-to-point movement (the model of a smooth human reach, Flash and Hogan 1985): its
 * dimensionless jerk with peak-speed normalisation is exactly 720 / 1.875^2 = 204.8, so LDLJ = -ln 204.8 = -5.32
 * (Hogan and Sternad's amplitude normalisation gives 720, -6.58); its SPARC is -1.43 (computed here, 100 Hz);</li>
 * <li>SPARC and LDLJ fall as sub-movements or tremor are added; Balasubramanian et al. report healthy reaching near
 * SPARC -1.4 to -1.6 and values down to -3 .. -10 for fragmented (e.g. post-stroke) movements.</li>
 * </ul>
 * Pure functions; thread-safe.
 */
final class Smoothness {

    /** Default cut-off frequency of the spectrum, Hz (Balasubramanian 2015). */
    static final double SPARC_CUTOFF_HZ = 10;
    /** Default amplitude threshold of the normalised spectrum (Balasubramanian 2015). */
    static final double SPARC_AMPLITUDE = 0.05;
    /** Default zero-padding level: the FFT has 2^(ceil(log2 n) + 4) points (Balasubramanian 2015). */
    static final int SPARC_PADDING = 4;

    private Smoothness() {
    }

    /**
     * Spectral arc length (SPARC) of a movement's speed profile: the length of the curve of the normalised magnitude
     * spectrum from 0 Hz up to the last frequency below {@code cutoffHz} whose magnitude reaches
     * {@code amplitudeThreshold}, with frequency normalised by that range; returned negated.
     *
     * @param speed  speed samples (any unit), uniformly spaced
     * @param rateHz sampling rate, Hz
     * @return SPARC (&lt;= 0), or NaN for fewer than 4 samples or a spectrum with nothing above the threshold
     */
    static double sparc(double[] speed, double rateHz, double cutoffHz, double amplitudeThreshold, int padLevel) {
        int n = speed.length;
        if (n < 4) {
            return Double.NaN;
        }
        int log2 = 32 - Integer.numberOfLeadingZeros(n - 1);
        int nfft = 1 << (log2 + padLevel);
        double[] mag = Dsp.fftMagnitude(speed, nfft);
        double peak = Dsp.max(mag);
        if (!(peak > 0)) {
            return Double.NaN;
        }
        int last = Math.min(nfft - 1, (int) Math.floor(cutoffHz * nfft / rateHz));
        int first = -1;
        int end = -1;
        for (int k = 0; k <= last; k++) {
            if (mag[k] / peak >= amplitudeThreshold) {
                if (first < 0) {
                    first = k;
                }
                end = k;
            }
        }
        if (first < 0 || end == first) {
            return Double.NaN;
        }
        double span = end - first;
        double length = 0;
        for (int k = first; k < end; k++) {
            double dm = (mag[k + 1] - mag[k]) / peak;
            length += Math.sqrt(1 / (span * span) + dm * dm);
        }
        return -length;
    }

    /** {@link #sparc(double[], double, double, double, int)} with the published defaults (10 Hz, 0.05, 4). */
    static double sparc(double[] speed, double rateHz) {
        return sparc(speed, rateHz, SPARC_CUTOFF_HZ, SPARC_AMPLITUDE, SPARC_PADDING);
    }

    /**
     * Log dimensionless jerk (LDLJ) from a movement's velocity:
     * {@code -ln( T^3 / v_peak^2 * integral |d^2 v / dt^2|^2 dt )}, T the duration (samples x dt), v_peak the largest
     * speed, the jerk from second differences of the velocity.
     *
     * @param velocity one array per axis (m/s, rad/s, ...), uniformly spaced; a single speed profile also works
     * @param rateHz   sampling rate, Hz
     * @return LDLJ (typically -5 for a smooth reach, lower for jerkier movements), or NaN for fewer than 3 samples or
     *         no motion
     */
    static double ldlj(double[][] velocity, double rateHz) {
        int n = velocity.length == 0 ? 0 : velocity[0].length;
        if (n < 3) {
            return Double.NaN;
        }
        double dt = 1 / rateHz;
        double peak = Dsp.max(Dsp.norm(velocity));
        double jerk2 = 0;
        for (int i = 0; i < n - 2; i++) {
            double s = 0;
            for (double[] v : velocity) {
                double j = (v[i + 2] - 2 * v[i + 1] + v[i]) / (dt * dt);
                s += j * j;
            }
            jerk2 += s * dt;
        }
        double duration = n * dt;
        if (!(peak > 0) || !(jerk2 > 0)) {
            return Double.NaN;
        }
        return -Math.log(duration * duration * duration) + Math.log(peak * peak) - Math.log(jerk2);
    }
}
