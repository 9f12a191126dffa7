package dev.demoforge.driver.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.StationProvider;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;

/** Runs the whole simulated station (from its DS services) for 2.5 s during a trial and checks every stream. */
class DeviceTimingTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Map<String, SimDevice> DRIVERS = new LinkedHashMap<>();
    private static final Map<String, Collector> GOT = new LinkedHashMap<>();
    private static long started;

    @BeforeAll
    static void runStationForTwoAndAHalfSeconds() throws Exception {
        Map<String, DeviceDriverFactory> factories = Services.factories();
        SimWorlds worlds = Services.one(SimWorlds.class);
        for (DeviceConfig device : Services.one(StationProvider.class).station().devices()) {
            DeviceConfig cfg = Services.inWorld(device, "timing");
            SimDevice driver = (SimDevice) factories.get(device.driverId()).create(cfg);
            Collector c = new Collector(cfg, true);
            driver.tap(c);
            DRIVERS.put(device.deviceId(), driver);
            GOT.put(device.deviceId(), c);
        }
        worlds.world("timing").beginTrial(77, "timing-episode");
        started = System.nanoTime();
        for (String id : DRIVERS.keySet()) {
            DRIVERS.get(id).start(GOT.get(id));
        }
        Thread.sleep(2_500);
        for (SimDevice d : DRIVERS.values()) {
            d.stop();
        }
    }

    @AfterAll
    static void release() {
        DRIVERS.clear();
        GOT.clear();
    }

    @Test
    void everyStreamPublishesAtItsNominalRateWithin5Percent() {
        for (String id : DRIVERS.keySet()) {
            for (StreamSpec spec : DRIVERS.get(id).streams()) {
                if (spec.kind() == StreamKind.EVENT) {
                    continue;
                }
                long from = started + 300_000_000L;
                long to = from + 2 * SECOND;
                long n = GOT.get(id).got(spec.name()).stream()
                        .filter(g -> g.hostNanos() >= from && g.hostNanos() < to).count();
                double expected = spec.nominalRateHz() * 2;
                System.out.printf("%s/%s: %d samples in 2 s (nominal %.0f)%n", id, spec.name(), n, expected);
                assertEquals(expected, n, 0.05 * expected, id + "/" + spec.name());
            }
        }
    }

    @Test
    void hostAndDeviceTimesIncreasePerStream() {
        for (String id : DRIVERS.keySet()) {
            for (StreamSpec spec : DRIVERS.get(id).streams()) {
                List<Collector.Got> got = GOT.get(id).got(spec.name());
                boolean strict = spec.kind() != StreamKind.EVENT;
                for (int i = 1; i < got.size(); i++) {
                    Collector.Got a = got.get(i - 1);
                    Collector.Got b = got.get(i);
                    String where = id + "/" + spec.name() + " #" + i;
                    assertTrue(strict ? b.hostNanos() > a.hostNanos() : b.hostNanos() >= a.hostNanos(), where);
                    assertTrue(strict ? b.deviceNanos() > a.deviceNanos() : b.deviceNanos() >= a.deviceNanos(),
                            where);
                }
            }
        }
    }

    @Test
    void deviceTimesFollowThePublishedClockTruthWithin1us() {
        for (String id : DRIVERS.keySet()) {
            Collector c = GOT.get(id);
            List<Collector.Got> truths = c.got(SimDevice.CLOCK_TRUTH);
            assertFalse(truths.isEmpty(), id + " published no clock_truth");
            String json = ((EventSample) truths.get(0).sample()).text();
            String clockId = JsonText.text(json, "clock_id");
            long offset = JsonText.integer(json, "offset_ns");
            double drift = JsonText.number(json, "drift_ppm");
            long ref = JsonText.integer(json, "ref_host_ns");
            assertTrue(Math.abs(offset) <= 2 * SECOND && Math.abs(drift) <= 50, json);
            int checked = 0;
            for (String stream : c.streams.keySet()) {
                for (Collector.Got g : c.got(stream)) {
                    assertTrue(g.trueNanos() != Long.MIN_VALUE, id + "/" + stream + " sample without true instant");
                    long model = g.trueNanos() + offset + Math.round((g.trueNanos() - ref) * drift * 1e-6);
                    assertEquals(model, g.deviceNanos(), 1_000, id + "/" + stream);
                    assertEquals(clockId, g.sample().clockId(), id + "/" + stream);
                    checked++;
                }
            }
            assertTrue(checked > 50, id + " checked " + checked);
        }
    }

    @Test
    void hostTimeIsTrueInstantPlusModelledLatencyAndNeverInTheFuture() {
        for (String id : DRIVERS.keySet()) {
            Collector c = GOT.get(id);
            String json = ((EventSample) c.got(SimDevice.CLOCK_TRUTH).get(0).sample()).text();
            long min = JsonText.integer(json, "min_ns");
            long max = JsonText.integer(json, "max_ns");
            long gap = JsonText.integer(json, "in_order_gap_ns");
            for (StreamSpec spec : DRIVERS.get(id).streams()) {
                if (spec.kind() == StreamKind.EVENT) {
                    continue;
                }
                long prevHost = Long.MIN_VALUE;
                for (Collector.Got g : c.got(spec.name())) {
                    long latency = g.hostNanos() - g.trueNanos();
                    String where = id + "/" + spec.name() + " latency " + latency + " ns";
                    assertTrue(latency >= min, where);
                    assertTrue(latency <= max || g.hostNanos() == prevHost + gap, where);
                    assertTrue(g.hostNanos() <= g.receivedNanos(), where + " stamped after it was received");
                    prevHost = g.hostNanos();
                }
            }
        }
    }

    @Test
    void cameraFramesHaveTheDeclaredSize() {
        for (String id : List.of("cam_scene", "cam_wrist")) {
            StreamSpec spec = DRIVERS.get(id).streams().get(0);
            assertEquals(id.equals("cam_scene") ? List.of(480, 640, 3) : List.of(240, 320, 3), spec.shape());
            List<Collector.Got> frames = GOT.get(id).got("image");
            assertTrue(frames.size() > 50, id + " frames " + frames.size());
            for (Collector.Got g : frames) {
                ImageSample img = (ImageSample) g.sample();
                assertEquals(spec.imageWidth(), img.width(), id);
                assertEquals(spec.imageHeight(), img.height(), id);
                assertEquals(spec.imageWidth() * spec.imageHeight() * 3, img.bgr().length, id);
            }
        }
    }

    @Test
    void truthAnnouncesTheTrialAndItsPhasesAsTheyHappen() {
        List<Collector.Got> truth = GOT.get("arm").got("truth");
        assertFalse(truth.isEmpty(), "no truth events");
        String first = ((EventSample) truth.get(0).sample()).text();
        assertEquals("trial", JsonText.text(first, "type"));
        assertEquals(77, JsonText.integer(first, "seed"));
        assertEquals("timing-episode", JsonText.text(first, "episode_id"));
        double reach = JsonText.number(first.substring(first.indexOf("\"phases\"")), "t_s");
        // 2.5 s into an 6-12 s trial: the reach has begun, the trial has not ended
        List<String> types = truth.stream().map(g -> JsonText.text(((EventSample) g.sample()).text(), "type"))
                .toList();
        assertTrue(reach < 2.0 && types.contains("phase") && !types.contains("end"), types.toString());
        String phase = ((EventSample) truth.get(1).sample()).text();
        assertEquals("reach", JsonText.text(phase, "phase"));
        assertEquals(reach, JsonText.number(phase, "t_s"), 1e-6);
    }
}
