package dev.demoforge.export.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One raw episode resampled onto the dataset timeline, as the provider (the catalog) hands it to an exporter.
 * <p>
 * Time base: row {@code i} is at {@code t = i / fps} seconds after the episode's first row, {@code fps} being
 * {@link DatasetSpec#fps()}. Every feature of the {@link DatasetSpec} has exactly {@link #length()} rows.
 * <p>
 * Threading: used by the one thread that runs the export session. Memory: {@link #vectors(String)} returns a whole
 * episode (small); video frames are pulled one at a time through {@link #video(String)}.
 *
 * Implemented by DemoForge (the catalog), called by exporters: {@code @ProviderType}.
 *
 * @since 0.1
 */
@ProviderType
public interface EpisodeFrames {

    /** The raw episode's id in the catalog (for messages and provenance). */
    String sourceId();

    /** Language instruction / task text of this episode. */
    String task();

    /** Number of rows; greater than zero. */
    int length();

    /**
     * Values of a {@link FeatureKind#STATE}, {@link FeatureKind#ACTION} or {@link FeatureKind#VECTOR} feature:
     * {@code length() x D} in the feature's units. May block while the provider reads and resamples.
     *
     * @throws IllegalArgumentException if the key is not a vector feature of the dataset
     */
    float[][] vectors(String featureKey);

    /**
     * Opens the frames of a {@link FeatureKind#VIDEO} feature in row order. The caller closes the returned source.
     * May block while the provider opens and decodes the recording.
     */
    VideoFrames video(String featureKey) throws IOException;
}
