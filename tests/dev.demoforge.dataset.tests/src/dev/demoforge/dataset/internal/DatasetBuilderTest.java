package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.DatasetDefinition;
import dev.demoforge.catalog.api.dataset.DatasetEdit;
import dev.demoforge.catalog.api.dataset.DatasetQuery;
import dev.demoforge.catalog.api.dataset.DatasetStore;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.dataset.BuildResult;
import dev.demoforge.dataset.DatasetBuilder;
import dev.demoforge.dataset.DatasetPlan;
import dev.demoforge.dataset.PlannedEpisode;

/**
 * Saved datasets built from real recordings of the simulated station through the real LeRobot and robomimic
 * exporters, checked by the independent readers (hyparquet through tests/readers/lerobot-check.mjs, h5py).
 */
class DatasetBuilderTest {

    private static final String PICK = "pick the cube";
    private static final String STACK = "stack the cubes";
    private static Path root;
    private static List<EpisodeRecord> recorded;
    private static DatasetBuilder builder;
    private static DatasetStore store;
    private static Map<String, String> rawBefore;

    @BeforeAll
    static void record() throws Exception {
        root = Files.createTempDirectory("dataset-builds");
        recorded = SimCatalog.record(root.resolve("episodes"), 2.5, List.of(
                new SimCatalog.Take(PICK, "ana", ReviewState.ACCEPTED),
                new SimCatalog.Take(PICK, "bo", ReviewState.ACCEPTED),
                new SimCatalog.Take(STACK, "ana", ReviewState.ACCEPTED),
                new SimCatalog.Take(STACK, "bo", ReviewState.ACCEPTED),
                new SimCatalog.Take(PICK, "cy", ReviewState.REJECTED)));
        rawBefore = SimCatalog.hashes(List.of(root.resolve("episodes")));
        builder = OsgiServices.get(DatasetBuilder.class);
        store = OsgiServices.get(DatasetStore.class);
    }

    /** Just before this test's first recording (the catalog keeps microseconds). */
    private static java.time.Instant since() {
        return recorded.get(0).startedAt().minusSeconds(1);
    }

    /** A query over this test's recordings only (the catalog of the test run is shared). */
    private static DatasetQuery ours(List<ReviewState> review) {
        return new DatasetQuery(null, null, null, null, since(), null, review, null, null);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void buildingTwiceGivesTheSameEpisodesSplitsAndDataBytes() throws Exception {
        String name = unique("twice");
        store.create(new DatasetDefinition(name, ours(List.of(ReviewState.ACCEPTED)), new SplitRule(List.of(
                new SplitRule.Share("train", 0.5), new SplitRule.Share("val", 0.5)), 7, SplitRule.Stratify.TASK),
                "lerobot", Map.of(), null));
        BuildResult first = builder.build(name, root.resolve(name + "-1"), new NullProgressMonitor());
        BuildResult second = builder.build(name, root.resolve(name + "-2"), new NullProgressMonitor());
        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(Map.of("train", 2, "val", 2), first.splits());
        assertEquals(first.rawFiles(), second.rawFilesCached(), "the second build hashes no raw file again");

        JsonObject m1 = json(first.manifest());
        JsonObject m2 = json(second.manifest());
        assertEquals(m1.get("episodes"), m2.get("episodes"), "same episodes, hashes, splits, trims, tasks");
        assertEquals(m1.get("splits"), m2.get("splits"));
        JsonObject info = json(first.export().outputDir().resolve("meta/info.json"));
        assertEquals(m1.get("splits"), info.get("splits"), "LeRobot info.json carries the split");
        assertEquals("0:2", info.getAsJsonObject("splits").get("train").getAsString());
        for (JsonElement e : m1.getAsJsonArray("episodes")) {
            JsonObject ep = e.getAsJsonObject();
            String split = ep.get("split").getAsString();
            long sameTask = m1.getAsJsonArray("episodes").asList().stream().filter(o -> o.getAsJsonObject()
                    .get("split").getAsString().equals(split)).map(o -> o.getAsJsonObject().get("recorded_task"))
                    .distinct().count();
            assertEquals(2, sameTask, "stratified by task: each split holds one episode of each task");
        }
        assertEquals(List.of(), differing(m1, m2), "every output file is byte-identical");
        Readers.lerobotCheck(second.export().outputDir());
    }

    @Test
    void recordedEpisodesStartOnTheReferenceCamerasFirstFrameSoLeRobotCopiesTheirPackets() throws Exception {
        // the simulated cameras are received 15-25 ms after exposure; the recorder's pre-roll keeps MP4 frame 0
        String name = unique("copy");
        store.create(new DatasetDefinition(name, ours(List.of(ReviewState.ACCEPTED)), new SplitRule(List.of(
                new SplitRule.Share("train", 1.0)), 7, SplitRule.Stratify.NONE), "lerobot", Map.of(), null));
        BuildResult r = builder.build(name, root.resolve(name), new NullProgressMonitor());
        JsonArray alignment = json(r.export().outputDir().resolve("meta/demoforge_alignment.json"))
                .getAsJsonArray("episodes");
        assertEquals(4, alignment.size());
        for (JsonElement e : alignment) {
            assertEquals(0, e.getAsJsonObject().get("rows_trimmed_start").getAsInt(),
                    "no reference frame trimmed at the start: " + e.getAsJsonObject().get("rows_trimmed_end"));
        }
        JsonObject video = json(r.export().outputDir().resolve("meta/demoforge_video.json"));
        long copied = video.getAsJsonArray("episodes").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(c -> c.get("video_key").getAsString().equals("observation.images.cam_scene"))
                .filter(c -> c.get("mode").getAsString().equals("copied")).count();
        assertEquals(4, copied, "the reference camera's packets are copied in every episode: " + video);
        Readers.lerobotCheck(r.export().outputDir());
    }

    /** Output paths whose hashes differ between two manifests. */
    private static List<String> differing(JsonObject a, JsonObject b) {
        Map<String, String> before = new java.util.HashMap<>();
        a.getAsJsonArray("outputs").forEach(o -> before.put(o.getAsJsonObject().get("path").getAsString(),
                o.getAsJsonObject().get("sha256").getAsString()));
        List<String> out = new java.util.ArrayList<>();
        b.getAsJsonArray("outputs").forEach(o -> {
            String p = o.getAsJsonObject().get("path").getAsString();
            if (!o.getAsJsonObject().get("sha256").getAsString().equals(before.remove(p))) {
                out.add(p);
            }
        });
        out.addAll(before.keySet());
        return out;
    }

    @Test
    void rebuildFromManifestKeepsItsEpisodesAfterNewOnesArriveAndRefusesChangedRawFiles() throws Exception {
        String name = unique("rebuild");
        store.create(new DatasetDefinition(name, ours(List.of(ReviewState.ACCEPTED)), new SplitRule(List.of(
                new SplitRule.Share("train", 3), new SplitRule.Share("test", 1)), 3, SplitRule.Stratify.NONE),
                "robomimic", Map.of(), null));
        BuildResult built = builder.build(name, root.resolve(name), new NullProgressMonitor());
        Catalog catalog = OsgiServices.get(Catalog.class);
        EpisodeRecord late = recorded.get(4);
        catalog.putEpisode(late.withReview(ReviewState.ACCEPTED));
        try {
            assertEquals(5, builder.plan(name).episodes().size(), "the query now selects the new episode");
            BuildResult again = builder.rebuild(built.manifest(), root.resolve(name + "-again"),
                    new NullProgressMonitor());
            assertEquals(4, again.export().episodes(), "the manifest's episodes, not the query's");
            assertEquals(List.of(), again.differingOutputs(), "rebuilt byte for byte");
            JsonObject masks = Readers.robomimicMasks(again.export().outputDir().resolve(name + ".hdf5"));
            assertEquals(List.of("demo_0", "demo_1", "demo_2"), strings(masks.getAsJsonArray("train")));
            assertEquals(List.of("demo_3"), strings(masks.getAsJsonArray("test")));
        } finally {
            catalog.putEpisode(late);
        }

        Path copy = Files.createTempDirectory("changed-raw");
        JsonObject manifest = json(built.manifest());
        JsonObject first = manifest.getAsJsonArray("episodes").get(0).getAsJsonObject();
        JsonObject file = first.getAsJsonArray("files").get(0).getAsJsonObject();
        file.addProperty("sha256", "0".repeat(64));
        Path edited = copy.resolve("manifest.json");
        Files.writeString(edited, manifest.toString());
        IOException e = assertThrows(IOException.class, () -> builder.rebuild(edited, copy.resolve("out"),
                new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("Episode " + first.get("id").getAsString() + ": raw file "
                + file.get("path").getAsString() + " changed since the build"), e.getMessage());
        assertTrue(Files.notExists(copy.resolve("out")), "nothing is exported when a raw file changed");
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void editsTrimRelabelDeleteAndMergeReachTheExportWithoutTouchingRawFiles() throws Exception {
        String picks = unique("picks");
        String stacks = unique("stacks");
        DatasetQuery pickQuery = new DatasetQuery(List.of(PICK), null, null, null, since(), null,
                List.of(ReviewState.ACCEPTED), null, null);
        DatasetQuery stackQuery = new DatasetQuery(List.of(STACK), null, null, null, since(),
                null, List.of(ReviewState.ACCEPTED), null, null);
        store.create(new DatasetDefinition(picks, pickQuery, SplitRule.none(), "lerobot", Map.of(), null));
        store.create(new DatasetDefinition(stacks, stackQuery, SplitRule.none(), "lerobot", Map.of(), null));
        String trimmed = recorded.get(0).id();
        String relabelled = recorded.get(2).id();
        store.addEdit(picks, DatasetEdit.trim(trimmed, 0.5, 1.5));
        store.addEdit(stacks, DatasetEdit.relabel(relabelled, "stack the red cube on the blue one"));
        store.addEdit(picks, DatasetEdit.merge(stacks));
        store.addEdit(picks, DatasetEdit.delete(recorded.get(3).id()));

        DatasetPlan plan = builder.plan(picks);
        assertEquals(List.of(recorded.get(0).id(), recorded.get(1).id(), recorded.get(2).id()),
                plan.episodes().stream().map(p -> p.episode().id()).toList());
        PlannedEpisode merged = plan.episodes().get(2);
        assertEquals(stacks, merged.origin());
        assertEquals("stack the red cube on the blue one", merged.effectiveTask(), "merged with its own label");

        BuildResult r = builder.build(picks, root.resolve(picks), new NullProgressMonitor());
        JsonObject alignment = json(r.export().outputDir().resolve("meta/demoforge_alignment.json"));
        JsonObject trimmedReport = alignment.getAsJsonArray("episodes").get(0).getAsJsonObject();
        int rows = trimmedReport.get("rows").getAsInt();
        double span = trimmedReport.get("row_span_ns").getAsLong() / 1e9;
        assertEquals(SimCatalog.rowsWithin(recorded.get(0), 0.5, 1.5), rows, "rows whose capture time lies in 0.5 s to 1.5 s");
        assertTrue(rows >= 5 && span <= 1.0, rows + " rows spanning " + span + " s");
        JsonObject check = Readers.lerobotCheck(r.export().outputDir());
        assertEquals(3, check.get("episodes").getAsInt());
        assertEquals(r.export().frames(), check.get("frames").getAsLong());
        assertEquals(List.of(PICK, "stack the red cube on the blue one"), Readers.tasks(r.export().outputDir()));
        JsonObject manifest = json(r.manifest());
        JsonObject trim = manifest.getAsJsonArray("episodes").get(0).getAsJsonObject().getAsJsonObject("trim");
        assertEquals(0.5, trim.get("start_s").getAsDouble());
        assertEquals(3, manifest.getAsJsonArray("edits").size(), "its own trim, merge and delete");

        assertEquals(rawBefore, SimCatalog.hashes(List.of(root.resolve("episodes"))),
                "raw episode files are byte-identical after builds and edits");
    }

    @Test
    void mergeCyclesAndEmptyDatasetsAreRefusedByName() throws Exception {
        String a = unique("a");
        String b = unique("b");
        store.create(new DatasetDefinition(a, ours(List.of(ReviewState.FLAGGED)), SplitRule.none(), "lerobot",
                Map.of(), null));
        store.create(new DatasetDefinition(b, ours(List.of(ReviewState.FLAGGED)), SplitRule.none(), "lerobot",
                Map.of(), null));
        IOException empty = assertThrows(IOException.class, () -> builder.build(a, root.resolve(a),
                new NullProgressMonitor()));
        assertTrue(empty.getMessage().contains("Dataset '" + a + "' selects no episode"), empty.getMessage());
        store.addEdit(a, DatasetEdit.merge(b));
        store.addEdit(b, DatasetEdit.merge(a));
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> builder.plan(a));
        assertTrue(cycle.getMessage().contains("cycle: " + a + " -> " + b + " -> " + a), cycle.getMessage());
    }
}
