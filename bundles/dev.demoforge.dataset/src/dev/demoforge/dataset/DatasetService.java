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
 * linearly interpolated at the frame's capture time (quaternion elements spherically), other cameras contribute
 * their nearest frame.
 * <p>
 * Time base: capture times on the host monotonic clock. Where a stream's samples carry device time stamps, each
 * device clock is fitted on the episode ({@code dev.demoforge.timesync}) and a sample's capture time is its device
 * time mapped to the host clock, minus the device's fixed latency; streams without device time use their host
 * receive time. {@link #alignmentReport} says which, and how well.
 * <p>
 * Blocking, file I/O and video decoding; call off the UI thread. Thread-safe.
 *
 * @since 0.1
 */
@ProviderType
public interface DatasetService {

    /**
     * Dataset option {@code ee_pose} ({@code "true"} / {@code "false"}, default false), taken by {@link #export}
     * out of the options before the rest go to the exporter: add the end-effector pose of every arm whose driver
     * declares a {@link dev.demoforge.device.api.KinematicModel} (see {@link #spec(String, RawEpisode, boolean)}).
     *
     * @since 0.3
     */
    String EE_POSE_OPTION = "ee_pose";

    /**
     * The dataset features of a station layout, taken from an episode: {@code observation.state} (joint states and
     * gripper), {@code action}, {@code observation.<device>.<stream>} for other vectors, and
     * {@code observation.images.<device>} per camera.
     */
    DatasetSpec spec(String name, RawEpisode episode) throws IOException;

    /**
     * {@link #spec(String, RawEpisode)}, and with {@code endEffectorPose} one more {@code float32} feature per arm
     * whose driver factory declares a {@link dev.demoforge.device.api.KinematicModel}, right after
     * {@code observation.state}: {@code observation.ee_pose} (one arm) or {@code observation.<device>.ee_pose},
     * 7-D, names {@code x, y, z, qx, qy, qz, qw} (m; unit quaternion, scalar last), its
     * {@link dev.demoforge.export.api.FeatureSpec#info()} naming the base {@code frame}. Each row's pose is the
     * forward kinematics of the joint state interpolated at that row. The model is found through the episode's
     * station as configured now and its device's driver id.
     *
     * @throws IOException naming the station and devices when {@code endEffectorPose} is set and no arm has a model
     * @since 0.3
     */
    DatasetSpec spec(String name, RawEpisode episode, boolean endEffectorPose) throws IOException;

    /** One episode on the dataset timeline; fails naming the episode when its streams differ from the spec. */
    EpisodeFrames align(RawEpisode episode, DatasetSpec spec) throws IOException;

    /**
     * How an episode returned by {@link #align} was aligned.
     *
     * @throws IllegalArgumentException if the frames do not come from this service's {@link #align}
     * @since 0.2
     */
    AlignmentReport alignmentReport(EpisodeFrames aligned);

    /**
     * Exports the episodes, in order, through the exporter. Cancellation through the monitor leaves no dataset
     * behind (the exporter works in a staging directory). Once the exporter finished, the episodes' alignment
     * reports are written beside its files as {@code meta/demoforge_alignment.json}
     * ({@code {"format": "demoforge.alignment", "version": 1, "dataset", "fps", "episodes": [{"episode_index", ...
     * AlignmentReport}]}}). The dataset option {@link #EE_POSE_OPTION} is taken out of {@code options}; the rest
     * go to the exporter. An episode trimmed in review ({@code ReviewLog.trim}, when a review log service runs) is
     * exported with its review trim, as {@link #exportSelected} would with that window.
     */
    ExportResult export(DatasetExporter exporter, String name, List<RawEpisode> episodes, Path outputDir,
            Map<String, String> options, IProgressMonitor monitor) throws IOException;

    /**
     * Like {@link #export}, for episodes with trims, task overrides and splits: each episode's rows are cut to its
     * trim window as given (review trims are not added here; {@code DatasetBuilder} resolves them) (the raw files stay as they are), its task text replaced where given, and the splits declared to
     * the exporter ({@link DatasetSpec#splits()}) as the runs of consecutive episodes with the same split name.
     *
     * @throws IllegalArgumentException if episodes of one split are not consecutive, or only some have a split
     * @since 0.4
     */
    ExportResult exportSelected(DatasetExporter exporter, String name, List<SelectedEpisode> episodes,
            Path outputDir, Map<String, String> options, IProgressMonitor monitor) throws IOException;
}
