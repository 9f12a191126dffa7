package dev.demoforge.episode.api;

import java.io.IOException;

import dev.demoforge.device.api.ConnectedStation;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records every stream of a connected station into a raw episode directory: cameras encoded live to fragmented
 * MP4, all other streams and the cameras' frame times appended to an MCAP file. Each stream has a bounded queue;
 * when it is full the newest sample is dropped and counted (never silently).
 *
 * @since 0.1
 */
@ProviderType
public interface Recorder {

    /** Creates the episode directory and starts recording; returns once the first files exist. */
    Recording start(ConnectedStation station, RecordingRequest request) throws IOException;
}
