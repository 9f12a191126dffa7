package dev.demoforge.quality.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.demoforge.device.api.Sample;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;

/**
 * A raw episode whose streams are read from disk once and then served from memory, so that every check of one
 * evaluation does not parse the MCAP again. The first {@link #read} reads every stream of the manifest plus the
 * recorder's drop and gap notes; episodes with more than {@value #MAX_SAMPLES} samples are not cached. The thresholds
 * of the evaluation are kept too ({@link ThresholdStore#forEpisode}), so the task is looked up once. One thread at a
 * time, like the episode it wraps.
 */
final class CachedEpisode implements RawEpisode {

    static final int MAX_SAMPLES = 5_000_000;

    private record Entry(String topic, Sample sample) {
    }

    private final RawEpisode episode;
    private final Set<String> cachedTopics = new HashSet<>();
    private List<Entry> entries;
    private boolean tooBig;
    private TaskThresholds thresholds;

    CachedEpisode(RawEpisode episode) {
        this.episode = episode;
    }

    /** The thresholds resolved for this evaluation, or null before the first check asked for them. */
    TaskThresholds thresholds() {
        return thresholds;
    }

    void keepThresholds(TaskThresholds resolved) {
        this.thresholds = resolved;
    }

    @Override
    public EpisodeManifest manifest() {
        return episode.manifest();
    }

    @Override
    public Path directory() {
        return episode.directory();
    }

    @Override
    public Path video(String cameraTopic) {
        return episode.video(cameraTopic);
    }

    @Override
    public void read(Set<String> topics, SampleVisitor visitor) throws IOException {
        if (entries != null && cachedTopics.containsAll(topics)) {
            for (Entry e : entries) {
                if (topics.contains(e.topic())) {
                    visitor.sample(e.topic(), e.sample());
                }
            }
            return;
        }
        if (entries != null || tooBig) {
            episode.read(topics, visitor);
            return;
        }
        Set<String> all = new HashSet<>(topics);
        episode.manifest().streams().stream().map(RecordedStream::topic).forEach(all::add);
        all.add(RecordingHealthCheck.DROPS_TOPIC);
        all.add(RecordingHealthCheck.GAPS_TOPIC);
        List<Entry> cache = new ArrayList<>();
        episode.read(all, (topic, sample) -> {
            if (cache.size() < MAX_SAMPLES) {
                cache.add(new Entry(topic, sample));
            } else {
                tooBig = true;
            }
            if (topics.contains(topic)) {
                visitor.sample(topic, sample);
            }
        });
        if (!tooBig) {
            entries = cache;
            cachedTopics.addAll(all);
        }
    }
}
