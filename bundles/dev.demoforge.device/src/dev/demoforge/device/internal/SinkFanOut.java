package dev.demoforge.device.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamSpec;

/**
 * Delivers samples to the registered sinks on the publishing thread. A sink that throws is logged once and skipped
 * for that sample; it never reaches the driver.
 */
final class SinkFanOut {

    private static final System.Logger LOG = System.getLogger(SinkFanOut.class.getName());

    private final CopyOnWriteArrayList<SampleSink> sinks = new CopyOnWriteArrayList<>();

    void add(SampleSink sink) {
        sinks.addIfAbsent(sink);
    }

    void remove(SampleSink sink) {
        sinks.remove(sink);
    }

    void deliver(String deviceId, StreamSpec spec, Sample sample) {
        for (SampleSink sink : sinks) {
            try {
                sink.onSample(deviceId, spec, sample);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sample sink " + sink + " failed on " + deviceId + "/" + spec.name(), e);
            }
        }
    }
}
