package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceContext;
import dev.demoforge.device.api.DeviceStatus;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.Sample;

/**
 * Test collector standing in for the framework's context: keeps every published sample per stream (camera frames
 * only when asked, otherwise their time stamps), the true instants the simulator reports through its tap, and the
 * statuses.
 */
final class Collector implements DeviceContext, SimDevice.Tap {

    /** One received sample; {@code sample} is null for a camera frame that was not kept. */
    record Got(long hostNanos, long deviceNanos, long trueNanos, long receivedNanos, Sample sample) {
    }

    private final DeviceConfig config;
    private final boolean keepImages;
    final Map<String, List<Got>> streams = new ConcurrentHashMap<>();
    final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();

    Collector(DeviceConfig config, boolean keepImages) {
        this.config = config;
        this.keepImages = keepImages;
    }

    @Override
    public DeviceConfig config() {
        return config;
    }

    @Override
    public void sample(String stream, long trueNanos, Sample sample) {
        // the tap runs right after publish() on the same thread: attach the true instant to the sample just kept
        List<Got> list = streams.get(stream);
        synchronized (list) {
            Got last = list.get(list.size() - 1);
            list.set(list.size() - 1,
                    new Got(last.hostNanos(), last.deviceNanos(), trueNanos, last.receivedNanos(), last.sample()));
        }
    }

    @Override
    public void publish(String stream, Sample sample) {
        long received = System.nanoTime();
        boolean keep = keepImages || !(sample instanceof ImageSample);
        List<Got> list = streams.computeIfAbsent(stream, k -> new ArrayList<>());
        synchronized (list) {
            list.add(new Got(sample.hostNanos(), sample.deviceNanos(), Long.MIN_VALUE, received, keep ? sample : null));
        }
    }

    @Override
    public void status(DeviceStatus status) {
        statuses.add(status);
    }

    /** A copy of what arrived on a stream so far. */
    List<Got> got(String stream) {
        List<Got> list = streams.get(stream);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    int count(String stream) {
        List<Got> list = streams.get(stream);
        if (list == null) {
            return 0;
        }
        synchronized (list) {
            return list.size();
        }
    }
}
