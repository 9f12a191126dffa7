package dev.demoforge.episode.api;

import dev.demoforge.device.api.StreamSpec;

/**
 * A stream as stored in a raw episode.
 *
 * @param topic     "/device/stream"
 * @param deviceId  device the stream came from
 * @param spec      the device's declaration
 * @param videoFile file name of the camera's MP4 inside the episode directory, or null for non-camera streams
 * @since 0.1
 */
public record RecordedStream(String topic, String deviceId, StreamSpec spec, String videoFile) {

    public static String topic(String deviceId, String stream) {
        return "/" + deviceId + "/" + stream;
    }
}
