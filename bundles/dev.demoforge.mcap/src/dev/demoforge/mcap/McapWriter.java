package dev.demoforge.mcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import dev.demoforge.mcap.internal.ChunkBuilder;
import dev.demoforge.mcap.internal.FileSink;
import dev.demoforge.mcap.internal.LeBuffer;
import dev.demoforge.mcap.internal.Opcode;
import dev.demoforge.mcap.internal.Records;
import dev.demoforge.mcap.internal.SummaryEncoder;

/**
 * Writes an MCAP file (formats.md §6) laid out to survive a crash: Header, then every Schema and Channel record
 * directly in the data section as soon as it is added, then uncompressed chunks, each written together with its
 * Message Index records in one go; on {@link #close()} Data End (with the data-section CRC), the summary (Schema,
 * Channel, Chunk Index, Metadata Index and Statistics groups), Summary Offsets, Footer (with the summary CRC) and
 * the closing magic.
 * <p>
 * <b>Chunking.</b> A chunk is written when its records reach {@link Options#chunkSizeBytes()}, or when a message
 * arrives more than {@link Options#maxChunkAgeNanos()} (measured on the host monotonic clock,
 * {@link System#nanoTime()}) after the chunk's first message; the arriving message is the chunk's last. A process
 * that is killed therefore loses at most the open chunk, i.e. about {@code maxChunkAge} of data while messages keep
 * arriving. When a stream may go quiet, call {@link #flushIfDue()} periodically from the writer thread. Chunks are
 * stored uncompressed (compression {@code ""}) unless {@link Options#compression()} names a codec.
 * <p>
 * <b>Durability.</b> Every chunk is handed to the operating system with one write call when it is closed, which is
 * enough to survive a killed or crashed JVM. By default {@link FileChannel#force(boolean)} is not called per chunk:
 * it only adds protection against power loss and kernel crashes, costs 0.3–3 ms per chunk on an idle disk (measured:
 * under 1% of the writer thread at 1 kHz with 500 ms chunks) and can block the writer thread much longer when
 * the disk is busy with video; {@link Options#forceEachChunk()} turns it on. {@link #close()} forces the finished
 * file once.
 * <p>
 * <b>Time base.</b> {@code logTime} and {@code publishTime} are nanoseconds since the Unix epoch, chosen by the
 * caller (typically the sample's capture instant); the writer never reads the wall clock for them.
 * <p>
 * <b>Threading.</b> Not thread-safe: one writer thread owns the instance from {@link #create} to {@link #close()}.
 * All methods block on file I/O. After an {@link IOException} the writer is unusable and only {@link #close()}
 * (which then just releases the file) may be called.
 *
 * @since 0.1
 */
public final class McapWriter implements AutoCloseable {

    /**
     * Chunking and durability policy.
     *
     * @param chunkSizeBytes   a chunk is written once its uncompressed records reach this many bytes (&gt; 0)
     * @param maxChunkAgeNanos a chunk is written when a message arrives more than this many nanoseconds of host
     *                         monotonic time after the chunk was opened (&gt; 0)
     * @param forceEachChunk   call {@link FileChannel#force(boolean) force(false)} after every chunk, so chunks
     *                         also survive power loss or a kernel crash (measured: 0.3–3 ms per chunk on ext4/virtio;
     *                         can stall far longer when the disk is busy). Not needed to survive a killed process.
     * @param compression      chunk codec, or {@code null} for uncompressed chunks (compression {@code ""}); the
     *                         Message Index offsets and {@link #chunkSizeBytes} refer to the uncompressed records
     * @since 0.1
     */
    public record Options(int chunkSizeBytes, long maxChunkAgeNanos, boolean forceEachChunk,
            ChunkCompression compression) {

        public Options {
            if (chunkSizeBytes <= 0) {
                throw new IllegalArgumentException("chunkSizeBytes must be > 0, was " + chunkSizeBytes);
            }
            if (maxChunkAgeNanos <= 0) {
                throw new IllegalArgumentException("maxChunkAgeNanos must be > 0, was " + maxChunkAgeNanos);
            }
        }

        /** Uncompressed chunks. */
        public Options(int chunkSizeBytes, long maxChunkAgeNanos, boolean forceEachChunk) {
            this(chunkSizeBytes, maxChunkAgeNanos, forceEachChunk, null);
        }

        /** Uncompressed chunks, without {@code force} per chunk. */
        public Options(int chunkSizeBytes, long maxChunkAgeNanos) {
            this(chunkSizeBytes, maxChunkAgeNanos, false, null);
        }

        /** 1 MiB chunks (the Go writer's default), at most 500 ms old, no {@code force} per chunk, uncompressed. */
        public static Options defaults() {
            return new Options(1 << 20, 500_000_000L, false, null);
        }

        /** A copy with {@link #forceEachChunk()} set as given. */
        public Options withForceEachChunk(boolean force) {
            return new Options(chunkSizeBytes, maxChunkAgeNanos, force, compression);
        }

        /**
         * A copy whose chunks are compressed with {@code codec} ({@code null}: uncompressed).
         *
         * @since 0.2
         */
        public Options withCompression(ChunkCompression codec) {
            return new Options(chunkSizeBytes, maxChunkAgeNanos, forceEachChunk, codec);
        }
    }

    private record ChannelState(int schemaId, long[] counters) {
    }

    private final Path file;
    private final FileSink out;
    private final Options options;
    private final LongSupplier clock;
    private final LeBuffer scratch = new LeBuffer(4096);
    private final LeBuffer schemaRecords = new LeBuffer(4096);
    private final LeBuffer channelRecords = new LeBuffer(4096);
    private final LeBuffer chunkIndexes = new LeBuffer(4096);
    private final LeBuffer metadataIndexes = new LeBuffer(256);
    private final Map<Integer, ChannelState> channels = new TreeMap<>();
    private final ChunkBuilder chunk;
    private int schemaCount;
    private long metadataCount;
    private long chunkCount;
    private long messageCount;
    private long startTime;
    private long endTime;
    private long chunkOpenedAt;
    private boolean closed;

    private McapWriter(Path file, FileChannel channel, Options options, LongSupplier clock) {
        this.file = file;
        this.out = new FileSink(file, channel);
        this.options = options;
        this.clock = clock;
        this.chunk = new ChunkBuilder(Math.min(options.chunkSizeBytes(), 1 << 20));
    }

    /**
     * Creates {@code file} (which must not exist) and writes the magic and the Header record.
     *
     * @param profile MCAP profile, {@code ""} for none (or e.g. {@code "ros1"})
     * @param library free text naming the writing software, e.g. {@code "demoforge 0.1"}
     * @throws FileAlreadyExistsException if {@code file} exists; an existing recording is never overwritten
     */
    public static McapWriter create(Path file, String profile, String library, Options options) throws IOException {
        return create(file, profile, library, options, System::nanoTime);
    }

    /** As {@link #create(Path, String, String, Options)} with an injectable monotonic clock (tests). */
    static McapWriter create(Path file, String profile, String library, Options options, LongSupplier clock)
            throws IOException {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(options, "options");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "refusing to overwrite an existing file with a new MCAP recording");
        }
        McapWriter writer = new McapWriter(file, channel, options, clock);
        try {
            writer.scratch.bytes(Opcode.magic());
            Records.header(writer.scratch, profile, library);
            writer.writeScratch();
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return writer;
    }

    /**
     * Adds a schema and writes its record to the file at once.
     *
     * @param name     schema name, e.g. {@code "foxglove.CompressedImage"}
     * @param encoding schema encoding, e.g. {@code "jsonschema"}, {@code "protobuf"}
     * @param data     the schema definition (copied)
     * @return the schema id (1, 2, ...) to pass to {@link #addChannel}
     */
    public int addSchema(String name, String encoding, byte[] data) throws IOException {
        checkOpen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
        if (schemaCount == 0xFFFF) {
            throw new IllegalStateException(file + ": no more schema ids (65535 used)");
        }
        int id = ++schemaCount;
        int before = schemaRecords.size();
        Records.schema(schemaRecords, id, name, encoding, data);
        scratch.bytes(schemaRecords.array(), before, schemaRecords.size() - before);
        writeScratch();
        return id;
    }

    /**
     * Adds a channel and writes its record to the file at once.
     *
     * @param schemaId        an id returned by {@link #addSchema}, or 0 for schemaless messages
     * @param topic           e.g. {@code "/arm/joint_states"}
     * @param messageEncoding e.g. {@code "json"}, {@code "protobuf"}
     * @param metadata        channel metadata, written in iteration order (copied)
     * @return the channel id (1, 2, ...) to pass to {@link #write}
     */
    public int addChannel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
            throws IOException {
        checkOpen();
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(messageEncoding, "messageEncoding");
        if (schemaId < 0 || schemaId > schemaCount) {
            throw new IllegalArgumentException(file + ": channel " + topic + " refers to unknown schema id "
                    + schemaId + " (known: 0.." + schemaCount + ")");
        }
        if (channels.size() == 0xFFFF) {
            throw new IllegalStateException(file + ": no more channel ids (65535 used)");
        }
        int id = channels.size() + 1;
        int before = channelRecords.size();
        Records.channel(channelRecords, id, schemaId, topic, messageEncoding,
                new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
        channels.put(id, new ChannelState(schemaId, new long[2]));
        scratch.bytes(channelRecords.array(), before, channelRecords.size() - before);
        writeScratch();
        return id;
    }

    /**
     * Adds one message to the open chunk; the writer numbers each channel's messages 0, 1, 2, ... (sequence field).
     *
     * @param channelId        an id returned by {@link #addChannel}
     * @param logTimeNanos     receive/capture time, ns since the Unix epoch (&ge; 0)
     * @param publishTimeNanos publish time, ns since the Unix epoch; pass {@code logTimeNanos} if unknown
     * @param data             the serialized message (not copied: do not modify it during the call)
     */
    public void write(int channelId, long logTimeNanos, long publishTimeNanos, byte[] data) throws IOException {
        ChannelState state = channels.get(channelId);
        long sequence = state == null ? 0 : state.counters()[0];
        writeMessage(channelId, sequence, logTimeNanos, publishTimeNanos, data);
    }

    /** As {@link #write} with a caller-chosen sequence number (used by recovery to keep the original numbers). */
    void writeMessage(int channelId, long sequence, long logTimeNanos, long publishTimeNanos, byte[] data)
            throws IOException {
        checkOpen();
        ChannelState state = channels.get(channelId);
        if (state == null) {
            throw new IllegalArgumentException(file + ": unknown channel id " + channelId + " (known: 1.."
                    + channels.size() + ")");
        }
        if (logTimeNanos < 0 || publishTimeNanos < 0) {
            throw new IllegalArgumentException(file + ": channel " + channelId
                    + ": times must be >= 0 ns since the Unix epoch, got log " + logTimeNanos + ", publish "
                    + publishTimeNanos);
        }
        Objects.requireNonNull(data, "data");
        long now = clock.getAsLong();
        if (chunk.isEmpty()) {
            chunkOpenedAt = now;
        }
        chunk.add(channelId, sequence & 0xFFFF_FFFFL, logTimeNanos, publishTimeNanos, data);
        state.counters()[0] = (sequence + 1) & 0xFFFF_FFFFL;
        state.counters()[1]++;
        if (messageCount == 0 || logTimeNanos < startTime) {
            startTime = logTimeNanos;
        }
        if (messageCount == 0 || logTimeNanos > endTime) {
            endTime = logTimeNanos;
        }
        messageCount++;
        if (chunk.recordsSize() >= options.chunkSizeBytes() || now - chunkOpenedAt > options.maxChunkAgeNanos()) {
            writeChunk();
        }
    }

    /**
     * Writes a Metadata record (indexed in the summary), e.g. name {@code "demoforge_episode"} with keys
     * {@code task}, {@code operator}, {@code robot}. The open chunk is written first, so file order is call order.
     */
    public void addMetadata(String name, Map<String, String> values) throws IOException {
        checkOpen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        writeChunk();
        long offset = out.position();
        Records.metadata(scratch, name, new LinkedHashMap<>(values));
        Records.metadataIndex(metadataIndexes, offset, scratch.size(), name);
        writeScratch();
        metadataCount++;
    }

    /** Writes the open chunk (if any) with its Message Index records, handing them to the OS. */
    public void flush() throws IOException {
        checkOpen();
        writeChunk();
    }

    /**
     * Writes the open chunk if it holds messages older than {@code maxChunkAge}; returns whether it did. Call this
     * periodically (e.g. when the writer thread's queue poll times out) so that quiet streams are persisted too.
     */
    public boolean flushIfDue() throws IOException {
        checkOpen();
        if (!chunk.isEmpty() && clock.getAsLong() - chunkOpenedAt > options.maxChunkAgeNanos()) {
            writeChunk();
            return true;
        }
        return false;
    }

    /** Bytes handed to the OS so far (the file length); the open chunk is not counted until it is written. */
    public long bytesWritten() {
        return out.position();
    }

    /** Messages accepted so far, including those in the open chunk. */
    public long messageCount() {
        return messageCount;
    }

    /** Chunks written so far. */
    public long chunkCount() {
        return chunkCount;
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /**
     * Writes the open chunk, Data End, the summary, Summary Offsets, Footer and magic, forces the file to disk and
     * closes it. Idempotent. If the writer failed earlier, only releases the file (it stays recoverable).
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            if (out.failed()) {
                return;
            }
            writeChunk();
            Records.dataEnd(scratch, out.dataCrc());
            writeScratch();
            writeSummary();
            out.force(true);
        }
    }

    private void writeSummary() throws IOException {
        Map<Integer, Long> counts = new TreeMap<>();
        channels.forEach((id, state) -> counts.put(id, state.counters()[1]));
        LeBuffer stats = new LeBuffer(128);
        Records.statistics(stats, messageCount, schemaCount, channels.size(), metadataCount, chunkCount,
                messageCount == 0 ? 0 : startTime, messageCount == 0 ? 0 : endTime, counts);
        LeBuffer tail = new SummaryEncoder(out.position())
                .group(Opcode.SCHEMA, schemaRecords)
                .group(Opcode.CHANNEL, channelRecords)
                .group(Opcode.CHUNK_INDEX, chunkIndexes)
                .group(Opcode.METADATA_INDEX, metadataIndexes)
                .group(Opcode.STATISTICS, stats)
                .finish();
        out.write(tail.view());
    }

    private void writeChunk() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        ByteBuffer[] buffers = chunk.encode(out.position(), chunkIndexes, options.compression());
        out.writeData(buffers);
        chunk.reset();
        chunkCount++;
        if (options.forceEachChunk()) {
            out.force(false);
        }
    }

    private void writeScratch() throws IOException {
        try {
            out.writeData(scratch.view());
        } finally {
            scratch.reset();
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IllegalStateException(file + ": MCAP writer is closed");
        }
        if (out.failed()) {
            throw new IOException(file + ": MCAP writer failed earlier and cannot continue; recover the file");
        }
    }
}
