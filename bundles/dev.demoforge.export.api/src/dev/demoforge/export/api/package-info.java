/**
 * Dataset exporter SPI: how the workbench hands resampled episodes to a format writer.
 * <p>
 * Flow: the workbench finds every {@link dev.demoforge.export.api.DatasetExporter} service (one per format), renders
 * its {@link dev.demoforge.export.api.ExporterCapabilities#options() options} as a form, then calls
 * {@link dev.demoforge.export.api.DatasetExporter#begin begin}, {@link dev.demoforge.export.api.ExportSession#writeEpisode
 * writeEpisode} once per episode and {@link dev.demoforge.export.api.ExportSession#finish finish}, all from one
 * background job thread, and finally {@link dev.demoforge.export.api.ExportSession#close close}.
 * <p>
 * Time base: every episode arrives already resampled onto the dataset timeline, row {@code i} at
 * {@code t = i / fps} seconds after the episode's first row; writers never see device or host clocks.
 * <p>
 * Memory: an exporter holds at most one episode's vectors plus one video frame per video feature; frames are pulled
 * one at a time from {@link dev.demoforge.export.api.VideoFrames}.
 *
 * Splits: a {@link dev.demoforge.export.api.DatasetSpec} may declare named splits as contiguous episode ranges
 * ({@link dev.demoforge.export.api.DatasetSplit}, since 0.2); exporters store them in their format's own way.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.export.api;
