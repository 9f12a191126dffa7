package dev.demoforge.export.rlds.internal;

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
 * Runs the independent reader {@code tests/readers/rlds-check.py} with Debian's {@code /usr/bin/python3}
 * (python3-protobuf, python3-crcmod, numpy; ffmpeg for JPEG): no TensorFlow and no DemoForge code.
 */
final class RldsReader {

    /** Debian's interpreter: the {@code python3} first on PATH may be another one without Debian's modules. */
    static final String PYTHON = "/usr/bin/python3";

    private RldsReader() {
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

    /** {@code rlds-check.py DIR ARGS...}, which must pass; its JSON report. */
    static JsonObject check(Path versionDir, String... args) throws Exception {
        Run r = run(versionDir, args);
        assertTrue(r.exit() == 0, () -> "rlds-check.py " + versionDir + " failed (" + r.exit() + "): " + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    /** {@code rlds-check.py DIR ARGS...}, whatever its outcome. */
    static Run run(Path versionDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, repoRoot().resolve("tests/readers/rlds-check.py")
                .toString(), versionDir.toString()));
        cmd.addAll(List.of(args));
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
            throw new IllegalStateException("reading the reader's output failed", e);
        }
    }
}
