package dev.demoforge.mcap;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code tests/readers/mcap-check.mjs}, which reads a file with Foxglove's {@code @mcap/core} (indexed reader,
 * streaming reader with chunk CRCs, data-section CRC) and prints one flat JSON object.
 */
final class NodeMcapCheck {

    /** The script's exit code and JSON output; values are looked up by their (unique) top-level key. */
    record Output(int exitCode, String json) {

        long number(String key) {
            Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
            if (!m.find()) {
                throw new AssertionError("no number '" + key + "' in " + json);
            }
            return Long.parseLong(m.group(1));
        }

        boolean has(String key) {
            return json.contains("\"" + key + "\":");
        }

        boolean bool(String key) {
            return json.contains("\"" + key + "\":true");
        }

        List<String> strings(String key) {
            Matcher m = Pattern.compile("\"" + key + "\":\\[([^\\]]*)\\]").matcher(json);
            if (!m.find()) {
                throw new AssertionError("no array '" + key + "' in " + json);
            }
            List<String> out = new ArrayList<>();
            Matcher s = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(1));
            while (s.find()) {
                out.add(s.group(1));
            }
            return out;
        }
    }

    private NodeMcapCheck() {
    }

    /** The repository root: the nearest directory above {@code user.dir} that contains {@code tests/readers}. */
    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/readers"))) {
                return p;
            }
        }
        return fail("no directory containing tests/readers above " + dir);
    }

    static Output run(Path mcap) throws IOException, InterruptedException {
        Path readers = repoRoot().resolve("tests/readers");
        if (!Files.isDirectory(readers.resolve("node_modules/@mcap/core"))) {
            fail(readers.resolve("node_modules") + " lacks @mcap/core: run `npm ci --prefix tests/readers` "
                    + "in the repository root first");
        }
        Process process;
        try {
            process = new ProcessBuilder("node", readers.resolve("mcap-check.mjs").toString(), mcap.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("cannot start `node` (Node.js 20.15+ must be on PATH): " + e.getMessage());
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("mcap-check.mjs did not finish within 120 s for " + mcap);
        }
        String text = new String(output, StandardCharsets.UTF_8).strip();
        String json = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseGet(() -> fail("mcap-check.mjs printed no JSON for " + mcap + ":\n" + text));
        return new Output(process.exitValue(), json);
    }
}
