package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.dataset.AlignmentReport;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.dataset.SelectedEpisode;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.timesync.TimeSyncService;

/** Dataset building on the reference camera's timeline, with device clocks fitted by the time sync. */
@Component(service = DatasetService.class)
public final class DatasetServiceImpl implements DatasetService {

    /** The alignment sidecar, relative to the dataset directory. */
    static final String ALIGNMENT_FILE = "meta/demoforge_alignment.json";

    private final TimeSyncService sync;

    /** Driver factories, asked for their arms' kinematic models when a dataset includes the end-effector pose. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<DeviceDriverFactory> factories = new CopyOnWriteArrayList<>();

    /** The stations, to find an episode's devices and their driver ids; absent where no device runtime runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StationManager stations;

    /** The review log: its trims are the default trims of {@link #export}; absent where no catalog runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReviewLog reviewLog;

    @Activate
    public DatasetServiceImpl(@Reference TimeSyncService sync) {
        this.sync = sync;
    }

    @Override
    public DatasetSpec spec(String name, RawEpisode episode) throws IOException {
        return spec(name, episode, false);
    }

    @Override
    public DatasetSpec spec(String name, RawEpisode episode, boolean endEffectorPose) throws IOException {
        FeatureLayout layout = FeatureLayout.of(episode.manifest().streams());
        if (endEffectorPose) {
            layout = layout.withPoses(EndEffectorPoses.of(episode.manifest(), stations, List.copyOf(factories)));
        }
        int fps = (int) Math.round(layout.referenceCamera().spec().nominalRateHz());
        return new DatasetSpec(name, episode.manifest().robotType(), fps, layout.features());
    }

    @Override
    public EpisodeFrames align(RawEpisode episode, DatasetSpec spec) throws IOException {
        return new AlignedEpisode(episode, spec, sync, poses(episode, spec));
    }

    /** The pose features of {@code spec} as this episode computes them (none when the spec has none). */
    private List<EndEffectorPoses.Pose> poses(RawEpisode episode, DatasetSpec spec) throws IOException {
        if (spec.features().stream().noneMatch(EndEffectorPoses::isPose)) {
            return List.of();
        }
        return EndEffectorPoses.of(episode.manifest(), stations, List.copyOf(factories));
    }

    @Override
    public AlignmentReport alignmentReport(EpisodeFrames aligned) {
        if (aligned instanceof AlignedEpisode a) {
            return a.report();
        }
        throw new IllegalArgumentException("Episode frames of " + aligned.sourceId() + " were not aligned by the"
                + " DatasetService");
    }

    @Override
    public ExportResult export(DatasetExporter exporter, String name, List<RawEpisode> episodes, Path outputDir,
            Map<String, String> options, IProgressMonitor monitor) throws IOException {
        ReviewLog log = reviewLog;
        List<SelectedEpisode> selected = new ArrayList<>();
        for (RawEpisode raw : episodes) {
            selected.add(ReviewTrims.of(log, raw.manifest().episodeId())
                    .map(t -> new SelectedEpisode(raw, t.startSeconds(), t.endSeconds(), null, null))
                    .orElseGet(() -> new SelectedEpisode(raw)));
        }
        return exportSelected(exporter, name, selected, outputDir, options, monitor);
    }

    @Override
    public ExportResult exportSelected(DatasetExporter exporter, String name, List<SelectedEpisode> episodes,
            Path outputDir, Map<String, String> options, IProgressMonitor monitor) throws IOException {
        if (episodes.isEmpty()) {
            throw new IOException("No episodes to export");
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Exporting " + episodes.size() + " episodes as "
                + exporter.label(), episodes.size() + 1);
        Map<String, String> exporterOptions = new HashMap<>(options == null ? Map.of() : options);
        String eePose = exporterOptions.remove(EE_POSE_OPTION);
        if (eePose != null && !eePose.equals("true") && !eePose.equals("false")) {
            throw new IllegalArgumentException("option " + EE_POSE_OPTION + "='" + eePose + "' must be true or false");
        }
        DatasetSpec spec = spec(name, episodes.get(0).raw(), "true".equals(eePose)).withSplits(splits(episodes));
        List<AlignmentReport> reports = new ArrayList<>();
        ExportResult result;
        try (ExportSession session = exporter.begin(outputDir, spec, exporterOptions)) {
            for (SelectedEpisode episode : episodes) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                progress.subTask(episode.raw().manifest().episodeId());
                AlignedEpisode aligned = new AlignedEpisode(episode, spec, sync, poses(episode.raw(), spec));
                reports.add(aligned.report());
                session.writeEpisode(aligned, progress.split(1));
            }
            result = session.finish(progress.split(1));
        }
        writeAlignment(result.outputDir(), spec, reports);
        return result;
    }

    /** The splits as runs of consecutive episodes with the same split name; none if no episode names one. */
    static List<DatasetSplit> splits(List<SelectedEpisode> episodes) {
        if (episodes.stream().allMatch(e -> e.split() == null)) {
            return List.of();
        }
        List<DatasetSplit> splits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int from = 0;
        for (int i = 1; i <= episodes.size(); i++) {
            String current = episodes.get(from).split();
            if (current == null) {
                throw new IllegalArgumentException("Episode " + episodes.get(from).raw().manifest().episodeId()
                        + " has no split while others have one");
            }
            if (i == episodes.size() || !current.equals(episodes.get(i).split())) {
                if (!seen.add(current)) {
                    throw new IllegalArgumentException("The episodes of split '" + current + "' are not consecutive"
                            + " (episode " + from + " starts it again); order the episodes by split");
                }
                splits.add(new DatasetSplit(current, from, i));
                from = i;
            }
        }
        return splits;
    }

    /** Writes the alignment reports beside the exported dataset. */
    static void writeAlignment(Path datasetDir, DatasetSpec spec, List<AlignmentReport> reports) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", "demoforge.alignment");
        o.addProperty("version", 1);
        o.addProperty("dataset", spec.name());
        o.addProperty("fps", spec.fps());
        JsonArray episodes = new JsonArray();
        for (int i = 0; i < reports.size(); i++) {
            JsonObject e = new JsonObject();
            e.addProperty("episode_index", i);
            JsonParser.parseString(reports.get(i).toJson()).getAsJsonObject().entrySet()
                    .forEach(en -> e.add(en.getKey(), en.getValue()));
            episodes.add(e);
        }
        o.add("episodes", episodes);
        Path file = datasetDir.resolve(ALIGNMENT_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("The dataset in " + datasetDir + " was written, but its alignment report "
                    + ALIGNMENT_FILE + " could not be: " + e.getMessage(), e);
        }
    }
}
