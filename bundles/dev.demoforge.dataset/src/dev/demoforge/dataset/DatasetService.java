package dev.demoforge.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.annotation.versioning.ProviderType;

import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;

/**
 * Builds datasets from raw episodes. The dataset timeline is the reference camera's frames (the first camera of
 * the station): row i is that camera's i-th recorded frame, exported at {@code t = i / fps}; every vector stream is
 * linearly interpolated at the frame's capture time, other cameras contribute their nearest frame.
 * <p>
 * Blocking, file I/O and video decoding; call off the UI thread. Thread-safe.
 *
 * @since 0.1
 */
@ProviderType
public interface DatasetService {

    /**
     * The dataset features of a station layout, taken from an episode: {@code observation.state} (joint states and
     * gripper), {@code action}, {@code observation.<device>.<stream>} for other vectors, and
     * {@code observation.images.<device>} per camera.
     */
    DatasetSpec spec(String name, RawEpisode episode) throws IOException;

    /** One episode on the dataset timeline; fails naming the episode when its streams differ from the spec. */
    EpisodeFrames align(RawEpisode episode, DatasetSpec spec) throws IOException;

    /**
     * Exports the episodes, in order, through the exporter. Cancellation through the monitor leaves no dataset
     * behind (the exporter works in a staging directory).
     */
    ExportResult export(DatasetExporter exporter, String name, List<RawEpisode> episodes, Path outputDir,
            Map<String, String> options, IProgressMonitor monitor) throws IOException;
}
