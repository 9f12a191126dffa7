package dev.demoforge.test.support.export;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an independent reader (node script, python3, ffprobe, h5dump ...) as an external process and collects what
 * it printed. Blocks the calling thread until the process ends (at most 300 s, then the test fails); stderr is
 * drained on a common-pool thread so a chatty reader cannot deadlock. Thread-safe.
 */
public final class ReaderProcess {

    private static final long TIMEOUT_SECONDS = 300;

    private ReaderProcess() {
    }

    /** Exit code, stdout and stderr (UTF-8) of a reader run. */
    public record Run(int exit, String out, String err) {
    }

    /** The checkout root: the first directory above the working directory that holds {@code tests/readers}. */
    public static Path repoRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/readers"))) {
                return p;
            }
        }
        return fail("no tests/readers directory above " + System.getProperty("user.dir"));
    }

    /** {@code tests/readers} of the checkout, failing with the install command if an npm package is missing. */
    public static Path npmReaders(String... packages) {
        Path readers = repoRoot().resolve("tests/readers");
        for (String p : packages) {
            if (!Files.isDirectory(readers.resolve("node_modules").resolve(p))) {
                fail("the npm readers are not installed (" + p + "): run npm ci --prefix tests/readers (in "
                        + repoRoot() + ")");
            }
        }
        return readers;
    }

    /** Runs {@code cmd} with an empty stdin; its exit code and output, whatever the exit code. */
    public static Run run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out after " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    /** Runs {@code cmd}, which must exit 0; its stdout. */
    public static String ok(List<String> cmd) throws IOException, InterruptedException {
        Run r = run(cmd);
        assertTrue(r.exit() == 0, () -> String.join(" ", cmd) + " failed (" + r.exit() + "): " + r.err());
        return r.out();
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
