package dev.demoforge.dataset;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

import dev.demoforge.episode.api.RawEpisode;

/**
 * Measures a camera's fixed latency ({@code timesync.latency_ns}, the part of its delay no clock fit can see) from a
 * recorded motion seen both by the camera and in a joint stream: the camera's motion energy between consecutive
 * frames (mean absolute difference of their grey levels) is correlated with the joints' displacement over the same
 * interval, shifted by a candidate delay; the delay with the highest correlation is the camera's latency relative to
 * the joint stream's capture times.
 * <p>
 * Camera frame times are its device times mapped through its clock model with no fixed latency (the instant the
 * frame would be received with the smallest delay); joint times are their capture instants (their own fixed latency
 * subtracted). Blocking (decodes the camera's video); call off the UI thread. Thread-safe.
 *
 * @since 0.3
 */
@ProviderType
public interface LatencyCalibration {

    /** Delays searched, ns: 0 to this. */
    long MAX_LATENCY_NS = 250_000_000L;

    /**
     * Estimates the latency of one camera of a recorded episode against one joint stream.
     *
     * @param cameraTopic a camera topic of the episode ("/cam_scene/image")
     * @param jointTopic  a joint-state topic of the arm the camera sees ("/arm/joints")
     * @throws IllegalArgumentException naming the topic when it is missing or of the wrong kind, or when the episode
     *                                  holds too little motion to correlate
     */
    LatencyEstimate estimate(RawEpisode episode, String cameraTopic, String jointTopic) throws IOException;
}
