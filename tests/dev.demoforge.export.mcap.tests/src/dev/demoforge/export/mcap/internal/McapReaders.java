package dev.demoforge.export.mcap.internal;

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

/**
 * Runs the independent readers: {@code tests/readers/mcap-foxglove-check.mjs} (@mcap/core and protobufjs, npm) and
 * FFmpeg's {@code ffprobe}/{@code ffmpeg} (Debian) for the image payloads.
 */
final class McapReaders {

    private McapReaders() {
    }

    /** Exit code, stdout and stderr of a reader run. */
    record Run(int exit, String out, String err) {
    }

    static Path repoRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/readers"))) {
                return p;
            }
        }
        return fail("no tests/readers directory above " + System.getProperty("user.dir"));
    }

    /** {@code mcap-foxglove-check.mjs FILE ARGS...}, which must pass; its JSON report. */
    static JsonObject check(Path file, String... args) throws Exception {
        Run r = checkRun(file, args);
        assertTrue(r.exit() == 0, () -> "mcap-foxglove-check.mjs " + file + " failed (" + r.exit() + "): " + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    static Run checkRun(Path file, String... args) throws Exception {
        Path readers = repoRoot().resolve("tests/readers");
        if (!Files.isDirectory(readers.resolve("node_modules/@mcap/core"))
                || !Files.isDirectory(readers.resolve("node_modules/protobufjs"))) {
            fail("the npm readers are not installed: run npm ci --prefix tests/readers (in " + repoRoot() + ")");
        }
        List<String> cmd = new ArrayList<>(List.of("node", readers.resolve("mcap-foxglove-check.mjs").toString(),
                file.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** What ffprobe says of an image file's one stream: {@code codec_name}, {@code width}, {@code height}. */
    static JsonObject ffprobe(Path image) throws Exception {
        Run r = run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height", "-of",
                "json", image.toString()));
        assertTrue(r.exit() == 0, () -> "ffprobe " + image + " failed: " + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("streams").get(0).getAsJsonObject();
    }

    /** The image decoded by ffmpeg to packed RGB24. */
    static byte[] decodeRgb(Path image) throws Exception {
        Path out = image.resolveSibling(image.getFileName() + ".rgb");
        Run r = run(List.of("ffmpeg", "-v", "error", "-y", "-i", image.toString(), "-f", "rawvideo", "-pix_fmt",
                "rgb24", out.toString()));
        assertTrue(r.exit() == 0, () -> "ffmpeg could not decode " + image + ": " + r.err());
        return Files.readAllBytes(out);
    }

    private static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("reading a reader's output failed", e);
        }
    }
}
