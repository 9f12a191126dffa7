package dev.demoforge.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every sample of a connected station (the recorder, live views).
 * <p>
 * Threading: called on the publishing driver's thread, concurrently for different streams. Must not block: queue
 * the sample (bounded, counting drops) or copy what is needed and return.
 *
 * @since 0.1
 */
@ConsumerType
public interface SampleSink {

    void onSample(String deviceId, StreamSpec stream, Sample sample);
}
