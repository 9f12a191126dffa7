package dev.demoforge.episode.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens raw episodes and repairs those a crash left unfinished.
 *
 * @since 0.1
 */
@ProviderType
public interface EpisodeStore {

    /** Opens a raw episode directory; a clear {@link IOException} names what is missing or corrupt. */
    RawEpisode open(Path episodeDirectory) throws IOException;

    /**
     * Finds episodes under the root still marked RECORDING whose recorder is no longer running (the process died),
     * repairs their MCAP from the intact chunks, keeps their MP4 up to the last complete fragment and marks them
     * RECOVERED. Returns what was recovered.
     */
    List<EpisodeSummary> recoverUnfinished(Path episodesRoot) throws IOException;
}
