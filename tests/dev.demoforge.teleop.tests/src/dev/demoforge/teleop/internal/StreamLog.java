package dev.demoforge.teleop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

/** Keeps every vector sample a station publishes, per topic, for checks after the run. */
final class StreamLog implements SampleSink {

    private final Map<String, List<VectorSample>> topics = new ConcurrentHashMap<>();

    @Override
    public void onSample(String deviceId, StreamSpec stream, Sample sample) {
        if (sample instanceof VectorSample v) {
            List<VectorSample> list = topics.computeIfAbsent("/" + deviceId + "/" + stream.name(),
                    k -> new ArrayList<>());
            synchronized (list) {
                list.add(v);
            }
        }
    }

    List<VectorSample> get(String topic) {
        List<VectorSample> list = topics.getOrDefault(topic, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Value of element {@code e} of a topic at host time {@code t}, linearly interpolated; NaN outside. */
    static double at(List<VectorSample> s, int e, long t) {
        int lo = 0;
        int hi = s.size() - 1;
        if (s.isEmpty() || t < s.get(0).hostNanos() || t > s.get(hi).hostNanos()) {
            return Double.NaN;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s.get(mid).hostNanos() <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        VectorSample a = s.get(lo);
        VectorSample b = s.get(hi);
        double f = b.hostNanos() == a.hostNanos() ? 0 : (double) (t - a.hostNanos()) / (b.hostNanos() - a.hostNanos());
        return a.values()[e] + f * (b.values()[e] - a.values()[e]);
    }
}
