package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Runs the independent readers: hyparquet (node, tests/readers), ffprobe and ffmpeg (apt). */
final class Readers {

    private Readers() {
    }

    /** The repository root: the first directory above {@code user.dir} holding {@code tests/readers}. */
    static Path repoRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/readers"))) {
                return p;
            }
        }
        return fail("no tests/readers directory above " + System.getProperty("user.dir"));
    }

    /** {@code parquet-check.mjs} output for the files, keyed by the absolute path given. */
    static JsonObject parquet(boolean rows, Path... files) throws Exception {
        Path readers = repoRoot().resolve("tests/readers");
        if (!Files.isDirectory(readers.resolve("node_modules/hyparquet"))) {
            fail("hyparquet is not installed: run npm ci --prefix tests/readers (in " + repoRoot() + ")");
        }
        List<String> cmd = new ArrayList<>(List.of("node", readers.resolve("parquet-check.mjs").toString()));
        if (rows) {
            cmd.add("--rows");
        }
        for (Path f : files) {
            cmd.add(f.toAbsolutePath().toString());
        }
        return JsonParser.parseString(run(cmd)).getAsJsonObject();
    }

    /**
     * Runs an independent dataset check script of tests/readers ({@code lerobot-check.mjs},
     * {@code lerobot-v21-check.mjs}) on a dataset directory; returns its JSON summary and fails the test, with the
     * script's problems, when it exits non-zero.
     */
    static JsonObject datasetCheck(String script, Path dataset) throws Exception {
        Path readers = repoRoot().resolve("tests/readers");
        if (!Files.isDirectory(readers.resolve("node_modules/hyparquet"))) {
            fail("hyparquet is not installed: run npm ci --prefix tests/readers (in " + repoRoot() + ")");
        }
        Process p = new ProcessBuilder("node", readers.resolve(script).toString(), dataset.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + script);
        assertEquals(0, p.exitValue(), () -> script + " found problems in " + dataset + ":\n" + out);
        return JsonParser.parseString(out).getAsJsonObject();
    }

    /** Per-packet MD5s of the first video stream, copied without decoding ({@code ffmpeg -c copy -f framemd5}). */
    static List<String> packetHashes(Path mp4) throws Exception {
        String out = run(List.of("ffmpeg", "-v", "error", "-i", mp4.toString(), "-map", "0:v:0", "-c", "copy",
                "-f", "framemd5", "-"));
        List<String> hashes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split(",");
                hashes.add(f[f.length - 1].trim());
            }
        }
        return hashes;
    }

    /** ffprobe's stream facts and every frame's pts of the first video stream. */
    static JsonObject ffprobe(Path mp4) throws Exception {
        return JsonParser.parseString(run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,r_frame_rate,pix_fmt,width,height,nb_frames:frame=pts_time",
                "-of", "json", mp4.toString()))).getAsJsonObject();
    }

    /** The frame ffmpeg decodes at or after {@code seconds}, as packed BGR24. */
    static byte[] ffmpegFrame(Path mp4, double seconds, int w, int h) throws Exception {
        byte[] out = runBytes(List.of("ffmpeg", "-v", "error", "-i", mp4.toString(), "-ss",
                String.format(java.util.Locale.ROOT, "%.6f", seconds), "-frames:v", "1", "-f", "rawvideo",
                "-pix_fmt", "bgr24", "-"));
        assertEquals(w * h * 3, out.length, "decoded frame size of " + mp4 + " at " + seconds + " s");
        return out;
    }

    private static String run(List<String> cmd) throws Exception {
        return new String(runBytes(cmd), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), () -> cmd.get(0) + " failed: "
                + new String(err.join(), StandardCharsets.UTF_8) + "\ncommand: " + cmd);
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("reading a reader process's output failed", e);
        }
    }
}
