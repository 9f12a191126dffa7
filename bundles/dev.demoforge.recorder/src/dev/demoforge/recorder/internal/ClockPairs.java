package dev.demoforge.recorder.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.DeviceClocks;
import dev.demoforge.timesync.TimeSyncService;

/**
 * The (device, host receive) pairs of a recorded episode per device, read back from its MCAP, to refit the clocks
 * of an episode recovered after a crash with the whole-recording fit. Data streams only (events excluded), the same
 * samples the recorder would have fed. Not thread-safe.
 */
final class ClockPairs {

    private static final class Pairs {
        String clockId;
        long[] device = new long[1024];
        long[] host = new long[1024];
        int size;

        void add(Sample s) {
            if (size == device.length) {
                device = Arrays.copyOf(device, size * 2);
                host = Arrays.copyOf(host, size * 2);
            }
            device[size] = s.deviceNanos();
            host[size++] = s.hostNanos();
            if (clockId == null) {
                clockId = s.clockId();
            }
        }
    }

    private final Map<String, String> deviceOfTopic = new HashMap<>();
    private final Map<String, Pairs> byDevice = new LinkedHashMap<>();

    ClockPairs(EpisodeManifest manifest) {
        for (RecordedStream s : manifest.streams()) {
            if (s.spec().kind() != StreamKind.EVENT) {
                deviceOfTopic.put(s.topic(), s.deviceId());
            }
        }
    }

    /** A sample as read back (camera topics give one event per frame carrying the frame's times). */
    void add(String topic, Sample sample) {
        String device = deviceOfTopic.get(topic);
        if (device != null && sample.hasDeviceTime()) {
            byDevice.computeIfAbsent(device, d -> new Pairs()).add(sample);
        }
    }

    /** The whole-recording fit of every device with pairs, in receive order. */
    DeviceClocks fit(TimeSyncService sync, ToLongFunction<String> latency) {
        Map<String, ClockModel> models = new LinkedHashMap<>();
        byDevice.forEach((device, p) -> {
            Integer[] order = new Integer[p.size];
            for (int i = 0; i < p.size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(p.host[a], p.host[b]));
            long[] d = new long[p.size];
            long[] h = new long[p.size];
            for (int i = 0; i < p.size; i++) {
                d[i] = p.device[order[i]];
                h[i] = p.host[order[i]];
            }
            models.put(device, sync.estimate(p.clockId, d, h, p.size, latency.applyAsLong(device)));
        });
        return new DeviceClocks(models);
    }
}
