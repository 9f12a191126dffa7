package dev.demoforge.capture.ui.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.device.api.SampleSink;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.episode.api.RecordedStream;

/**
 * A sample sink that keeps only the newest frame of each tracked camera topic. {@link #onSample} runs on the drivers'
 * threads and costs one map lookup and one reference store; the UI takes the newest frame when it repaints.
 */
final class LatestFrames implements SampleSink {

    private final Map<String, AtomicReference<ImageSample>> latest = new ConcurrentHashMap<>();

    /** Starts keeping frames of a camera topic ("/device/stream"). */
    void track(String topic) {
        latest.putIfAbsent(topic, new AtomicReference<>());
    }

    /** The newest frame of a topic, or null before the first. */
    ImageSample latest(String topic) {
        AtomicReference<ImageSample> ref = latest.get(topic);
        return ref == null ? null : ref.get();
    }

    @Override
    public void onSample(String deviceId, StreamSpec stream, Sample sample) {
        if (sample instanceof ImageSample image) {
            AtomicReference<ImageSample> ref = latest.get(RecordedStream.topic(deviceId, stream.name()));
            if (ref != null) {
                ref.set(image);
            }
        }
    }
}
