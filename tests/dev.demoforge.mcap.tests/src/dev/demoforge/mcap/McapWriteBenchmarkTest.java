package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints write throughput for 1 kHz-style small JSON joint-state messages, with and without a
 * {@code force(false)} after every chunk. No timing assertions: the figures go into the report.
 */
@Tag("benchmark")
class McapWriteBenchmarkTest {

    @TempDir
    Path dir;

    private static byte[][] payloads() {
        Random random = new Random(1);
        byte[][] out = new byte[1024][];
        for (int i = 0; i < out.length; i++) {
            StringBuilder sb = new StringBuilder("{\"timestamp\":{\"sec\":1760000000,\"nsec\":")
                    .append(i * 1_000_000).append("},\"name\":[\"j1\",\"j2\",\"j3\",\"j4\",\"j5\",\"j6\"]");
            for (String field : new String[] {"position", "velocity", "effort"}) {
                sb.append(",\"").append(field).append("\":[");
                for (int k = 0; k < 6; k++) {
                    sb.append(k == 0 ? "" : ",").append(String.format("%.6f", random.nextGaussian()));
                }
                sb.append(']');
            }
            out[i] = sb.append('}').toString().getBytes(TestRecording.UTF8);
        }
        return out;
    }

    private record Run(long messages, long bytes, long chunks, double writeSeconds, double closeSeconds) {
    }

    private Run run(String name, int messages, int chunkSize, boolean force, byte[][] payloads) throws IOException {
        Path file = dir.resolve(name + ".mcap");
        long start = System.nanoTime();
        long chunks;
        long written;
        McapWriter w = McapWriter.create(file, "", "bench", new McapWriter.Options(chunkSize, Long.MAX_VALUE, force));
        try {
            int schema = w.addSchema("demoforge.JointState", "jsonschema", "{}".getBytes(TestRecording.UTF8));
            int channel = w.addChannel(schema, "/arm/joint_states", "json", Map.of());
            long t = TestRecording.T0;
            for (int i = 0; i < messages; i++) {
                w.write(channel, t, t, payloads[i & 1023]);
                t += 1_000_000L;
            }
            w.flush();
            chunks = w.chunkCount();
        } finally {
            written = System.nanoTime();
            w.close();
        }
        long closed = System.nanoTime();
        long bytes = Files.size(file);
        if (name.equals("check")) {
            long readStart = System.nanoTime();
            McapReader.Result result = McapReader.read(file, (c, seq, log, pub, data) -> {
            });
            double seconds = (System.nanoTime() - readStart) / 1e9;
            System.out.printf("MCAP read    %d msgs %6.1f MB  %6.3f s  %7.1f MB/s  %9.0f msg/s (page cache, CRCs checked)%n",
                    result.messages(), bytes / 1e6, seconds, bytes / 1e6 / seconds, result.messages() / seconds);
        }
        Files.delete(file);
        return new Run(messages, bytes, chunks, (written - start) / 1e9, (closed - written) / 1e9);
    }

    /** Runs both variants three times, alternating, and prints the median of each. */
    private void compare(String label, int messages, int chunkSize, byte[][] payloads) throws IOException {
        List<Run> plain = new ArrayList<>();
        List<Run> forced = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plain.add(run("plain", messages, chunkSize, false, payloads));
            forced.add(run("forced", messages, chunkSize, true, payloads));
        }
        Run p = median(plain);
        Run f = median(forced);
        print(label + ", no force", p);
        print(label + ", force(false) per chunk", f);
        System.out.printf("MCAP write   force(false) cost per chunk (%s): %.2f ms over %d chunks%n", label,
                (f.writeSeconds() - p.writeSeconds()) * 1e3 / Math.max(1, f.chunks()), f.chunks());
    }

    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::writeSeconds));
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String label, Run r) {
        System.out.printf("MCAP write   %-44s %7d msgs %6.1f MB  write %6.3f s  %7.1f MB/s  %9.0f msg/s  "
                + "close+force(true) %6.1f ms%n", label, r.messages(), r.bytes() / 1e6, r.writeSeconds(),
                r.bytes() / 1e6 / r.writeSeconds(), r.messages() / r.writeSeconds(), r.closeSeconds() * 1e3);
    }

    @Test
    void printsWriteThroughputWithAndWithoutForce() throws IOException {
        byte[][] payloads = payloads();
        int avg = 0;
        for (byte[] p : payloads) {
            avg += p.length;
        }
        avg /= payloads.length;
        System.out.printf("MCAP write benchmark: one channel of JSON joint-state payloads, mean %d bytes%n", avg);
        run("warmup", 200_000, 1 << 20, false, payloads);
        compare("1 MiB chunks", 300_000, 1 << 20, payloads);
        // 1 kHz for 60 s with chunks closed by age (500 ms): about 500 messages per chunk.
        compare("500-message chunks (1 kHz, 500 ms)", 60_000, 500 * (avg + 31), payloads);
        assertEquals(300_000, run("check", 300_000, 1 << 20, false, payloads).messages());
    }
}
