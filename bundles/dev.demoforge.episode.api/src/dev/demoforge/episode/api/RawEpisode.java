package dev.demoforge.episode.api;

import java.io.IOException;
import java.nio.file.Path;

import dev.demoforge.device.api.Sample;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to a finished raw episode. One thread at a time; blocking file I/O.
 *
 * @since 0.1
 */
@ProviderType
public interface RawEpisode {

    EpisodeManifest manifest();

    Path directory();

    /**
     * Streams every recorded sample of the given topics in file order (per topic in time order). Camera topics yield
     * one {@link dev.demoforge.device.api.EventSample} per encoded frame whose text is the frame index in the MP4.
     */
    void read(java.util.Set<String> topics, SampleVisitor visitor) throws IOException;

    /** The MP4 of a camera topic. */
    Path video(String cameraTopic);

    /** Receives samples during {@link RawEpisode#read}. */
    @FunctionalInterface
    interface SampleVisitor {
        void sample(String topic, Sample sample);
    }
}
