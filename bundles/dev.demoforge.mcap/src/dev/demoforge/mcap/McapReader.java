package dev.demoforge.mcap;

import java.io.IOException;
import java.nio.file.Path;

import dev.demoforge.mcap.internal.FileCursor;

/**
 * Streaming MCAP reader that tolerates truncated and damaged files, such as a recording whose process was killed.
 * <p>
 * It walks the file record by record from the start (the summary is not needed), verifies every chunk's CRC and
 * the data-section CRC, and hands schemas, channels, messages and metadata to a {@link MessageVisitor} in file
 * order. Reading ends at the first damaged record: a truncated record, a chunk whose CRC fails, a record whose
 * content does not parse, or the end of a file that has no Footer. That is reported in {@link Result#problem()},
 * never thrown; only a file that is not MCAP at all (empty, wrong magic) throws {@link McapFormatException}.
 * Uncompressed chunks only; a compressed chunk is reported as a problem.
 * <p>
 * Threading: stateless; each {@link #read} call uses only the calling thread and blocks on file I/O.
 *
 * @since 0.1
 */
public final class McapReader {

    /**
     * Outcome of a read.
     *
     * @param complete       the file ends with a Footer followed by the closing magic
     * @param messages       messages delivered to the visitor
     * @param chunks         chunks read whole and verified
     * @param validEndOffset file offset just past the last record that was read and accepted (the file size for a
     *                       complete file)
     * @param problem        {@code null}, or what is wrong and at which offset, e.g.
     *                       {@code "chunk at offset 12345: CRC mismatch (stored 0x..., computed 0x...)"}
     * @since 0.1
     */
    public record Result(boolean complete, long messages, long chunks, long validEndOffset, String problem) {

        /** Complete and without any problem. */
        public boolean intact() {
            return complete && problem == null;
        }
    }

    private McapReader() {
    }

    /**
     * Reads {@code file} from start to end (or to the first damage), calling {@code visitor} on this thread.
     *
     * @throws McapFormatException if the file is empty or does not start with the MCAP magic
     * @throws IOException         on an I/O error, or when the visitor throws
     */
    public static Result read(Path file, MessageVisitor visitor) throws IOException {
        try (FileCursor in = FileCursor.open(file)) {
            return new ReadSession(file, in, visitor).run();
        }
    }
}
