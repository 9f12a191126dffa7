package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs the independent readers: jsfive (npm) through {@code tests/readers/hdf5-jsfive.mjs}, h5py through {@code tests/readers/hdf5-check.py} (Debian's {@code /usr/bin/python3}
 * with python3-h5py, HDF5 1.10), and {@code h5dump}/{@code h5ls} (Debian's hdf5-tools).
 */
final class Readers {

    /** Debian's interpreter: the {@code python3} first on PATH may be another one without Debian's modules. */
    static final String PYTHON = "/usr/bin/python3";

    private Readers() {
    }

    /** Exit code, stdout and stderr of a reader. */
    record Run(int exit, String out, String err) {
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

    /** {@code hdf5-check.py MODE PATH ARGS...}, which must pass; its JSON report. */
    static JsonObject check(String mode, Path path, String... args) throws Exception {
        Run r = checkRun(mode, path, args);
        assertTrue(r.exit() == 0, () -> "hdf5-check.py " + mode + " " + path + " failed (" + r.exit() + "): "
                + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    /** {@code hdf5-check.py MODE PATH ARGS...}, whatever its outcome. */
    static Run checkRun(String mode, Path path, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, repoRoot().resolve("tests/readers/hdf5-check.py")
                .toString(), mode, path.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** What jsfive (npm, pure JavaScript, no libhdf5) reads from {@code file}: {@code tests/readers/hdf5-jsfive.mjs}. */
    static JsonObject jsfive(Path file) throws Exception {
        Path readers = repoRoot().resolve("tests/readers");
        if (!Files.isDirectory(readers.resolve("node_modules/jsfive"))) {
            fail("jsfive is not installed: run npm ci --prefix tests/readers (in " + repoRoot() + ")");
        }
        List<String> cmd = List.of("node", readers.resolve("hdf5-jsfive.mjs").toString(), file.toString());
        return JsonParser.parseString(ok(run(cmd), cmd)).getAsJsonObject();
    }

    /** {@code h5dump ARGS... FILE}, which must succeed. */
    static String h5dump(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("h5dump"));
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        return ok(run(cmd), cmd);
    }

    /** {@code h5ls -r FILE}, which must succeed. */
    static String h5ls(Path file) throws Exception {
        List<String> cmd = List.of("h5ls", "-r", file.toString());
        return ok(run(cmd), cmd);
    }

    private static String ok(Run r, List<String> cmd) {
        assertTrue(r.exit() == 0, () -> cmd + " failed (" + r.exit() + "): " + r.err());
        return r.out();
    }

    /** SHA-256 of {@code bytes}, lower-case hex (what hashlib's hexdigest gives). */
    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
            throw new IllegalStateException("reading a reader process's output failed", e);
        }
    }
}
