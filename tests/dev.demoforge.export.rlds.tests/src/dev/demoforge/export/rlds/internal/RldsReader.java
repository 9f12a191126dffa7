package dev.demoforge.export.rlds.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.test.support.export.ReaderProcess;
import dev.demoforge.test.support.export.ReaderProcess.Run;

/**
 * Runs the independent reader {@code tests/readers/rlds-check.py} with Debian's {@code /usr/bin/python3}
 * (python3-protobuf, python3-crcmod, numpy; ffmpeg for JPEG): no TensorFlow and no DemoForge code.
 */
final class RldsReader {

    /** Debian's interpreter: the {@code python3} first on PATH may be another one without Debian's modules. */
    static final String PYTHON = "/usr/bin/python3";

    private RldsReader() {
    }

    /** {@code rlds-check.py DIR ARGS...}, which must pass; its JSON report. */
    static JsonObject check(Path versionDir, String... args) throws Exception {
        Run r = run(versionDir, args);
        assertTrue(r.exit() == 0, () -> "rlds-check.py " + versionDir + " failed (" + r.exit() + "): " + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    /** {@code rlds-check.py DIR ARGS...}, whatever its outcome. */
    static Run run(Path versionDir, String... args) throws Exception {
        Path script = ReaderProcess.repoRoot().resolve("tests/readers/rlds-check.py");
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), versionDir.toString()));
        cmd.addAll(List.of(args));
        return ReaderProcess.run(cmd);
    }
}
