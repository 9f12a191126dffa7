package dev.demoforge.export.mcap.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.test.support.export.ReaderProcess;
import dev.demoforge.test.support.export.ReaderProcess.Run;

/**
 * Runs the independent readers: {@code tests/readers/mcap-foxglove-check.mjs} (@mcap/core and protobufjs, npm) and
 * FFmpeg's {@code ffprobe}/{@code ffmpeg} (Debian) for the image payloads.
 */
final class McapReaders {

    private McapReaders() {
    }

    /** {@code mcap-foxglove-check.mjs FILE ARGS...}, which must pass; its JSON report. */
    static JsonObject check(Path file, String... args) throws Exception {
        Run r = checkRun(file, args);
        assertTrue(r.exit() == 0, () -> "mcap-foxglove-check.mjs " + file + " failed (" + r.exit() + "): " + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    static Run checkRun(Path file, String... args) throws Exception {
        Path readers = ReaderProcess.npmReaders("@mcap/core", "protobufjs");
        List<String> cmd = new ArrayList<>(List.of("node", readers.resolve("mcap-foxglove-check.mjs").toString(),
                file.toString()));
        cmd.addAll(List.of(args));
        return ReaderProcess.run(cmd);
    }

    /** What ffprobe says of an image file's one stream: {@code codec_name}, {@code width}, {@code height}. */
    static JsonObject ffprobe(Path image) throws Exception {
        Run r = ReaderProcess.run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height", "-of",
                "json", image.toString()));
        assertTrue(r.exit() == 0, () -> "ffprobe " + image + " failed: " + r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("streams").get(0).getAsJsonObject();
    }

    /** The image decoded by ffmpeg to packed RGB24. */
    static byte[] decodeRgb(Path image) throws Exception {
        Path out = image.resolveSibling(image.getFileName() + ".rgb");
        Run r = ReaderProcess.run(List.of("ffmpeg", "-v", "error", "-y", "-i", image.toString(), "-f", "rawvideo", "-pix_fmt",
                "rgb24", out.toString()));
        assertTrue(r.exit() == 0, () -> "ffmpeg could not decode " + image + ": " + r.err());
        return Files.readAllBytes(out);
    }
}
