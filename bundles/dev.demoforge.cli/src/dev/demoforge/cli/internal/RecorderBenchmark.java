package dev.demoforge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.episode.api.StreamSummary;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.media.VideoEncoder;

/**
 * {@code bench recorder}: records a station of N simulated 640x480@30 cameras plus joints and a wrench sensor at
 * 1 kHz, and measures rates, drops, encode time per frame, CPU, heap and write bandwidth. The baseline, run in the
 * same process on the same frames, is the bare encoder: the ratio says what the recorder adds around encoding.
 * Without {@code --cameras} it adds cameras until one drops or falls below 95 % of its rate.
 */
final class RecorderBenchmark {

    static final int MAX_CAMERAS = 8;
    private static final int BASELINE_FRAMES = 90;

    /** One recording's figures. */
    record Result(int cameras, double seconds, List<StreamSummary> streams, long drops, double encodeMsPerFrame,
            double recorderCpuCores, double processCpuCores, double heapPeakMb, double writeMBps,
            double bareEncodeMsPerFrame, double costRatio, List<double[]> timeline) {

        boolean held() {
            return drops == 0 && streams.stream().filter(s -> s.kind() == StreamKind.CAMERA)
                    .allMatch(s -> s.achievedRateHz() >= 0.95 * s.nominalRateHz());
        }
    }

    private final Services services;
    private final Workspace workspace;
    private final PrintStream out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** Names of the recorder threads seen, by thread id (kept after the thread ends). */
    private final Map<Long, String> names = new HashMap<>();

    RecorderBenchmark(Services services, Workspace workspace, PrintStream out) {
        this.services = services;
        this.workspace = workspace;
        this.out = out;
    }

    void run(int cameras, double seconds, boolean json) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        if (cameras > 0) {
            results.add(record(cameras, seconds));
        } else {
            for (int n = 1; n <= MAX_CAMERAS; n++) {
                Result r = record(n, seconds);
                results.add(r);
                if (!json) {
                    BenchReport.line(out, r);
                }
                if (!r.held()) {
                    break;
                }
            }
        }
        if (json) {
            out.println(Json.GSON.toJson(Map.of("machine", BenchReport.machine(), "runs", results)));
        } else {
            BenchReport.print(out, results, cameras == 0);
        }
    }

    private Result record(int cameras, double seconds) throws IOException, InterruptedException {
        StationManager stations = services.get(StationManager.class);
        Recorder recorder = services.get(Recorder.class);
        List<DeviceConfig> devices = new ArrayList<>(List.of(
                new DeviceConfig("arm", "sim.arm", Map.of("rate_hz", "1000")),
                new DeviceConfig("ft", "sim.ft", Map.of())));
        for (int i = 0; i < cameras; i++) {
            devices.add(new DeviceConfig("cam_" + i, "sim.camera", Map.of("view", "scene")));
        }
        StationConfig config = new StationConfig("bench", "demoforge_sim_arm", devices);
        Path root = Files.createDirectories(workspace.root().resolve("bench-episodes"));
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        List<double[]> timeline = new ArrayList<>();
        Map<Long, Long> recorderCpu = new HashMap<>();
        EpisodeSummary summary;
        long cpuStart;
        long cpuEnd;
        try (ConnectedStation station = stations.connect(config)) {
            station.addSink((device, spec, sample) -> {
                if (device.equals("cam_0") && sample instanceof ImageSample image && frames.size() < BASELINE_FRAMES) {
                    frames.add(image.bgr());
                }
            });
            Thread.sleep(1000);
            var recording = recorder.start(station, new RecordingRequest(root, "recorder benchmark", "bench", null, 1L));
            long start = System.nanoTime();
            cpuStart = processCpuNanos();
            long end = start + (long) (seconds * 1e9);
            long nextSample = start;
            while (System.nanoTime() < end) {
                Thread.sleep(100);
                sampleRecorderThreads(recorderCpu);
                if (System.nanoTime() >= nextSample) {
                    timeline.add(new double[] {(System.nanoTime() - start) / 1e9, heapMb(),
                            recording.liveStats().stream().mapToLong(StreamSummary::drops).sum(),
                            recording.queueDepths().values().stream().mapToInt(Integer::intValue).max().orElse(0)});
                    nextSample += 1_000_000_000L;
                }
            }
            cpuEnd = processCpuNanos();
            summary = recording.stop();
        }
        long cameraFrames = summary.streams().stream().filter(s -> s.kind() == StreamKind.CAMERA)
                .mapToLong(StreamSummary::samples).sum();
        long encodeNanos = sum(recorderCpu, "rec-enc-");
        long recorderNanos = encodeNanos + sum(recorderCpu, "rec-mcap-");
        double bare = bareEncodeMsPerFrame(frames, root);
        double writeMBps = directoryBytes(summary.directory()) / 1e6 / summary.durationSeconds();
        deleteTree(summary.directory());
        double peakHeap = timeline.stream().mapToDouble(t -> t[1]).max().orElse(0);
        double encodeMs = cameraFrames == 0 ? 0 : encodeNanos / 1e6 / cameraFrames;
        return new Result(cameras, summary.durationSeconds(), summary.streams(), summary.drops(), encodeMs,
                recorderNanos / 1e9 / summary.durationSeconds(), (cpuEnd - cpuStart) / 1e9 / seconds, peakHeap,
                writeMBps, bare, cameraFrames == 0 ? 0 : recorderNanos / 1e6 / (cameraFrames * bare), timeline);
    }

    private void sampleRecorderThreads(Map<Long, Long> cpu) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("rec-")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.put(info.getThreadId(), t);
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
    }

    private long sum(Map<Long, Long> cpu, String prefix) {
        return cpu.entrySet().stream().filter(e -> names.get(e.getKey()).startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** CPU ms per frame of the bare encoder (capture settings) on the frames the benchmark recorded. */
    private double bareEncodeMsPerFrame(List<byte[]> frames, Path root) throws IOException {
        if (frames.isEmpty()) {
            return Double.NaN;
        }
        Path file = root.resolve("baseline-" + System.nanoTime() + ".mp4");
        long cpu;
        int count = 0;
        try (VideoEncoder encoder = VideoEncoder.open(file, 640, 480, 30, EncoderSettings.capture())) {
            cpu = threads.getCurrentThreadCpuTime();
            for (int round = 0; round < 3; round++) {
                for (byte[] frame : frames) {
                    encoder.encodeBgr(frame);
                    count++;
                }
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
        } finally {
            Files.deleteIfExists(file);
        }
        return cpu / 1e6 / count;
    }

    private double heapMb() {
        return memory.getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** User + system CPU time of this process from /proc/self/stat (Linux, 100 ticks per second). */
    private static long processCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
