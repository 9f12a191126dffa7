package dev.demoforge.mcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds a complete, indexed MCAP file from a damaged one, typically a recording whose process died before
 * {@link McapWriter#close()}: the equivalent of {@code mcap recover}.
 * <p>
 * The damaged file is read with {@link McapReader} up to its first damage; every schema, channel, metadata record
 * and every message from intact chunks is written, in file order and with its original sequence number and times,
 * to a new file with a summary and footer. Schema and channel ids may be renumbered (1, 2, ... in order of
 * appearance); messages on a channel whose Channel record was lost are dropped. Chunk boundaries are rebuilt with
 * the default chunk size.
 * <p>
 * Threading: stateless; {@link #recover} runs on the calling thread and blocks on file I/O (it reads and writes
 * every byte once).
 *
 * @since 0.1
 */
public final class McapRecovery {

    /**
     * Outcome of a recovery.
     *
     * @param messages    messages written to the repaired file
     * @param chunks      intact chunks read from the damaged file
     * @param bytesLost   bytes of the damaged file after its last accepted record
     * @param wasComplete the damaged file had a footer and closing magic
     * @since 0.1
     */
    public record Result(long messages, long chunks, long bytesLost, boolean wasComplete) {
    }

    private McapRecovery() {
    }

    /**
     * Reads {@code damaged} and writes everything intact to {@code repaired}, which must not exist. On failure the
     * partial {@code repaired} file is deleted.
     *
     * @throws McapFormatException if {@code damaged} is not an MCAP file at all (nothing is written)
     * @throws java.nio.file.FileAlreadyExistsException if {@code repaired} exists
     */
    public static Result recover(Path damaged, Path repaired) throws IOException {
        long size = Files.size(damaged);
        if (Files.exists(repaired)) {
            throw new java.nio.file.FileAlreadyExistsException(repaired.toString(), null,
                    "recovery target exists; refusing to overwrite it");
        }
        Copier copier = new Copier(repaired);
        try {
            McapReader.Result read = McapReader.read(damaged, copier);
            copier.writer("").close();
            return new Result(copier.messages, read.chunks(), size - read.validEndOffset(), read.complete());
        } catch (IOException | RuntimeException e) {
            copier.abandon();
            throw e;
        }
    }

    /** Visitor that writes what it is shown into a new file, opened at the first record. */
    private static final class Copier implements MessageVisitor {

        private final Path target;
        private final Map<Integer, Integer> schemaIds = new HashMap<>();
        private final Map<Integer, Integer> channelIds = new HashMap<>();
        private McapWriter writer;
        private String profile = "";
        private long messages;

        Copier(Path target) {
            this.target = target;
        }

        McapWriter writer(String library) throws IOException {
            if (writer == null) {
                McapWriter.Options size = McapWriter.Options.defaults();
                writer = McapWriter.create(target, profile, library,
                        new McapWriter.Options(size.chunkSizeBytes(), Long.MAX_VALUE), System::nanoTime);
            }
            return writer;
        }

        @Override
        public void onHeader(String headerProfile, String library) throws IOException {
            if (writer == null) {
                profile = headerProfile;
                writer((library.isEmpty() ? "" : library + "; ") + "recovered by dev.demoforge.mcap");
            }
        }

        @Override
        public void onSchema(McapSchema schema) throws IOException {
            int id = writer("").addSchema(schema.name(), schema.encoding(), schema.data());
            schemaIds.put(schema.id(), id);
        }

        @Override
        public void onChannel(McapChannel channel) throws IOException {
            int schemaId = schemaIds.getOrDefault(channel.schemaId(), 0);
            int id = writer("").addChannel(schemaId, channel.topic(), channel.messageEncoding(), channel.metadata());
            channelIds.put(channel.id(), id);
        }

        @Override
        public void onMessage(int channelId, long sequence, long logTimeNanos, long publishTimeNanos, byte[] data)
                throws IOException {
            Integer id = channelIds.get(channelId);
            if (id != null && logTimeNanos >= 0 && publishTimeNanos >= 0) {
                writer("").writeMessage(id, sequence, logTimeNanos, publishTimeNanos, data);
                messages++;
            }
        }

        @Override
        public void onMetadata(String name, Map<String, String> values) throws IOException {
            writer("").addMetadata(name, values);
        }

        void abandon() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // The partial output is deleted below; its close error adds nothing.
            } finally {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // Best effort: the caller gets the original failure.
                }
            }
        }
    }
}
