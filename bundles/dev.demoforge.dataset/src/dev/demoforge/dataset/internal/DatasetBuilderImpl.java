package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.JsonObject;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.dataset.DatasetBuild;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.dataset.BuildResult;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.dataset.PlannedEpisode;
import dev.demoforge.dataset.SelectedEpisode;
import dev.demoforge.dataset.internal.BuildManifest.Episode;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.dataset.internal.ContentHashes.FileHash;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;

/** Builds saved datasets and rebuilds them from their manifests. */
@Component(service = DatasetBuilder.class)
public final class DatasetBuilderImpl implements DatasetBuilder {

    private final BundleContext context;
    private final DatasetStore store;
    private final Catalog catalog;
    private final EpisodeStore episodes;
    private final DatasetService service;
    /** Exporters come and go with their bundles; looked up by format id at each build. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            fieldOption = FieldOption.UPDATE)
    private final List<DatasetExporter> exporters = new CopyOnWriteArrayList<>();
    /** The review log: its trims are the default trims of a dataset's episodes; absent where no catalog runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReviewLog reviewLog;

    @Activate
    public DatasetBuilderImpl(BundleContext context, @Reference DatasetStore store, @Reference Catalog catalog,
            @Reference EpisodeStore episodes, @Reference DatasetService service) {
        this.context = context;
        this.store = store;
        this.catalog = catalog;
        this.episodes = episodes;
        this.service = service;
    }

    @Override
    public DatasetPlan plan(String name) {
        ReviewLog log = reviewLog;
        return new DatasetResolver(store, id -> ReviewTrims.of(log, id)).plan(name);
    }

    @Override
    public BuildResult build(String name, Path outputDir, IProgressMonitor monitor) throws IOException {
        DatasetPlan plan = plan(name);
        DatasetDefinition definition = plan.definition();
        if (plan.episodes().isEmpty()) {
            throw new IOException("Dataset '" + name + "' selects no episode (query and edits leave none)");
        }
        DatasetExporter exporter = exporter(definition.format());
        SubMonitor progress = SubMonitor.convert(monitor, "Building dataset " + name, 10);
        ContentHashes hashes = new ContentHashes(store);
        List<Episode> listed = new ArrayList<>();
        List<SelectedEpisode> selected = new ArrayList<>();
        SubMonitor hashing = progress.split(2).setWorkRemaining(plan.episodes().size());
        for (PlannedEpisode p : plan.episodes()) {
            checkCanceled(hashing);
            hashing.subTask("Hashing " + p.episode().id());
            Path dir = Path.of(p.episode().directory());
            listed.add(new Episode(listed.size(), p.episode().id(), p.split(), p.episode().task(), p.task(),
                    p.startSeconds(), p.endSeconds(), hashes.rawFiles(dir)));
            selected.add(new SelectedEpisode(episodes.open(dir), p.startSeconds(), p.endSeconds(), p.task(),
                    p.split()));
            hashing.worked(1);
        }
        ExportResult result = service.exportSelected(exporter, name, selected, outputDir, definition.options(),
                progress.split(7));
        int version = store.builds(name).size() + 1;
        JsonObject manifest = manifest(name, version, exporter, definition.options(), listed);
        manifest.add("query", BuildManifest.query(definition.query()));
        manifest.add("split_rule", BuildManifest.splitRule(definition.split()));
        manifest.add("edits", BuildManifest.edits(plan.edits()));
        manifest.add("rebuilt_from", null);
        List<FileHash> outputs = hashes.tree(result.outputDir(), MANIFEST);
        manifest.add("outputs", BuildManifest.files(outputs));
        String sha = BuildManifest.write(result.outputDir(), manifest);
        store.putBuild(new DatasetBuild(name, version, result.outputDir().toString(), sha, result.episodes(),
                result.frames(), Instant.now()));
        progress.split(1);
        return new BuildResult(result, result.outputDir().resolve(MANIFEST), sha, version, plan.splitCounts(),
                hashes.hashed, hashes.cached, List.of());
    }

    @Override
    public BuildResult rebuild(Path manifestFile, Path outputDir, IProgressMonitor monitor) throws IOException {
        BuildManifest.Parsed old = BuildManifest.read(manifestFile);
        DatasetExporter exporter = exporter(old.format());
        SubMonitor progress = SubMonitor.convert(monitor, "Rebuilding dataset " + old.name(), 10);
        ContentHashes hashes = new ContentHashes(store);
        List<SelectedEpisode> selected = new ArrayList<>();
        SubMonitor hashing = progress.split(2).setWorkRemaining(old.episodes().size());
        for (Episode e : old.episodes()) {
            checkCanceled(hashing);
            hashing.subTask("Checking " + e.id());
            EpisodeRecord record = catalog.episode(e.id()).orElseThrow(() -> new IOException("Episode " + e.id()
                    + " of manifest " + manifestFile + " is not in this workspace's catalog"));
            Path dir = Path.of(record.directory());
            compareRaw(e, hashes.rawFiles(dir), manifestFile);
            selected.add(new SelectedEpisode(episodes.open(dir), e.startSeconds(), e.endSeconds(), e.task(),
                    e.split()));
            hashing.worked(1);
        }
        ExportResult result = service.exportSelected(exporter, old.name(), selected, outputDir, old.options(),
                progress.split(7));
        JsonObject manifest = manifest(old.name(), old.version(), exporter, old.options(), old.episodes());
        manifest.add("query", old.json().get("query"));
        manifest.add("split_rule", old.json().get("split_rule"));
        manifest.add("edits", old.json().get("edits"));
        manifest.addProperty("rebuilt_from", hashes.sha256(manifestFile));
        List<FileHash> outputs = hashes.tree(result.outputDir(), MANIFEST);
        manifest.add("outputs", BuildManifest.files(outputs));
        String sha = BuildManifest.write(result.outputDir(), manifest);
        progress.split(1);
        Map<String, Integer> splits = new LinkedHashMap<>();
        old.episodes().forEach(e -> splits.merge(e.split() == null ? "" : e.split(), 1, Integer::sum));
        return new BuildResult(result, result.outputDir().resolve(MANIFEST), sha, old.version(), splits,
                hashes.hashed, hashes.cached, differing(old.outputs(), outputs));
    }

    private JsonObject manifest(String name, int version, DatasetExporter exporter, Map<String, String> options,
            List<Episode> listed) {
        JsonObject m = new JsonObject();
        m.addProperty("format", BuildManifest.FORMAT);
        m.addProperty("version", 1);
        JsonObject dataset = new JsonObject();
        dataset.addProperty("name", name);
        dataset.addProperty("version", version);
        m.add("dataset", dataset);
        m.addProperty("built_at", Instant.now().toString());
        JsonObject tool = new JsonObject();
        JsonObject bundles = new JsonObject();
        toolBundles().forEach(bundles::addProperty);
        tool.add("bundles", bundles);
        tool.addProperty("java", System.getProperty("java.version"));
        m.add("tool", tool);
        JsonObject ex = new JsonObject();
        ex.addProperty("id", exporter.formatId());
        ex.addProperty("label", exporter.label());
        JsonObject opts = new JsonObject();
        new TreeMap<>(options).forEach(opts::addProperty);
        ex.add("options", opts);
        m.add("exporter", ex);
        JsonObject splits = new JsonObject();
        for (int i = 0; i < listed.size();) {
            String split = listed.get(i).split();
            int j = i;
            while (j < listed.size() && java.util.Objects.equals(split, listed.get(j).split())) {
                j++;
            }
            if (split != null) {
                splits.addProperty(split, i + ":" + j);
            }
            i = j;
        }
        m.add("splits", splits);
        m.add("episodes", BuildManifest.episodes(listed));
        return m;
    }

    /** Versions of the DemoForge bundles running, by symbolic name. */
    private Map<String, String> toolBundles() {
        Map<String, String> out = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("dev.demoforge.")
                    && b.getHeaders().get("Fragment-Host") == null) {
                out.put(b.getSymbolicName(), b.getVersion().toString());
            }
        }
        return out;
    }

    private static void compareRaw(Episode e, List<FileHash> now, Path manifestFile) throws IOException {
        Map<String, FileHash> current = new HashMap<>();
        now.forEach(f -> current.put(f.path(), f));
        for (FileHash f : e.files()) {
            FileHash c = current.get(f.path());
            if (c == null) {
                throw new IOException("Episode " + e.id() + ": raw file " + f.path() + " listed in " + manifestFile
                        + " is missing");
            }
            if (!c.sha256().equals(f.sha256())) {
                throw new IOException("Episode " + e.id() + ": raw file " + f.path() + " changed since the build ("
                        + "sha256 " + c.sha256() + ", manifest " + f.sha256() + ")");
            }
        }
    }

    private static List<String> differing(List<FileHash> before, List<FileHash> after) {
        Map<String, String> now = new HashMap<>();
        after.forEach(f -> now.put(f.path(), f.sha256()));
        List<String> out = new ArrayList<>();
        for (FileHash f : before) {
            if (!f.sha256().equals(now.remove(f.path()))) {
                out.add(f.path());
            }
        }
        out.addAll(new TreeMap<>(now).keySet());
        return out;
    }

    private DatasetExporter exporter(String format) throws IOException {
        return exporters.stream().filter(e -> e.formatId().equals(format)).findFirst()
                .orElseThrow(() -> new IOException("No exporter for format '" + format + "'. Formats: "
                        + exporters.stream().map(DatasetExporter::formatId).sorted().toList()));
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
