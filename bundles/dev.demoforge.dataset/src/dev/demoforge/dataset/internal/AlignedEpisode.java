package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.demoforge.dataset.AlignmentReport;
import dev.demoforge.dataset.SelectedEpisode;
import dev.demoforge.dataset.StreamAlignment;
import dev.demoforge.device.api.KinematicModel;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.media.VideoDecoder;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.Quaternions;
import dev.demoforge.timesync.TimeSyncService;

/**
 * One raw episode on the dataset timeline. Loads the vector streams and the cameras' frame references into memory
 * (one episode is small), takes the device clocks stored with the episode or fits them, and keeps video on disk
 * until an exporter pulls it. Rows are the reference camera's frames at their capture times, from the first frame at
 * which every aligned stream has data to the last before one of them ends ({@link EdgeTrim}); see
 * {@link dev.demoforge.dataset.DatasetService} for the time base.
 */
final class AlignedEpisode implements EpisodeFrames {

    private static final double[] FRAME = {};

    private final RawEpisode episode;
    private final FeatureLayout layout;
    /** Per vector topic: capture time and values of each sample. */
    private final Map<String, TimeSeries> series = new HashMap<>();
    /** Per camera topic: capture time of MP4 frame i, for the frames the MP4 really holds. */
    private final Map<String, TimeSeries> frames = new HashMap<>();
    /** Per camera topic other than the reference: the MP4 frame each row shows (null without frames). */
    private final Map<String, int[]> frameOfRow = new HashMap<>();
    private final long[] rowTimes;
    /** The reference camera's frame shown by row 0 (frames before it were trimmed: edges, or the selection's trim). */
    private final int firstFrame;
    private final String task;
    private final AlignmentReport report;

    AlignedEpisode(RawEpisode episode, DatasetSpec spec, TimeSyncService sync, List<EndEffectorPoses.Pose> poses)
            throws IOException {
        this(new SelectedEpisode(episode), spec, sync, poses);
    }

    /**
     * The selection's episode, its rows limited to the trim window (rows whose capture time lies within
     * {@code [start, end]} seconds after the recording's start on the host clock) and its task overridden; the
     * end-effector pose features computed from {@code poses}.
     */
    AlignedEpisode(SelectedEpisode selected, DatasetSpec spec, TimeSyncService sync,
            List<EndEffectorPoses.Pose> poses) throws IOException {
        RawEpisode episode = selected.raw();
        this.episode = episode;
        this.task = selected.task() == null ? episode.manifest().task() : selected.task();
        this.layout = FeatureLayout.of(episode.manifest().streams()).withPoses(poses);
        if (!layout.features().equals(spec.features())) {
            throw new IOException("Episode " + episode.manifest().episodeId() + " has features "
                    + layout.features().stream().map(FeatureSpec::key).toList() + ", the dataset has "
                    + spec.features().stream().map(FeatureSpec::key).toList());
        }
        Set<RecordedStream> aligned = new LinkedHashSet<>();
        layout.sources().values().forEach(aligned::addAll);
        RecordedTimes recorded = RecordedTimes.read(episode, List.copyOf(aligned), sync);
        Map<String, Long> nudged = new HashMap<>();
        for (RecordedStream s : aligned) {
            long[] capture = recorded.captureTimes(s.topic());
            RecordedTimes.Topic raw = recorded.topics.get(s.topic());
            if (s.spec().kind() == StreamKind.CAMERA) {
                TimeSeries ts = new TimeSeries();
                long moved = 0;
                for (int i = 0; i < capture.length; i++) {
                    if (i > 0 && capture[i] <= capture[i - 1]) {
                        capture[i] = capture[i - 1] + 1;
                        moved++;
                    }
                    ts.add(capture[i], FRAME);
                }
                frames.put(s.topic(), ts);
                nudged.put(s.topic(), moved);
            } else {
                TimeSeries ts = new TimeSeries(Quaternions.groups(s.spec().elementNames()));
                for (int i = 0; i < capture.length; i++) {
                    ts.add(capture[i], raw.values.get(i));
                }
                series.put(s.topic(), ts);
            }
        }
        RecordedStream reference = layout.referenceCamera();
        TimeSeries ref = frames.get(reference.topic());
        int decodable = (int) Math.min(ref.size(), decodableFrames(episode, reference.topic()));
        int[] edges = EdgeTrim.rows(ref, decodable, List.copyOf(series.values()), otherCameras(aligned, reference));
        long start = episode.manifest().startHostNanos();
        long from = selected.startSeconds() > 0 ? start + Math.round(selected.startSeconds() * 1e9) : Long.MIN_VALUE;
        long to = Double.isInfinite(selected.endSeconds()) ? Long.MAX_VALUE
                : start + Math.round(selected.endSeconds() * 1e9);
        int first = edges[0];
        while (first < edges[1] && ref.time(first) < from) {
            first++;
        }
        int end = first;
        while (end < edges[1] && ref.time(end) <= to) {
            end++;
        }
        if (end == first && selected.trimmed()) {
            throw new IOException("Episode " + episode.manifest().episodeId() + ": the trim " + selected.startSeconds()
                    + " s to " + selected.endSeconds() + " s leaves no frame (the reference camera has " + decodable
                    + " frames over " + (decodable == 0 ? 0 : (ref.time(decodable - 1) - start) / 1e9) + " s)");
        }
        firstFrame = first;
        int rows = Math.max(0, end - first);
        rowTimes = new long[rows];
        for (int i = 0; i < rows; i++) {
            rowTimes[i] = ref.time(firstFrame + i);
        }
        List<StreamAlignment> streams = new ArrayList<>();
        for (RecordedStream s : aligned) {
            ClockModel clock = recorded.clockOf(s.topic());
            StreamReport r = new StreamReport(s.topic(), clock == null ? null : clock.clockId(),
                    s.spec().nominalRateHz(), nudged.getOrDefault(s.topic(), 0L), recorderDrops(s.topic()));
            if (s.equals(reference)) {
                streams.add(r.reference(ref, decodable, rows));
            } else if (s.spec().kind() == StreamKind.CAMERA) {
                int[] shown = nearestFrames(s.topic());
                frameOfRow.put(s.topic(), shown);
                streams.add(shown == null ? r.interpolated(new TimeSeries(), rowTimes)
                        : r.nearest(frames.get(s.topic()), rowTimes, shown));
            } else {
                streams.add(r.interpolated(series.get(s.topic()), rowTimes));
            }
        }
        report = new AlignmentReport(sourceId(), rows, reference.topic(),
                rows == 0 ? 0 : rowTimes[rows - 1] - rowTimes[0], List.copyOf(recorded.clocks.values()), streams,
                recorded.sources, firstFrame, Math.max(0, decodable - end));
    }

    /** Capture times and frame periods of every aligned camera but the reference. */
    private List<EdgeTrim.OtherCamera> otherCameras(Set<RecordedStream> aligned, RecordedStream reference) {
        List<EdgeTrim.OtherCamera> others = new ArrayList<>();
        for (RecordedStream s : aligned) {
            TimeSeries ts = frames.get(s.topic());
            if (ts != null && !s.equals(reference)) {
                others.add(new EdgeTrim.OtherCamera(ts, Math.round(1e9 / s.spec().nominalRateHz())));
            }
        }
        return others;
    }

    /** Each row's nearest decodable frame of a camera, never going back; null if it has none. */
    private int[] nearestFrames(String topic) throws IOException {
        TimeSeries times = frames.get(topic);
        int available = (int) Math.min(times.size(), decodableFrames(episode, topic));
        if (available == 0) {
            return null;
        }
        int[] shown = new int[rowTimes.length];
        for (int r = 0; r < rowTimes.length; r++) {
            int nearest = Math.min(times.nearest(rowTimes[r]), available - 1);
            shown[r] = r == 0 ? nearest : Math.max(nearest, shown[r - 1]);
        }
        return shown;
    }

    private long recorderDrops(String topic) {
        if (episode.manifest().summary() == null) {
            return 0;
        }
        return episode.manifest().summary().streams().stream().filter(s -> s.topic().equals(topic))
                .mapToLong(StreamSummary::drops).sum();
    }

    private static long decodableFrames(RawEpisode episode, String topic) throws IOException {
        try (VideoDecoder decoder = VideoDecoder.open(episode.video(topic))) {
            return decoder.info().frameCount();
        }
    }

    @Override
    public String sourceId() {
        return episode.manifest().episodeId();
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public int length() {
        return rowTimes.length;
    }

    /** Capture time (host ns) of each row. */
    long[] rowTimes() {
        return rowTimes.clone();
    }

    AlignmentReport report() {
        return report;
    }

    @Override
    public float[][] vectors(String featureKey) {
        List<RecordedStream> sources = layout.sourcesOf(featureKey);
        KinematicModel model = layout.models().get(featureKey);
        if (model != null) {
            RecordedStream joints = sources.get(0);
            float[] q = new float[joints.spec().width()];
            float[][] poses = new float[rowTimes.length][];
            TimeSeries ts = series.getOrDefault(joints.topic(), new TimeSeries());
            for (int r = 0; r < rowTimes.length; r++) {
                ts.interpolate(rowTimes[r], q, 0, q.length);
                poses[r] = EndEffectorPoses.pose(model, q);
            }
            return poses;
        }
        int width = sources.stream().mapToInt(s -> s.spec().width()).sum();
        float[][] out = new float[rowTimes.length][width];
        for (int r = 0; r < rowTimes.length; r++) {
            int offset = 0;
            for (RecordedStream s : sources) {
                series.getOrDefault(s.topic(), new TimeSeries()).interpolate(rowTimes[r], out[r], offset,
                        s.spec().width());
                offset += s.spec().width();
            }
        }
        return out;
    }

    @Override
    public VideoFrames video(String featureKey) throws IOException {
        RecordedStream camera = layout.sourcesOf(featureKey).get(0);
        if (camera.spec().kind() != StreamKind.CAMERA) {
            throw new IllegalArgumentException(featureKey + " is not a video feature");
        }
        if (camera.equals(layout.referenceCamera())) {
            int[] identity = new int[rowTimes.length];
            for (int r = 0; r < identity.length; r++) {
                identity[r] = firstFrame + r;
            }
            return new ResampledVideo(episode.video(camera.topic()), identity);
        }
        int[] shown = frameOfRow.get(camera.topic());
        if (shown == null) {
            throw new IOException("Camera " + camera.topic() + " of episode " + sourceId() + " has no frames");
        }
        return new ResampledVideo(episode.video(camera.topic()), shown);
    }
}
