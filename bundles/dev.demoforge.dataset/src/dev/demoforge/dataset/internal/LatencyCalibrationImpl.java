package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.demoforge.dataset.LatencyCalibration;
import dev.demoforge.dataset.LatencyEstimate;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.media.VideoDecoder;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Motion energy against joint displacement (see {@link LatencyCalibration}), scored per candidate delay by the R² of
 * a least-squares fit with one weight per joint ({@link MotionRegression}). Delays on a 0.25 ms grid; the peak is
 * refined by a parabola through its neighbours; the uncertainty is the spread of the peak over bootstrap resamples of
 * the frame intervals.
 */
@Component(service = LatencyCalibration.class)
public final class LatencyCalibrationImpl implements LatencyCalibration {

    private static final long STEP_NS = 250_000;
    /** Bootstrap resamples of the frame intervals for the uncertainty, and the lags searched around the peak. */
    private static final int BOOTSTRAP = 40;
    private static final int BOOTSTRAP_WINDOW = 80;
    /** Frames are compared at a quarter of their resolution: motion, not detail. */
    private static final int SUBSAMPLE = 4;
    /** The image is cut into GRID × GRID blocks, each fitted on its own. */
    private static final int GRID = 1;

    private final TimeSyncService sync;

    @Activate
    public LatencyCalibrationImpl(@Reference TimeSyncService sync) {
        this.sync = sync;
    }

    @Override
    public LatencyEstimate estimate(RawEpisode episode, String cameraTopic, String jointTopic) throws IOException {
        RecordedStream camera = stream(episode, cameraTopic, StreamKind.CAMERA);
        RecordedStream joints = stream(episode, jointTopic, StreamKind.JOINT_STATE);
        RecordedTimes recorded = RecordedTimes.read(episode, List.of(camera, joints), sync);
        ClockModel camClock = recorded.clockOf(cameraTopic);
        long configured = camClock == null ? 0 : camClock.fixedLatencyNs();
        long[] frameTimes = recorded.captureTimes(cameraTopic);
        for (int i = 0; i < frameTimes.length; i++) {
            frameTimes[i] += configured;
        }
        double[][] energy = motionEnergy(episode.video(cameraTopic), frameTimes.length);
        int n = Math.min(energy[0].length, frameTimes.length - 1);
        TimeSeries q = new TimeSeries();
        long[] jt = recorded.captureTimes(jointTopic);
        List<double[]> values = recorded.topics.get(jointTopic).values;
        for (int i = 0; i < jt.length; i++) {
            q.add(jt[i], values.get(i));
        }
        int width = joints.spec().width();
        int lags = (int) (MAX_LATENCY_NS / STEP_NS) + 1;
        float[][][] displacement = new float[lags][n][width];
        boolean[] valid = new boolean[n];
        java.util.Arrays.fill(valid, true);
        float[] a = new float[width];
        float[] b = new float[width];
        for (int l = 0; l < lags; l++) {
            long lag = l * STEP_NS;
            for (int k = 0; k < n; k++) {
                long t0 = frameTimes[k] - lag;
                long t1 = frameTimes[k + 1] - lag;
                if (t0 < q.time(0) || t1 > q.time(q.size() - 1)) {
                    valid[k] = false;
                    continue;
                }
                q.interpolate(t0, a, 0, width);
                q.interpolate(t1, b, 0, width);
                for (int j = 0; j < width; j++) {
                    displacement[l][k][j] = Math.abs(b[j] - a[j]);
                }
            }
        }
        int used = 0;
        int[] all = new int[n];
        for (int k = 0; k < n; k++) {
            used += valid[k] ? 1 : 0;
            all[k] = k;
        }
        if (used < 32) {
            throw new IllegalArgumentException("Episode " + episode.manifest().episodeId() + ": only " + used
                    + " frames of " + cameraTopic + " overlap " + jointTopic + "; record a longer motion");
        }
        double[][] perBlock = new double[energy.length][];
        for (int block = 0; block < energy.length; block++) {
            perBlock[block] = java.util.Arrays.copyOf(energy[block], n);
        }
        MotionRegression fit = new MotionRegression(perBlock, displacement, valid);
        double[] best = fit.peak(all, 0, lags);
        if (!(best[1] > 0.25)) {
            throw new IllegalArgumentException("Episode " + episode.manifest().episodeId() + ": the motion seen by "
                    + cameraTopic + " does not follow " + jointTopic + " (best R² " + best[1]
                    + "); record the arm moving in view");
        }
        double spread = fit.bootstrapSpread(best[0], BOOTSTRAP_WINDOW, BOOTSTRAP, 0x5eedL);
        return new LatencyEstimate(cameraTopic, jointTopic, Math.round(best[0] * STEP_NS),
                Math.round(spread * STEP_NS), best[1], used, BOOTSTRAP, configured);
    }

    /**
     * Per block of a {@value #GRID} × {@value #GRID} grid, the mean absolute grey-level difference of each pair of
     * consecutive frames (frame k to k + 1), at a quarter of the resolution.
     */
    private static double[][] motionEnergy(java.nio.file.Path video, int frames) throws IOException {
        List<double[]> energy = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoder.open(video)) {
            int w = decoder.info().width() / SUBSAMPLE;
            int h = decoder.info().height() / SUBSAMPLE;
            int stride = decoder.info().width();
            int[] previous = null;
            byte[] bgr;
            while (energy.size() < frames - 1 && (bgr = decoder.nextBgr()) != null) {
                int[] grey = new int[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = (y * SUBSAMPLE * stride + x * SUBSAMPLE) * 3;
                        grey[y * w + x] = (bgr[i] & 0xFF) + 2 * (bgr[i + 1] & 0xFF) + (bgr[i + 2] & 0xFF);
                    }
                }
                if (previous != null) {
                    double[] blocks = new double[GRID * GRID];
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int b = (y * GRID / h) * GRID + x * GRID / w;
                            blocks[b] += Math.abs(grey[y * w + x] - previous[y * w + x]);
                        }
                    }
                    for (int b = 0; b < blocks.length; b++) {
                        blocks[b] /= (double) w * h / blocks.length;
                    }
                    energy.add(blocks);
                }
                previous = grey;
            }
        }
        double[][] byBlock = new double[GRID * GRID][energy.size()];
        for (int k = 0; k < energy.size(); k++) {
            for (int b = 0; b < GRID * GRID; b++) {
                byBlock[b][k] = energy.get(k)[b];
            }
        }
        return byBlock;
    }

    private static RecordedStream stream(RawEpisode episode, String topic, StreamKind kind) {
        RecordedStream s = episode.manifest().streams().stream().filter(r -> r.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Episode " + episode.manifest().episodeId()
                        + " has no stream " + topic));
        if (s.spec().kind() != kind) {
            throw new IllegalArgumentException(topic + " is a " + s.spec().kind() + " stream, not " + kind);
        }
        return s;
    }
}
