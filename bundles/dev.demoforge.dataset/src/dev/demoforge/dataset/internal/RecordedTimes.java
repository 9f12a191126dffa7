package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.timesync.ClockModel;
import dev.demoforge.timesync.DeviceClocks;
import dev.demoforge.timesync.ResidualStats;
import dev.demoforge.timesync.TimeSyncService;

/**
 * The recorded times of an episode's streams (host receive, device where stamped), their values, the clock model of
 * every device whose streams carry device time, and from those the capture time of every sample.
 */
final class RecordedTimes {

    /** One topic as recorded: camera topics hold one entry per MP4 frame, in frame order. */
    static final class Topic {
        final RecordedStream stream;
        long[] host = new long[1024];
        long[] device = new long[1024];
        final List<double[]> values = new ArrayList<>();
        int size;
        boolean allDeviceTime = true;
        String clockId;

        Topic(RecordedStream stream) {
            this.stream = stream;
        }

        void add(Sample s, double[] v) {
            if (size == host.length) {
                host = Arrays.copyOf(host, size * 2);
                device = Arrays.copyOf(device, size * 2);
            }
            host[size] = s.hostNanos();
            device[size++] = s.deviceNanos();
            allDeviceTime &= s.hasDeviceTime();
            if (clockId == null) {
                clockId = s.clockId();
            }
            if (v != null) {
                values.add(v);
            }
        }
    }

    final Map<String, Topic> topics = new LinkedHashMap<>();
    /** Clock model per device id, for devices whose aligned streams all carry device time. */
    final Map<String, ClockModel> clocks = new LinkedHashMap<>();
    /** Per clock id: "recorded" (stored with the episode) or "fitted" (fitted here on the episode). */
    final Map<String, String> sources = new LinkedHashMap<>();

    private RecordedTimes() {
    }

    /**
     * Reads the streams and takes their devices' clocks from the models stored with the episode
     * ({@link DeviceClocks#FILE}), or fits them on the episode where none is stored (fixed latencies from the
     * station's configuration). Residual statistics are always computed over every pair read here.
     */
    static RecordedTimes read(RawEpisode episode, List<RecordedStream> streams, TimeSyncService sync)
            throws IOException {
        RecordedTimes r = new RecordedTimes();
        for (RecordedStream s : streams) {
            r.topics.put(s.topic(), new Topic(s));
        }
        episode.read(Set.copyOf(r.topics.keySet()), (topic, sample) -> {
            Topic t = r.topics.get(topic);
            if (sample instanceof VectorSample v) {
                t.add(v, v.values());
            } else if (sample instanceof EventSample e && Long.parseLong(e.text()) == t.size) {
                t.add(e, null);
            }
        });
        Map<String, List<Topic>> byDevice = new LinkedHashMap<>();
        for (Topic t : r.topics.values()) {
            if (t.size > 0 && t.allDeviceTime) {
                byDevice.computeIfAbsent(t.stream.deviceId(), k -> new ArrayList<>()).add(t);
            }
        }
        String station = episode.manifest().stationId();
        Map<String, ClockModel> stored = stored(episode);
        for (Map.Entry<String, List<Topic>> e : byDevice.entrySet()) {
            ClockModel recorded = stored.get(e.getKey());
            ClockModel m = recorded != null ? withResiduals(recorded, e.getValue())
                    : fit(sync, e.getValue(), sync.fixedLatencyNs(station, e.getKey()));
            r.clocks.put(e.getKey(), m);
            r.sources.put(m.clockId(), recorded != null ? "recorded" : "fitted");
        }
        return r;
    }

    /** The clock models stored with the episode, by device; empty when it has none. */
    private static Map<String, ClockModel> stored(RawEpisode episode) throws IOException {
        String file = episode.manifest().clockModels();
        if (file == null) {
            return Map.of();
        }
        Path path = episode.directory().resolve(file);
        if (!Files.isRegularFile(path)) {
            return Map.of();
        }
        try {
            return DeviceClocks.fromJson(Files.readString(path), path.toString()).byDevice();
        } catch (IllegalArgumentException e) {
            throw new IOException("Episode " + episode.manifest().episodeId() + ": " + e.getMessage(), e);
        }
    }

    /** A stored model with its residual statistics over every pair of the device's aligned streams. */
    private static ClockModel withResiduals(ClockModel m, List<Topic> own) {
        int n = own.stream().mapToInt(t -> t.size).sum();
        long[] r = new long[n];
        int k = 0;
        for (Topic t : own) {
            for (int i = 0; i < t.size; i++) {
                r[k++] = t.host[i] - m.segmentAtHost(t.host[i]).toHostNanos(t.device[i]);
            }
        }
        return new ClockModel(m.clockId(), m.segments(), m.fixedLatencyNs(), ResidualStats.of(r, n));
    }

    /** One device's pairs from all its streams, in receive order. */
    private static ClockModel fit(TimeSyncService sync, List<Topic> own, long latency) {
        int n = own.stream().mapToInt(t -> t.size).sum();
        long[] host = new long[n];
        long[] device = new long[n];
        int k = 0;
        for (Topic t : own) {
            System.arraycopy(t.host, 0, host, k, t.size);
            System.arraycopy(t.device, 0, device, k, t.size);
            k += t.size;
        }
        if (own.size() > 1) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(host[a], host[b]));
            long[] h = new long[n];
            long[] d = new long[n];
            for (int i = 0; i < n; i++) {
                h[i] = host[order[i]];
                d[i] = device[order[i]];
            }
            return sync.estimate(own.get(0).clockId, d, h, n, latency);
        }
        return sync.estimate(own.get(0).clockId, device, host, n, latency);
    }

    /** The clock model the topic's times are mapped through, or null when it uses host receive times. */
    ClockModel clockOf(String topic) {
        Topic t = topics.get(topic);
        return t.allDeviceTime ? clocks.get(t.stream.deviceId()) : null;
    }

    /** Capture time of every sample of the topic, host ns. */
    long[] captureTimes(String topic) {
        Topic t = topics.get(topic);
        ClockModel m = clockOf(topic);
        long[] c = new long[t.size];
        for (int i = 0; i < t.size; i++) {
            c[i] = m == null ? t.host[i] : m.captureNanos(t.device[i], t.host[i]);
        }
        return c;
    }
}
