package dev.demoforge.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.StreamSummary;

/** Prints {@code bench recorder} results as text. */
final class BenchReport {

    private BenchReport() {
    }

    static Map<String, Object> machine() {
        Runtime rt = Runtime.getRuntime();
        return Map.of("cores", rt.availableProcessors(), "maxHeapMb", rt.maxMemory() / 1_000_000, "java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), "os",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    static void line(PrintStream out, RecorderBenchmark.Result r) {
        double cameraRate = r.streams().stream().filter(s -> s.kind() == StreamKind.CAMERA)
                .mapToDouble(StreamSummary::achievedRateHz).min().orElse(0);
        out.printf("cameras %d: slowest camera %.1f fps, drops %d, encode %.2f ms/frame (bare %.2f), recorder %.2f"
                + " cores, process %.2f cores, heap peak %.0f MB, write %.1f MB/s, recorder/bare %.2f -> %s%n",
                r.cameras(), cameraRate, r.drops(), r.encodeMsPerFrame(), r.bareEncodeMsPerFrame(),
                r.recorderCpuCores(), r.processCpuCores(), r.heapPeakMb(), r.writeMBps(), r.costRatio(),
                r.held() ? "held" : "NOT held");
    }

    static void print(PrintStream out, List<RecorderBenchmark.Result> results, boolean sweep) {
        Map<String, Object> m = machine();
        out.printf("Machine: %s cores, max heap %s MB, %s, %s%n", m.get("cores"), m.get("maxHeapMb"), m.get("java"),
                m.get("os"));
        for (RecorderBenchmark.Result r : results) {
            out.printf("%n%d cameras (640x480@30), joints + wrench at 1 kHz, %.1f s:%n", r.cameras(), r.seconds());
            out.printf("  %-24s %10s %10s %8s%n", "stream", "nominal", "achieved", "drops");
            for (StreamSummary s : r.streams()) {
                if (s.kind() != StreamKind.EVENT) {
                    out.printf("  %-24s %10.1f %10.1f %8d%n", s.topic(), s.nominalRateHz(), s.achievedRateHz(),
                            s.drops());
                }
            }
            line(out, r);
            List<double[]> t = r.timeline();
            int step = Math.max(1, t.size() / 10);
            StringBuilder b = new StringBuilder("  over time (s: heap MB / deepest queue):");
            for (int i = 0; i < t.size(); i += step) {
                b.append(String.format(" %.0f: %.0f/%.0f", t.get(i)[0], t.get(i)[1], t.get(i)[3]));
            }
            out.println(b);
        }
        if (sweep) {
            RecorderBenchmark.Result last = results.get(results.size() - 1);
            int held = results.stream().filter(RecorderBenchmark.Result::held).mapToInt(RecorderBenchmark.Result::cameras)
                    .max().orElse(0);
            int cores = Runtime.getRuntime().availableProcessors();
            String limit = last.held() ? "none reached up to " + RecorderBenchmark.MAX_CAMERAS + " cameras"
                    : last.processCpuCores() >= 0.85 * cores ? "CPU (" + String.format("%.2f", last.processCpuCores())
                            + " of " + cores + " cores busy)" : "not CPU-bound: encoder latency or disk";
            out.printf("%nLargest camera count held with zero drops: %d. Limit: %s.%n", held, limit);
        }
    }
}
