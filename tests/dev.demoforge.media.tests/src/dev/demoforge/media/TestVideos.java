package dev.demoforge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Synthetic camera frames, image comparison and the independent reader (ffprobe) shared by the tests. */
final class TestVideos {

    static final int W = 640;
    static final int H = 480;
    static final int FPS = 30;
    static final String FFPROBE = "/usr/bin/ffprobe";

    private TestVideos() {
    }

    /**
     * Frame {@code i} of a synthetic robot-workspace camera: a static textured background (colour ramps and an
     * 8-pixel checker), a bright box crossing the image and a textured "arm" block swinging on a Lissajous path;
     * {@code noise > 0} adds deterministic per-pixel noise of that amplitude, like a camera sensor.
     */
    static byte[] frame(int i, int w, int h, int noise) {
        byte[] out = new byte[w * h * 3];
        int boxX = (i * 7) % (w - 96);
        int boxY = (i * 4) % (h - 96);
        int armX = 40 + (int) Math.round((w - 240) * (0.5 + 0.5 * Math.sin(i / 25.0)));
        int armY = 40 + (int) Math.round((h - 200) * (0.5 + 0.5 * Math.cos(i / 35.0)));
        Noise n = new Noise(i, noise);
        int p = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int b;
                int g;
                int r;
                if (x >= boxX && x < boxX + 96 && y >= boxY && y < boxY + 96) {
                    b = 235;
                    g = 235;
                    r = 40;
                } else if (x >= armX && x < armX + 160 && y >= armY && y < armY + 120) {
                    int stripe = (((x - armX + i) >> 2) + ((y - armY) >> 2) & 1) == 0 ? 60 : 0;
                    b = 60 + stripe;
                    g = 90 + stripe;
                    r = 160 + stripe;
                } else {
                    int tex = ((x >> 3) + (y >> 3) & 1) == 0 ? 12 : -12;
                    b = 83 + x * 90 / w + tex;
                    g = 83 + y * 90 / h + tex;
                    r = 98 + (x + y) * 60 / (w + h) + tex;
                }
                int d = n.next();
                out[p++] = (byte) clamp(b + d);
                out[p++] = (byte) clamp(g + d);
                out[p++] = (byte) clamp(r + d);
            }
        }
        return out;
    }

    /**
     * Frame {@code i} of a hard case, as a panning camera sees it: every pixel moves (three drifting sinusoidal
     * colour gradients, a drifting checker texture, a crossing box), plus noise as in {@link #frame}.
     */
    static byte[] panFrame(int i, int w, int h, int noise) {
        byte[] out = new byte[w * h * 3];
        double[] bx = new double[w];
        double[] gy = new double[h];
        double[] rxy = new double[w + h];
        for (int x = 0; x < w; x++) {
            bx[x] = 128 + 90 * Math.sin((x + 4.0 * i) / 40.0);
        }
        for (int y = 0; y < h; y++) {
            gy[y] = 128 + 90 * Math.sin((y - 3.0 * i) / 30.0);
        }
        for (int k = 0; k < w + h; k++) {
            rxy[k] = 128 + 90 * Math.sin((k + 5.0 * i) / 50.0);
        }
        int boxX = (i * 7) % (w - 96);
        int boxY = (i * 4) % (h - 96);
        Noise n = new Noise(i, noise);
        int p = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tex = (((x + i) >> 3) + ((y + 2 * i) >> 3) & 1) == 0 ? 12 : -12;
                boolean box = x >= boxX && x < boxX + 96 && y >= boxY && y < boxY + 96;
                int d = n.next();
                out[p++] = (byte) clamp((box ? 235 : (int) bx[x] + tex) + d);
                out[p++] = (byte) clamp((box ? 235 : (int) gy[y] + tex) + d);
                out[p++] = (byte) clamp((box ? 40 : (int) rxy[x + y] + tex) + d);
            }
        }
        return out;
    }

    /** Deterministic uniform noise in {@code [-amplitude, amplitude]}, seeded by the frame index. */
    private static final class Noise {
        private final int amplitude;
        private long seed;

        Noise(int frame, int amplitude) {
            this.amplitude = amplitude;
            this.seed = 0x9E3779B97F4A7C15L * (frame + 1);
        }

        int next() {
            if (amplitude == 0) {
                return 0;
            }
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            return (int) ((seed >>> 33) % (2 * amplitude + 1)) - amplitude;
        }
    }

    /** Frame {@code i} of the workspace pattern at 640x480 with light sensor noise (amplitude 2). */
    static byte[] frame(int i) {
        return frame(i, W, H, 2);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    /** Peak signal-to-noise ratio in dB between two images of equal size (infinite if identical). */
    static double psnr(byte[] a, byte[] b) {
        assertEquals(a.length, b.length, "image sizes differ");
        double se = 0;
        for (int k = 0; k < a.length; k++) {
            int d = (a[k] & 0xFF) - (b[k] & 0xFF);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** Encodes {@code n} frames of the pattern (noise 0) and closes the file. */
    static void encode(Path file, EncoderSettings s, int n) throws MediaException {
        try (VideoEncoder enc = VideoEncoder.open(file, W, H, FPS, s)) {
            for (int i = 0; i < n; i++) {
                enc.encodeBgr(frame(i));
            }
        }
    }

    /** Runs ffprobe with these arguments on {@code file}; returns stdout, fails the test on a non-zero exit. */
    static String ffprobe(Path file, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of(FFPROBE)), "independent reader " + FFPROBE + " missing (apt ffmpeg)");
        List<String> cmd = new ArrayList<>();
        cmd.add(FFPROBE);
        cmd.addAll(List.of(args));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffprobe timed out");
        assertEquals(0, p.exitValue(), "ffprobe failed on " + file + ": " + err);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The {@code -count_frames} stream summary of the first video stream, as ffprobe prints it in JSON. */
    static String ffprobeStreamJson(Path file) throws IOException, InterruptedException {
        return ffprobe(file, "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames,codec_name,r_frame_rate,pix_fmt", "-of", "json");
    }

    /** A string-valued key of a flat ffprobe JSON object, e.g. {@code "codec_name": "h264"}. */
    static String jsonValue(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"?([^\",}\\s]+)\"?").matcher(json);
        assertTrue(m.find(), "no " + key + " in ffprobe output: " + json);
        return m.group(1);
    }

    /** Frame pts of the first video stream in presentation order, in stream time-base units. */
    static List<Long> ffprobeFramePts(Path file) throws IOException, InterruptedException {
        String csv = ffprobe(file, "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts", "-of",
                "csv=p=0");
        List<Long> pts = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            if (!line.isBlank()) {
                pts.add(Long.parseLong(line.strip().replace(",", "")));
            }
        }
        return pts;
    }

    /** Indices (presentation order) of the key frames of the first video stream. */
    static List<Integer> ffprobeKeyframes(Path file) throws IOException, InterruptedException {
        String csv = ffprobe(file, "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=key_frame",
                "-of", "csv=p=0");
        List<Integer> keys = new ArrayList<>();
        int index = 0;
        for (String line : csv.split("\\R")) {
            if (!line.isBlank()) {
                if (line.strip().startsWith("1")) {
                    keys.add(index);
                }
                index++;
            }
        }
        return keys;
    }

    /** The stream time base, e.g. {1, 15360}. */
    static long[] ffprobeTimeBase(Path file) throws IOException, InterruptedException {
        String s = ffprobe(file, "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=time_base",
                "-of", "csv=p=0").strip();
        String[] parts = s.split("/");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
