/**
 * Helpers for writing exporters (DemoForge's own and teams' own): the staging directory that keeps a cancelled or
 * failed export from leaving anything that looks like a dataset, the session lifecycle around it
 * ({@link dev.demoforge.export.support.StagedExportSession}, since 0.3), checked option values
 * ({@link dev.demoforge.export.support.OptionValues}, since 0.3), checks of the episodes an exporter receives, and
 * PNG/JPEG encoding of frames.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.demoforge.export.support;
