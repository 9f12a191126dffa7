package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.dataset.AlignmentReport;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.ClockSegment;
import dev.demoforge.timesync.DeviceClocks;

/**
 * The raw episode carries its own time base: the recorder stores the clock model of every device, fitted online
 * while recording, and export uses it; episodes without it (older, or the file lost) are fitted at export.
 */
class RecordedClocksTest {

    private static final long BOUND_NS = 1_000_000;
    private static DatasetService service;
    private static RawEpisode episode;
    private static DeviceClocks stored;

    @BeforeAll
    static void record() throws Exception {
        service = OsgiServices.get(DatasetService.class);
        episode = SimEpisode.get();
        assertEquals(DeviceClocks.FILE, episode.manifest().clockModels(), "the manifest lists the clock models");
        Path file = episode.directory().resolve(episode.manifest().clockModels());
        stored = DeviceClocks.fromJson(Files.readString(file), file.toString());
    }

    private static AlignmentReport align(RawEpisode e) throws IOException {
        DatasetSpec spec = service.spec("clocks", e);
        return service.alignmentReport(service.align(e, spec));
    }

    /** A copy of the episode directory, to alter without touching the shared recording. */
    private static Path copy() throws IOException {
        Path dir = Files.createTempDirectory("clocks-episode").resolve(episode.manifest().episodeId());
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(episode.directory())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void everyDeviceClockIsStoredAndMatchesTheGroundTruth() throws Exception {
        assertEquals(List.of("arm", "leader", "cam_scene", "cam_wrist", "ft"), List.copyOf(stored.byDevice().keySet()));
        Map<String, SimEpisode.Truth> truths = SimEpisode.truths(episode);
        Map<String, List<long[]>> pairs = new HashMap<>();
        episode.read(java.util.Set.of("/arm/joints", "/cam_scene/image", "/ft/wrench"), (topic, s) -> pairs
                .computeIfAbsent(topic.split("/")[1], k -> new java.util.ArrayList<>())
                .add(new long[] {s.hostNanos(), s.deviceNanos()}));
        for (Map.Entry<String, List<long[]>> e : pairs.entrySet()) {
            ClockModel m = stored.byDevice().get(e.getKey());
            assertEquals(e.getKey() + ".clock", m.clockId());
            long[] err = e.getValue().stream().mapToLong(p -> Math.abs(m.captureNanos(p[1], p[0])
                    - truths.get(e.getKey()).trueNanos(p[1]))).sorted().toArray();
            long p99 = err[(int) Math.ceil(0.99 * err.length) - 1];
            System.out.printf("stored clock %s: capture error p99 %.3f ms%n", m.clockId(), p99 / 1e6);
            assertTrue(p99 < BOUND_NS, m.clockId() + " p99 " + p99);
        }
        assertEquals(15_000_000, stored.byDevice().get("cam_scene").fixedLatencyNs(), "latency as configured");
    }

    @Test
    void exportUsesTheStoredModel() throws Exception {
        AlignmentReport report = align(episode);
        for (ClockModel m : report.clocks()) {
            assertEquals("recorded", report.clockSources().get(m.clockId()), m.clockId());
            String device = m.clockId().replace(".clock", "");
            assertEquals(stored.byDevice().get(device).segments(), m.segments(), device);
        }
        // the stored model is really what is used: shift it by 3 ms and the alignment follows
        Path dir = copy();
        Map<String, ClockModel> shifted = new java.util.LinkedHashMap<>(stored.byDevice());
        ClockModel arm = shifted.get("arm");
        shifted.put("arm", new ClockModel(arm.clockId(), arm.segments().stream().map(s -> new ClockSegment(
                s.fromHostNs(), s.fromDeviceNs(), s.refHostNs(), s.offsetNs() + 3_000_000, s.driftPpm(),
                s.samples())).toList(), arm.fixedLatencyNs(), arm.residuals()));
        Files.writeString(dir.resolve(DeviceClocks.FILE), new DeviceClocks(shifted).toJson());
        RawEpisode altered = OsgiServices.get(EpisodeStore.class).open(dir);
        ClockModel used = align(altered).clocks().stream().filter(c -> c.clockId().equals("arm.clock")).findFirst()
                .orElseThrow();
        assertEquals(arm.offsetNs() + 3_000_000, used.offsetNs());
    }

    @Test
    void anEpisodeWithoutStoredModelsIsFittedAtExportToTheSameClocks() throws Exception {
        Path dir = copy();
        Files.delete(dir.resolve(DeviceClocks.FILE));
        AlignmentReport report = align(OsgiServices.get(EpisodeStore.class).open(dir));
        assertEquals(5, report.clocks().size());
        for (ClockModel fitted : report.clocks()) {
            assertEquals("fitted", report.clockSources().get(fitted.clockId()));
            ClockModel recorded = stored.byDevice().get(fitted.clockId().replace(".clock", ""));
            long at = fitted.refHostNs();
            long diff = recorded.segments().get(0).toDeviceNanos(at) - fitted.segments().get(0).toDeviceNanos(at);
            assertTrue(Math.abs(diff) < 20_000, fitted.clockId() + ": recorded and refitted lines " + diff
                    + " ns apart");
        }
        assertNotEquals(null, report.clocks().get(0).residuals());
    }
}
