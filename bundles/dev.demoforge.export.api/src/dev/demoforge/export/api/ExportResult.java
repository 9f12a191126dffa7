package dev.demoforge.export.api;

import java.nio.file.Path;

/**
 * Summary of a finished export.
 *
 * @param outputDir the dataset directory, now complete
 * @param episodes  episodes written
 * @param frames    rows written (sum of episode lengths)
 * @param bytes     total size of the files written
 * @param elapsed   wall time from {@link DatasetExporter#begin} to the end of {@link ExportSession#finish}
 * @since 0.1
 */
public record ExportResult(Path outputDir, int episodes, long frames, long bytes, java.time.Duration elapsed) {

    /** Throughput in MB (10^6 bytes) per second of wall time. */
    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    /** Throughput in rows per second of wall time. */
    public double framesPerSecond() {
        return frames / seconds();
    }

    private double seconds() {
        return Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
