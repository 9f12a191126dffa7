package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewLog;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.dataset.BuildResult;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.ExportResult;

/**
 * A trim made in review ({@link ReviewLog#trimStart}, {@link ReviewLog#trimEnd}) is the episode's default trim in
 * exports: the plain export and a saved dataset keep only the reviewed span (checked by hyparquet through
 * tests/readers/lerobot-check.mjs); a dataset's own trim edit overrides it. Real recordings of the simulated station.
 */
class ReviewTrimExportTest {

    private static final String TASK = "review trim " + UUID.randomUUID().toString().substring(0, 6);
    private static final double START = 0.8;
    private static final double END = 1.8;
    private static Path root;
    private static List<EpisodeRecord> recorded;

    @BeforeAll
    static void recordAndTrimTheFirstInReview() throws Exception {
        root = Files.createTempDirectory("review-trims");
        recorded = SimCatalog.record(root.resolve("episodes"), 3.0, List.of(
                new SimCatalog.Take(TASK, "ana", ReviewState.ACCEPTED),
                new SimCatalog.Take(TASK, "bo", ReviewState.ACCEPTED)));
        ReviewLog log = OsgiServices.get(ReviewLog.class);
        log.trimStart(recorded.get(0).id(), START, "dataset-test");
        log.trimEnd(recorded.get(0).id(), END, "dataset-test");
    }

    @Test
    void aPlainExportKeepsOnlyTheSpanTheReviewerKept() throws Exception {
        DatasetService service = OsgiServices.get(DatasetService.class);
        EpisodeStore store = OsgiServices.get(EpisodeStore.class);
        List<RawEpisode> raw = new ArrayList<>();
        for (EpisodeRecord e : recorded) {
            raw.add(store.open(Path.of(e.directory())));
        }
        Path out = root.resolve("plain");
        ExportResult r = service.export(lerobot(), "reviewed", raw, out, Map.of(), new NullProgressMonitor());

        long trimmed = SimCatalog.rowsWithin(recorded.get(0), START, END);
        long whole = SimCatalog.rowsWithin(recorded.get(0), 0, Double.POSITIVE_INFINITY);
        long second = SimCatalog.rowsWithin(recorded.get(1), 0, Double.POSITIVE_INFINITY);
        assertTrue(trimmed >= 5 && trimmed < whole / 2, trimmed + " of " + whole + " rows in the reviewed span");
        assertEquals(List.of(trimmed, second), alignedRows(out), "rows per episode");
        JsonObject check = Readers.lerobotCheck(out);
        assertEquals(2, check.get("episodes").getAsInt());
        assertEquals(trimmed + second, check.get("frames").getAsLong(), "frames the independent reader counts");
        assertEquals(r.frames(), check.get("frames").getAsLong());
    }

    @Test
    void aSavedDatasetTakesTheReviewTrimUnlessItsOwnTrimEditOverridesIt() throws Exception {
        DatasetStore store = OsgiServices.get(DatasetStore.class);
        DatasetBuilder builder = OsgiServices.get(DatasetBuilder.class);
        String name = "review-trim-" + UUID.randomUUID().toString().substring(0, 6);
        store.create(new DatasetDefinition(name, new DatasetQuery(List.of(TASK), null, null, null, null, null,
                List.of(ReviewState.ACCEPTED), null, null), SplitRule.none(), "lerobot", Map.of(), null));

        DatasetPlan plan = builder.plan(name);
        assertEquals(START, plan.episodes().get(0).startSeconds(), "the review trim is the default");
        assertEquals(END, plan.episodes().get(0).endSeconds());
        assertEquals(false, plan.episodes().get(1).trimmed(), "the untrimmed episode stays whole");
        BuildResult first = builder.build(name, root.resolve(name + "-1"), new NullProgressMonitor());
        assertEquals(SimCatalog.rowsWithin(recorded.get(0), START, END), alignedRows(first.export().outputDir())
                .get(0));
        JsonObject trim = manifestTrim(first.manifest());
        assertEquals(START, trim.get("start_s").getAsDouble(), "the manifest records the trim used");
        assertEquals(END, trim.get("end_s").getAsDouble());

        store.addEdit(name, DatasetEdit.trim(recorded.get(0).id(), 0.5, 2.5));
        BuildResult edited = builder.build(name, root.resolve(name + "-2"), new NullProgressMonitor());
        assertEquals(SimCatalog.rowsWithin(recorded.get(0), 0.5, 2.5), alignedRows(edited.export().outputDir())
                .get(0), "the dataset's trim edit overrides the review trim");
        assertEquals(0.5, manifestTrim(edited.manifest()).get("start_s").getAsDouble());
        Readers.lerobotCheck(edited.export().outputDir());
    }

    /** Rows per episode, in export order, from the alignment sidecar. */
    private static List<Long> alignedRows(Path dataset) throws IOException {
        JsonArray episodes = JsonParser.parseString(Files.readString(dataset.resolve(
                DatasetServiceImpl.ALIGNMENT_FILE))).getAsJsonObject().getAsJsonArray("episodes");
        return episodes.asList().stream().map(e -> e.getAsJsonObject().get("rows").getAsLong()).toList();
    }

    private static JsonObject manifestTrim(Path manifest) throws IOException {
        return JsonParser.parseString(Files.readString(manifest)).getAsJsonObject().getAsJsonArray("episodes")
                .get(0).getAsJsonObject().getAsJsonObject("trim");
    }

    private static DatasetExporter lerobot() throws Exception {
        return OsgiServices.get(DatasetExporter.class, e -> e.formatId().equals("lerobot"));
    }
}
