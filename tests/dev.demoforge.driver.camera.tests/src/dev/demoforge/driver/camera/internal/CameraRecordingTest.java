package dev.demoforge.driver.camera.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.demoforge.device.api.ConnectedStation;
import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceHandle;
import dev.demoforge.device.api.DeviceStatus.State;
import dev.demoforge.device.api.StationConfig;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeStatus;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.EpisodeSummary;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.episode.api.Recording;
import dev.demoforge.episode.api.RecordingRequest;
import dev.demoforge.episode.api.StreamSummary;

/**
 * A camera station recorded end to end with the real services: the DS-registered "camera" factory found by the
 * station manager, a live UDP stream from an ffmpeg process, the recorder writing MP4 + MCAP; frames counted by
 * ffprobe (an independent reader) against the frame references in the MCAP.
 */
class CameraRecordingTest {

    @TempDir
    Path workspace;

    @Test
    void aLiveCameraIsRecordedIntoAnMp4WithOneFrameReferencePerFrame() throws Exception {
        int port = FfmpegProcess.freeUdpPort();
        try (FfmpegProcess sender = FfmpegProcess.serve(640, 480, 30, FfmpegProcess.mpeg2(), "mpegts",
                "udp://127.0.0.1:" + port + "?pkt_size=1316")) {
            StationManager stations = service(StationManager.class);
            StationConfig config = new StationConfig("udp-cam", "test", List.of(new DeviceConfig("cam", "camera",
                    Map.of("url", "udp://127.0.0.1:" + port))));
            EpisodeSummary summary;
            try (ConnectedStation station = stations.connect(config)) {
                DeviceHandle cam = station.devices().get(0);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (cam.status().state() != State.ONLINE && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(State.ONLINE, cam.status().state(), cam.status().reason());
                Thread.sleep(500);
                Recording recording = service(Recorder.class).start(station, new RecordingRequest(workspace, "look",
                        "test", null, null));
                Thread.sleep(3000);
                summary = recording.stop();
            }
            assertEquals(EpisodeStatus.FINISHED, summary.status(), summary.problem());
            StreamSummary image = summary.streams().stream().filter(s -> s.kind() == StreamKind.CAMERA)
                    .findFirst().orElseThrow();
            assertEquals(0, image.drops());
            assertTrue(image.achievedRateHz() > 25 && image.achievedRateHz() < 35, image.topic() + " at "
                    + image.achievedRateHz() + " Hz");
            RawEpisode episode = service(EpisodeStore.class).open(summary.directory());
            long[] refs = {0};
            episode.read(Set.of(image.topic()), (topic, sample) -> refs[0]++);
            int frames = ffprobeFrames(episode.video(image.topic()));
            assertEquals(refs[0], frames, "MP4 frames vs frame references");
            assertEquals(image.samples(), frames);
            System.out.printf("camera recording: %d frames in 3 s (%.1f Hz), MP4 checked by ffprobe%n", frames,
                    image.achievedRateHz());
        }
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CameraRecordingTest.class).getBundleContext(), type, null);
        tracker.open();
        T s = tracker.waitForService(10_000);
        assertNotNull(s, type.getSimpleName() + " is not registered");
        return s;
    }

    private static int ffprobeFrames(Path video) throws IOException, InterruptedException {
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
