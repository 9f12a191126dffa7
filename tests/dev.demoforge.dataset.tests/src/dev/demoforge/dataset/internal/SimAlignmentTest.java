package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.dataset.AlignmentReport;
import dev.demoforge.dataset.DatasetService;
import dev.demoforge.dataset.StreamAlignment;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.timesync.ClockModel;

/**
 * Alignment of a real recording of the simulated station (clocks at ±50 ppm) against its recorded ground truth:
 * fails if the dataset rows or the streams' time bases drift past 1 ms p99 of the true capture instants.
 */
class SimAlignmentTest {

    private static final long BOUND_NS = 1_000_000;
    private static DatasetService service;
    private static RawEpisode episode;
    private static AlignedEpisode aligned;
    private static AlignmentReport report;
    private static Map<String, SimEpisode.Truth> truths;

    @BeforeAll
    static void recordAndAlign() throws Exception {
        service = OsgiServices.get(DatasetService.class);
        episode = SimEpisode.get();
        DatasetSpec spec = service.spec("sim-test", episode);
        aligned = (AlignedEpisode) service.align(episode, spec);
        report = service.alignmentReport(aligned);
        truths = SimEpisode.truths(episode);
        System.out.println(report.toJson());
    }

    /** Per topic: {host, device} of every sample (frame references for cameras). */
    private static Map<String, List<long[]>> times(Set<String> topics) throws Exception {
        Map<String, List<long[]>> out = new HashMap<>();
        episode.read(topics, (topic, s) -> out.computeIfAbsent(topic, k -> new ArrayList<>())
                .add(new long[] {s.hostNanos(), s.deviceNanos()}));
        return out;
    }

    private static long p99(long[] errors) {
        long[] a = Arrays.stream(errors).map(Math::abs).sorted().toArray();
        return a[Math.max(0, (int) Math.ceil(0.99 * a.length) - 1)];
    }

    @Test
    void rowsSitAtTheReferenceFramesTrueCaptureInstants() throws Exception {
        List<long[]> frames = times(Set.of("/cam_scene/image")).get("/cam_scene/image");
        long[] rows = aligned.rowTimes();
        assertTrue(rows.length > 200, "rows " + rows.length);
        SimEpisode.Truth truth = truths.get("cam_scene");
        long[] err = new long[rows.length];
        long[] receiveErr = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            long[] frame = frames.get(r + report.rowsTrimmedStart());
            long t = truth.trueNanos(frame[1]);
            err[r] = rows[r] - t;
            receiveErr[r] = frame[0] - t;
        }
        System.out.printf("row time vs true exposure: p99 %.3f ms (host receive time: p99 %.3f ms)%n",
                p99(err) / 1e6, p99(receiveErr) / 1e6);
        assertTrue(p99(err) < BOUND_NS, "row time p99 error " + p99(err) + " ns");
        assertTrue(Arrays.stream(receiveErr).min().orElseThrow() >= 15_000_000, "receive times are 15-25 ms late");
    }

    @Test
    void everyStreamIsMappedToItsTrueInstantsThroughTheReportedClock() throws Exception {
        Set<String> topics = Set.of("/arm/joints", "/arm/gripper", "/leader/action", "/ft/wrench", "/cam_scene/image",
                "/cam_wrist/image");
        Map<String, List<long[]>> all = times(topics);
        for (String topic : topics) {
            StreamAlignment a = report.stream(topic);
            assertEquals(StreamAlignment.TimeBase.DEVICE_CLOCK, a.timeBase(), topic);
            String device = topic.split("/")[1];
            ClockModel clock = report.clocks().stream().filter(c -> c.clockId().equals(a.clockId())).findFirst()
                    .orElseThrow();
            assertEquals(device + ".clock", clock.clockId());
            List<long[]> samples = all.get(topic);
            long[] err = new long[samples.size()];
            for (int i = 0; i < err.length; i++) {
                long[] s = samples.get(i);
                err[i] = clock.captureNanos(s[1], s[0]) - truths.get(device).trueNanos(s[1]);
            }
            assertTrue(p99(err) < BOUND_NS, topic + ": capture time p99 error " + p99(err) + " ns");
            assertEquals(0, clock.steps(), topic);
        }
    }

    @Test
    void theReportDescribesEachStreamsResampling() {
        assertEquals("/cam_scene/image", report.referenceTopic());
        assertEquals(aligned.length(), report.rows());
        assertEquals(5, report.clocks().size(), "arm, leader, two cameras, force-torque");
        StreamAlignment ref = report.stream("/cam_scene/image");
        assertEquals(StreamAlignment.Method.REFERENCE, ref.method());
        assertEquals(0, ref.residualMaxNs());
        for (String topic : List.of("/arm/joints", "/arm/gripper", "/leader/action", "/ft/wrench")) {
            StreamAlignment s = report.stream(topic);
            assertEquals(StreamAlignment.Method.LINEAR, s.method(), topic);
            double period = 1e9 / (topic.equals("/ft/wrench") ? 1000 : 200);
            // the span interpolated over is one sample period (jitter ±20 µs, nothing lost)
            assertEquals(period, s.residualP50Ns(), period * 0.05, topic);
            // the first frames can be exposed before the recording received this stream's first sample (a camera's
            // latency is 15-25 ms, and a loaded machine starts threads late): such edge rows are trimmed, so every
            // row lies inside every stream's recorded range and none is over the tolerance
            assertEquals(0, s.rowsOutside(), topic + " rows outside");
            assertEquals(0, s.rowsOverTolerance(), topic + " rows over tolerance");
            assertEquals(0, s.gaps(), topic);
            assertEquals(0, s.outOfOrder(), topic);
        }
        StreamAlignment wrist = report.stream("/cam_wrist/image");
        assertEquals(StreamAlignment.Method.NEAREST, wrist.method());
        assertTrue(wrist.residualP50Ns() <= 1e9 / 30 / 2 + 1_000_000, "nearest frame within half a period: "
                + wrist.residualP50Ns());
        // the recorder starts both cameras at one instant, so the first row may precede the wrist's first frame by
        // up to EdgeTrim.cameraLeadNs (a period + 15 ms): that row is outside, and over the tolerance at worst
        assertTrue(wrist.rowsOutside() <= 1, wrist.toString());
        // frames the recorder had to drop (a loaded machine) leave a gap; rows over it are the only ones allowed over
        if (wrist.recorderDrops() == 0) {
            assertTrue(wrist.rowsOverTolerance() <= wrist.rowsOutside(), wrist.toString());
        }
        assertTrue(wrist.duplicated() + wrist.dropped() <= 2 + wrist.recorderDrops(), wrist.toString());
        // usually 0-2 frames; a loaded machine can start a device thread late, up to the 1 s trimmed at most
        assertTrue(report.rowsTrimmedStart() <= 31 && report.rowsTrimmedEnd() <= 31, "edges trimmed: "
                + report.rowsTrimmedStart() + " + " + report.rowsTrimmedEnd());
    }

    @Test
    void exportWritesTheAlignmentReportBesideTheDataset() throws Exception {
        DatasetExporter lerobot = OsgiServices.get(DatasetExporter.class, e -> e.formatId().equals("lerobot"));
        Path out = Files.createTempDirectory("alignment-export").resolve("lerobot");
        var result = service.export(lerobot, "sim_alignment", List.of(episode), out, Map.of(),
                new NullProgressMonitor());
        Path file = result.outputDir().resolve("meta/demoforge_alignment.json");
        assertTrue(Files.isRegularFile(file), file + " missing");
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("demoforge.alignment", json.get("format").getAsString());
        assertEquals(30, json.get("fps").getAsInt());
        JsonObject e = json.getAsJsonArray("episodes").get(0).getAsJsonObject();
        assertEquals(0, e.get("episode_index").getAsInt());
        assertEquals(episode.manifest().episodeId(), e.get("episode_id").getAsString());
        assertEquals(result.frames(), e.get("rows").getAsLong());
        List<String> topics = new ArrayList<>();
        for (JsonElement s : e.getAsJsonArray("streams")) {
            topics.add(s.getAsJsonObject().get("topic").getAsString());
            assertEquals("device_clock", s.getAsJsonObject().get("time_base").getAsString());
        }
        assertEquals(Set.of("/arm/joints", "/arm/gripper", "/leader/action", "/ft/wrench", "/cam_scene/image",
                "/cam_wrist/image"), Set.copyOf(topics));
        ClockModel clock = ClockModel.fromJson(e.getAsJsonArray("clocks").get(0).toString());
        assertEquals(report.clocks().get(0), clock);
    }

    @Test
    void aReportIsOnlyGivenForFramesTheServiceAligned() {
        EpisodeFrames foreign = new EpisodeFrames() {
            @Override
            public String sourceId() {
                return "foreign";
            }

            @Override
            public String task() {
                return "";
            }

            @Override
            public int length() {
                return 1;
            }

            @Override
            public float[][] vectors(String featureKey) {
                return new float[1][0];
            }

            @Override
            public VideoFrames video(String featureKey) {
                throw new UnsupportedOperationException();
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service.alignmentReport(foreign));
        assertTrue(e.getMessage().contains("foreign"), e.getMessage());
    }

    @Test
    void aStreamWithoutDeviceTimeIsAlignedOnItsReceiveTimes() throws Exception {
        // the same recording, as if the force-torque sensor had no clock of its own
        RawEpisode clockless = new RawEpisode() {
            @Override
            public EpisodeManifest manifest() {
                return episode.manifest();
            }

            @Override
            public Path directory() {
                return episode.directory();
            }

            @Override
            public void read(Set<String> topics, SampleVisitor visitor) throws IOException {
                episode.read(topics, (topic, sample) -> visitor.sample(topic, topic.equals("/ft/wrench")
                        ? new VectorSample(sample.hostNanos(), Sample.NO_DEVICE_TIME, null,
                                ((VectorSample) sample).values()) : sample));
            }

            @Override
            public Path video(String cameraTopic) {
                return episode.video(cameraTopic);
            }
        };
        AlignedEpisode a = (AlignedEpisode) service.align(clockless, service.spec("clockless", clockless));
        AlignmentReport r = service.alignmentReport(a);
        StreamAlignment ft = r.stream("/ft/wrench");
        assertEquals(StreamAlignment.TimeBase.HOST_RECEIVE, ft.timeBase());
        assertEquals(null, ft.clockId());
        assertEquals(4, r.clocks().size(), "no clock fitted for the force-torque sensor");
        assertEquals(StreamAlignment.TimeBase.DEVICE_CLOCK, r.stream("/arm/joints").timeBase());
        List<long[]> ftTimes = times(Set.of("/ft/wrench")).get("/ft/wrench");
        TimeSeries byHost = new TimeSeries();
        episode.read(Set.of("/ft/wrench"), (topic, s) -> byHost.add(s.hostNanos(), ((VectorSample) s).values()));
        float[][] values = a.vectors("observation.ft.wrench");
        long[] rows = a.rowTimes();
        float[] expected = new float[6];
        for (int row = 10; row < rows.length; row += 37) {
            byHost.interpolate(rows[row], expected, 0, 6);
            assertArrayEquals(expected, values[row], "row " + row);
        }
        assertTrue(ftTimes.size() > 7000, "wrench samples " + ftTimes.size());
    }
}
