package dev.demoforge.driver.camera.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.demoforge.driver.camera.CameraProbe;
import dev.demoforge.driver.camera.CameraProbe.FrameTime;
import dev.demoforge.driver.camera.CameraSettings;
import dev.demoforge.driver.camera.CameraSettings.SourceKind;
import dev.demoforge.driver.camera.internal.FrameSource.Grabbed;
import dev.demoforge.driver.camera.internal.FrameSource.SourceException;

/** The work behind {@link CameraProbe}: one connection, a few frames, closed again. */
public final class Probing {

    private Probing() {
    }

    public static CameraProbe.Result probe(CameraSettings s, int frames, Duration limit) {
        List<FrameTime> times = new ArrayList<>();
        if (s.kind() == SourceKind.V4L2 && s.url().startsWith("/") && !Files.exists(Path.of(s.url()))) {
            return new CameraProbe.Result(s.url(), null, times, "no such video device " + s.url(), 0);
        }
        long t0 = System.nanoTime();
        long deadline = t0 + limit.toNanos();
        FrameSource source;
        try {
            source = FrameSource.open(s);
        } catch (SourceException e) {
            return new CameraProbe.Result(s.url(), null, times, e.getMessage(), (System.nanoTime() - t0) / 1_000_000);
        }
        long openMillis = (System.nanoTime() - t0) / 1_000_000;
        String error = "";
        try (source) {
            while (times.size() < frames) {
                if (System.nanoTime() > deadline) {
                    error = "only " + times.size() + " frames within " + limit.toMillis() + " ms";
                    break;
                }
                Grabbed g = source.next();
                if (g == null) {
                    error = "stream ended after " + times.size() + " frames";
                    break;
                }
                times.add(new FrameTime(g.hostNanos(), g.ptsMicros()));
            }
        } catch (SourceException e) {
            error = e.getMessage();
        }
        return new CameraProbe.Result(s.url(), source.format(), List.copyOf(times), error, openMillis);
    }
}
