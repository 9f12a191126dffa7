package dev.demoforge.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/**
 * {@code devices probe} for drivers that are not serial-bus families (network devices): runs the driver itself for
 * a moment and reports its status (a driver's ONLINE reason names the device: controller version, sensor scaling),
 * the rate each stream reached and its last samples.
 */
final class DriverProbe {

    /** What one stream delivered. */
    record StreamResult(String units, List<String> elements, int received, double rateHz, List<double[]> lastSamples,
            List<String> events) {
    }

    /** The outcome: the last status, how long it took and the streams. */
    record Result(String driverId, Map<String, String> properties, String state, String reason, long elapsedMs,
            Map<String, StreamResult> streams) {

        boolean online() {
            return state.equals(DeviceStatus.State.ONLINE.name());
        }
    }

    private static final int KEEP = 3;

    private DriverProbe() {
    }

    /** Starts the driver, waits up to {@code timeout} for ONLINE, collects for {@code window}, stops it. */
    static Result probe(DeviceDriverFactory factory, Map<String, String> properties, Duration timeout, Duration window)
            throws Exception {
        DeviceConfig cfg = new DeviceConfig("probe", factory.driverId(), properties);
        DeviceDriver driver = factory.create(cfg);
        Collector c = new Collector(cfg);
        long t0 = System.nanoTime();
        driver.start(c);
        try {
            long deadline = t0 + timeout.toNanos();
            while (System.nanoTime() < deadline && !c.settled()) {
                Thread.sleep(10);
            }
            if (c.last != null && c.last.state() == DeviceStatus.State.ONLINE) {
                Thread.sleep(window.toMillis());
            }
        } finally {
            driver.stop();
        }
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        DeviceStatus last = c.last == null ? new DeviceStatus(DeviceStatus.State.OFFLINE, "no status within "
                + timeout.toMillis() + " ms") : c.onlineSeen != null ? c.onlineSeen : c.last;
        Map<String, StreamResult> streams = new LinkedHashMap<>();
        for (StreamSpec s : driver.streams()) {
            List<Sample> got = c.samples.getOrDefault(s.name(), List.of());
            double rate = got.size() < 2 ? 0 : (got.size() - 1) / ((got.getLast().hostNanos() - got.getFirst()
                    .hostNanos()) / 1e9);
            List<double[]> values = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (Sample x : got.subList(Math.max(0, got.size() - KEEP), got.size())) {
                if (x instanceof VectorSample v) {
                    values.add(v.values());
                } else if (x instanceof EventSample e) {
                    events.add(e.text());
                }
            }
            streams.put(s.name(), new StreamResult(s.units(), s.elementNames(), got.size(), rate, values, events));
        }
        return new Result(factory.driverId(), properties, last.state().name(), last.reason(), elapsed, streams);
    }

    /** Keeps statuses and, per stream, every sample (a probe lasts about a second). */
    private static final class Collector implements DeviceContext {

        private final DeviceConfig cfg;
        private final Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
        private volatile DeviceStatus last;
        private volatile DeviceStatus onlineSeen;

        Collector(DeviceConfig cfg) {
            this.cfg = cfg;
        }

        boolean settled() {
            return last != null && last.state() != DeviceStatus.State.CONNECTING;
        }

        @Override
        public DeviceConfig config() {
            return cfg;
        }

        @Override
        public void publish(String stream, Sample sample) {
            List<Sample> list = samples.computeIfAbsent(stream, k -> java.util.Collections.synchronizedList(
                    new ArrayList<>()));
            list.add(sample);
        }

        @Override
        public void status(DeviceStatus status) {
            if (status.state() == DeviceStatus.State.ONLINE && onlineSeen == null) {
                onlineSeen = status;
            }
            last = status;
        }
    }
}
