package dev.demoforge.driver.camera.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian {@code /usr/bin/ffmpeg} process that serves a test stream (lavfi {@code testsrc2}) to the driver under
 * test: over UDP or HTTP as MPEG-TS, or pushed over RTSP. Test-only; the binary is never shipped.
 */
final class FfmpegProcess implements AutoCloseable {

    static final String FFMPEG = "/usr/bin/ffmpeg";

    private final Process process;
    private final Path log;

    private FfmpegProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code -re} testsrc2 of the given size and rate, encoded with {@code codecArgs}, to {@code output}. */
    static FfmpegProcess serve(int width, int height, int fps, List<String> codecArgs, String format, String output)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + fps));
        cmd.addAll(codecArgs);
        cmd.addAll(List.of("-f", format, output));
        return start(cmd);
    }

    /** MPEG-2 video in MPEG-TS, keyframe every 15 frames: cheap to encode, decodable from any keyframe. */
    static List<String> mpeg2() {
        return List.of("-c:v", "mpeg2video", "-q:v", "4", "-g", "15", "-bf", "0");
    }

    /** H.264 as IP cameras send it (Debian's libx264, test-only). */
    static List<String> h264() {
        return List.of("-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "15",
                "-pix_fmt", "yuv420p");
    }

    /** Writes a {@code seconds}-long testsrc2 file (MPEG-4 Part 2 in Matroska) and returns it. */
    static Path file(Path dir, int width, int height, int fps, int seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("testsrc2-" + width + "x" + height + "-" + fps + ".mkv");
        Process p = new ProcessBuilder(FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds, "-c:v",
                "mpeg4", "-q:v", "3", out.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg could not write " + out);
        }
        return out;
    }

    static FfmpegProcess start(List<String> cmd) throws IOException {
        Path log = Files.createTempFile("ffmpeg-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FfmpegProcess(p, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A UDP port nobody listens on right now. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A TCP port nobody listens on right now. */
    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
    }
}
