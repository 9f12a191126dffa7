package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.test.support.export.ReaderProcess;
import dev.demoforge.test.support.export.ReaderProcess.Run;

/**
 * Runs the independent readers: jsfive (npm) through {@code tests/readers/hdf5-jsfive.mjs}, h5py through
 * {@code tests/readers/hdf5-check.py} (Debian's {@code /usr/bin/python3}
 * with python3-h5py, HDF5 1.10), and {@code h5dump}/{@code h5ls} (Debian's hdf5-tools).
 */
final class Readers {

    /** Debian's interpreter: the {@code python3} first on PATH may be another one without Debian's modules. */
    static final String PYTHON = "/usr/bin/python3";

    private Readers() {
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
        Path script = ReaderProcess.repoRoot().resolve("tests/readers/hdf5-check.py");
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), mode, path.toString()));
        cmd.addAll(List.of(args));
        return ReaderProcess.run(cmd);
    }

    /** What jsfive (npm, pure JavaScript, no libhdf5) reads from {@code file}, via {@code hdf5-jsfive.mjs}. */
    static JsonObject jsfive(Path file) throws Exception {
        Path readers = ReaderProcess.npmReaders("jsfive");
        List<String> cmd = List.of("node", readers.resolve("hdf5-jsfive.mjs").toString(), file.toString());
        return JsonParser.parseString(ReaderProcess.ok(cmd)).getAsJsonObject();
    }

    /** {@code h5dump ARGS... FILE}, which must succeed. */
    static String h5dump(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("h5dump"));
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        return ReaderProcess.ok(cmd);
    }

    /** {@code h5ls -r FILE}, which must succeed. */
    static String h5ls(Path file) throws Exception {
        List<String> cmd = List.of("h5ls", "-r", file.toString());
        return ReaderProcess.ok(cmd);
    }

    /** SHA-256 of {@code bytes}, lower-case hex (what hashlib's hexdigest gives). */
    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
