package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.media.VideoDecoder;

/**
 * One raw episode on the dataset timeline. Loads the vector streams and the cameras' frame references into memory
 * (one episode is small), and keeps video on disk until an exporter pulls it.
 */
final class AlignedEpisode implements EpisodeFrames {

    private final RawEpisode episode;
    private final FeatureLayout layout;
    private final Map<String, TimeSeries> series = new HashMap<>();
    /** Per camera topic: host time of MP4 frame i, for the frames the MP4 really holds. */
    private final Map<String, TimeSeries> frames = new HashMap<>();
    private final long[] rowTimes;

    AlignedEpisode(RawEpisode episode, DatasetSpec spec) throws IOException {
        this.episode = episode;
        this.layout = FeatureLayout.of(episode.manifest().streams());
        if (!layout.features().equals(spec.features())) {
            throw new IOException("Episode " + episode.manifest().episodeId() + " has features "
                    + layout.features().stream().map(FeatureSpec::key).toList() + ", the dataset has "
                    + spec.features().stream().map(FeatureSpec::key).toList());
        }
        Set<String> topics = new HashSet<>();
        layout.sources().values().forEach(list -> list.forEach(s -> topics.add(s.topic())));
        episode.read(topics, (topic, sample) -> {
            if (sample instanceof VectorSample v) {
                series.computeIfAbsent(topic, t -> new TimeSeries()).add(v.hostNanos(), v.values());
            } else if (sample instanceof EventSample e) {
                TimeSeries ts = frames.computeIfAbsent(topic, t -> new TimeSeries());
                if (Long.parseLong(e.text()) == ts.size()) {
                    ts.add(e.hostNanos(), new double[0]);
                }
            }
        });
        String reference = layout.referenceCamera().topic();
        TimeSeries ref = frames.getOrDefault(reference, new TimeSeries());
        int rows = (int) Math.min(ref.size(), decodableFrames(episode, reference));
        rowTimes = new long[rows];
        for (int i = 0; i < rows; i++) {
            rowTimes[i] = ref.time(i);
        }
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
        return episode.manifest().task();
    }

    @Override
    public int length() {
        return rowTimes.length;
    }

    /** Capture time (host ns) of each row. */
    long[] rowTimes() {
        return rowTimes.clone();
    }

    @Override
    public float[][] vectors(String featureKey) {
        List<RecordedStream> sources = layout.sourcesOf(featureKey);
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
        TimeSeries times = frames.getOrDefault(camera.topic(), new TimeSeries());
        int available = (int) Math.min(times.size(), decodableFrames(episode, camera.topic()));
        if (available == 0) {
            throw new IOException("Camera " + camera.topic() + " of episode " + sourceId() + " has no frames");
        }
        int[] frameOfRow = new int[rowTimes.length];
        for (int r = 0; r < rowTimes.length; r++) {
            int nearest = Math.min(times.nearest(rowTimes[r]), available - 1);
            frameOfRow[r] = r == 0 ? nearest : Math.max(nearest, frameOfRow[r - 1]);
        }
        return new ResampledVideo(episode.video(camera.topic()), frameOfRow);
    }

}
