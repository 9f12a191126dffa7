/**
 * Episodes: recording a connected station into a raw episode directory, reading raw episodes back, and recovering
 * episodes whose recording process died.
 * <p>
 * A raw episode directory holds {@code episode.json} (the manifest), {@code episode.mcap} (every numeric and event
 * stream, plus each camera's frame times) and one fragmented MP4 per camera. Raw episodes are never rewritten once
 * finished; later decisions live in the catalog. Time base: host monotonic nanoseconds.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.demoforge.episode.api;
