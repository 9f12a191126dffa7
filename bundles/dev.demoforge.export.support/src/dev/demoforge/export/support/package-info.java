/**
 * Helpers for writing exporters (DemoForge's own and teams' own): the staging directory that keeps a cancelled or
 * failed export from leaving anything that looks like a dataset, checks of the episodes an exporter receives, and
 * PNG/JPEG encoding of frames.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.export.support;
