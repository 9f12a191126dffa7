/**
 * A dependency-free MCAP writer, crash-tolerant streaming reader and recovery tool (formats.md §6).
 * <p>
 * {@link dev.demoforge.mcap.McapWriter} writes uncompressed, indexed MCAP files that stay readable up to the last
 * written chunk if the process dies; {@link dev.demoforge.mcap.McapReader} reads any prefix of such a file and
 * reports where and why it stopped; {@link dev.demoforge.mcap.McapRecovery} rewrites a damaged file into a complete,
 * indexed one.
 * <p>
 * Time base: message log and publish times are nanoseconds since the Unix epoch, chosen by the caller. Chunk
 * ageing uses the host monotonic clock ({@link java.lang.System#nanoTime()}). Threading: writers and readers are
 * used by one thread at a time; nothing here starts threads.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.mcap;
