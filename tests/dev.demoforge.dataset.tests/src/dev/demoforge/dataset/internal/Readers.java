package dev.demoforge.dataset.internal;

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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The independent readers: tests/readers (node: hyparquet, ffprobe) and Debian's h5py. */
final class Readers {

    private Readers() {
    }

    static Path readers() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/readers/node_modules/hyparquet"))) {
                return p.resolve("tests/readers");
            }
        }
        return fail("no tests/readers with node_modules above " + System.getProperty("user.dir")
                + ": run npm ci --prefix tests/readers");
    }

    /** {@code lerobot-check.mjs}'s summary of a LeRobot v3.0 dataset; fails on any problem it reports. */
    static JsonObject lerobotCheck(Path dataset) throws Exception {
        return JsonParser.parseString(run(List.of("node", readers().resolve("lerobot-check.mjs").toString(),
                dataset.toString()))).getAsJsonObject();
    }

    /** The task texts of a LeRobot dataset's {@code meta/tasks.parquet}, in task_index order (hyparquet). */
    static List<String> tasks(Path dataset) throws Exception {
        Path file = dataset.resolve("meta/tasks.parquet");
        JsonObject o = JsonParser.parseString(run(List.of("node", readers().resolve("parquet-check.mjs").toString(),
                "--rows", file.toString()))).getAsJsonObject();
        List<String> out = new ArrayList<>();
        for (JsonElement row : o.getAsJsonObject(file.toString()).getAsJsonArray("rows")) {
            out.add(row.getAsJsonObject().get("task").getAsString());
        }
        return out;
    }

    /** Every {@code mask/<split>} of a robomimic file as {split: [demo names]} (h5py). */
    static JsonObject robomimicMasks(Path file) throws Exception {
        String script = "import h5py, json, sys\n"
                + "f = h5py.File(sys.argv[1], 'r')\n"
                + "print(json.dumps({k: [x.decode() for x in f['mask'][k][()]] for k in f['mask']}))\n";
        return JsonParser.parseString(run(List.of("/usr/bin/python3", "-c", script, file.toString())))
                .getAsJsonObject();
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + cmd);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> cmd.get(0) + " failed: " + text + "\n"
                + new String(err.join(), StandardCharsets.UTF_8) + "\ncommand: " + cmd);
        return text;
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
