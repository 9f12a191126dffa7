/**
 * A dependency-free MCAP writer, crash-tolerant streaming reader and recovery tool (formats.md §6).
 * <p>
 * {@link dev.demoforge.mcap.McapWriter} writes indexed MCAP files that stay readable up to the last written chunk if
 * the process dies (chunks uncompressed, or compressed by a caller-supplied {@link dev.demoforge.mcap.ChunkCompression}
 * since 0.2); {@link dev.demoforge.mcap.McapReader} reads any prefix of such a file and reports where and why it
 * stopped (uncompressed chunks only); {@link dev.demoforge.mcap.McapRecovery} rewrites a damaged file into a
 * complete, indexed one.
 * <p>
 * Time base: message log and publish times are nanoseconds since the Unix epoch, chosen by the caller. Chunk
 * ageing uses the host monotonic clock ({@link java.lang.System#nanoTime()}). Threading: writers and readers are
 * used by one thread at a time; nothing here starts threads.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.mcap;
