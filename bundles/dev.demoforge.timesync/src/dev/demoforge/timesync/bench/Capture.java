package dev.demoforge.timesync.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.timesync.ClockEstimator;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.TimeSyncService;

/**
 * Sink that keeps, per stream, the host and device time of every sample and the capture time the online estimator
 * gave it on arrival (images are not copied), and per clock the published ground truth. Called on the driver
 * threads; each stream's buffer is written by its device's thread only.
 */
final class Capture implements SampleSink {

    /** Ground truth of a simulated device clock: {@code device = t + offset + round((t - ref) * drift * 1e-6)}. */
    record Truth(long offsetNs, double driftPpm, long refHostNs) {
        /** The true instant (host ns) at which the device clock read {@code deviceNanos}. */
        long trueNanos(long deviceNanos) {
            return refHostNs + Math.round((deviceNanos - offsetNs - refHostNs) / (1 + driftPpm * 1e-6));
        }
    }

    /** Times of one stream's samples. */
    static final class Stream {
        final String topic;
        final String deviceId;
        final StreamSpec spec;
        final String clockId;
        long[] host = new long[1024];
        long[] device = new long[1024];
        long[] online = new long[1024];
        int size;

        Stream(String topic, String deviceId, StreamSpec spec, String clockId) {
            this.topic = topic;
            this.deviceId = deviceId;
            this.spec = spec;
            this.clockId = clockId;
        }

        synchronized void add(long h, long d, long o) {
            if (size == host.length) {
                host = Arrays.copyOf(host, size * 2);
                device = Arrays.copyOf(device, size * 2);
                online = Arrays.copyOf(online, size * 2);
            }
            host[size] = h;
            device[size] = d;
            online[size++] = o;
        }
    }

    private final TimeSyncService sync;
    private final Map<String, Long> latencies;
    final Map<String, Stream> streams = new ConcurrentHashMap<>();
    final Map<String, ClockEstimator> estimators = new ConcurrentHashMap<>();
    final Map<String, Truth> truths = new ConcurrentHashMap<>();
    final Map<String, String> deviceOfClock = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    /** @param latencies fixed latency per device id, ns */
    Capture(TimeSyncService sync, Map<String, Long> latencies) {
        this.sync = sync;
        this.latencies = latencies;
    }

    void close() {
        open = false;
    }

    @Override
    public void onSample(String deviceId, StreamSpec spec, Sample sample) {
        if (!open || !sample.hasDeviceTime() || sample.clockId() == null) {
            return;
        }
        String clockId = sample.clockId();
        if (spec.kind() == StreamKind.EVENT) {
            if (sample instanceof EventSample e && spec.name().equals("clock_truth")) {
                JsonObject o = JsonParser.parseString(e.text()).getAsJsonObject();
                truths.putIfAbsent(clockId, new Truth(o.get("offset_ns").getAsLong(), o.get("drift_ppm").getAsDouble(),
                        o.get("ref_host_ns").getAsLong()));
            }
            return;
        }
        deviceOfClock.putIfAbsent(clockId, deviceId);
        ClockEstimator estimator = estimators.computeIfAbsent(clockId,
                id -> sync.estimator(id, latencies.getOrDefault(deviceId, 0L)));
        estimator.add(sample.deviceNanos(), sample.hostNanos());
        ClockModel model = estimator.model().orElseThrow();
        long online = model.captureNanos(sample.deviceNanos(), sample.hostNanos());
        String topic = "/" + deviceId + "/" + spec.name();
        streams.computeIfAbsent(topic, t -> new Stream(t, deviceId, spec, clockId)).add(sample.hostNanos(),
                sample.deviceNanos(), online);
    }
}
