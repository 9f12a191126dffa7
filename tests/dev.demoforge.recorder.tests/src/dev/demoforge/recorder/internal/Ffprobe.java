package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Counts a video's frames with ffprobe (Debian's FFmpeg), an independent reader. */
final class Ffprobe {

    private Ffprobe() {
    }

    static int frames(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "default=nokey=1:noprint_wrappers=1",
                video.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException("ffprobe failed on " + video + ": " + out);
        }
        return Integer.parseInt(out);
    }
}
