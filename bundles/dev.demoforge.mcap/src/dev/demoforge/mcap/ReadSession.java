package dev.demoforge.mcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.demoforge.mcap.internal.FileCursor;
import dev.demoforge.mcap.internal.LeParser;
import dev.demoforge.mcap.internal.Opcode;
import dev.demoforge.mcap.internal.ParseException;
import dev.demoforge.mcap.internal.RecordDecoder;

/** One pass of {@link McapReader} over one file. */
final class ReadSession {

    /** Largest record content read into memory (2 GiB minus headroom). */
    private static final long MAX_CONTENT = Integer.MAX_VALUE - 64L;

    private final Path file;
    private final FileCursor in;
    private final MessageVisitor visitor;
    private final Map<Integer, McapSchema> schemas = new HashMap<>();
    private final Map<Integer, McapChannel> channels = new HashMap<>();
    private final byte[] recordHeader = new byte[Opcode.RECORD_HEADER_LENGTH];
    private long messages;
    private long chunks;
    private long validEnd;
    private String problem;
    private boolean complete;

    ReadSession(Path file, FileCursor in, MessageVisitor visitor) {
        this.file = file;
        this.in = in;
        this.visitor = visitor;
    }

    McapReader.Result run() throws IOException {
        checkMagic();
        validEnd = in.position();
        while (true) {
            long at = in.position();
            long crcBefore = in.crc();
            long remaining = in.remaining();
            if (remaining == 0) {
                addProblem("offset " + at + ": file ends without a footer (recording was not closed)");
                break;
            }
            if (remaining < Opcode.RECORD_HEADER_LENGTH) {
                addProblem("offset " + at + ": truncated record header (" + remaining + " of 9 bytes)");
                break;
            }
            in.readFully(recordHeader, 0, recordHeader.length);
            int opcode = recordHeader[0] & 0xFF;
            long length = ByteBuffer.wrap(recordHeader, 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            String what = Opcode.name(opcode) + " at offset " + at;
            if (opcode == 0) {
                addProblem("offset " + at + ": invalid opcode 0x00 (zeroed or corrupt data)");
                break;
            }
            long left = in.remaining();
            if (Long.compareUnsigned(length, left) > 0) {
                addProblem(what + ": truncated, content length " + Long.toUnsignedString(length) + " but only "
                        + left + " bytes left in the file");
                break;
            }
            if (length > MAX_CONTENT) {
                addProblem(what + ": content length " + length + " is too large to read");
                break;
            }
            byte[] content = in.read((int) length);
            try {
                handle(opcode, at, crcBefore, new LeParser(content));
            } catch (ParseException e) {
                addProblem(what + ": " + e.getMessage());
                break;
            }
            validEnd = in.position();
            if (opcode == Opcode.FOOTER) {
                checkClosingMagic();
                break;
            }
        }
        return new McapReader.Result(complete, messages, chunks, validEnd, problem);
    }

    private void checkMagic() throws IOException {
        if (in.size() == 0) {
            throw new McapFormatException(file + ": empty file, not an MCAP file");
        }
        int n = (int) Math.min(8, in.size());
        byte[] magic = in.read(n);
        if (n < 8 && Arrays.equals(magic, Arrays.copyOf(Opcode.magic(), n))) {
            throw new McapFormatException(file + ": only " + n + " bytes long, truncated inside the MCAP magic");
        }
        if (!Opcode.isMagic(magic)) {
            throw new McapFormatException(file + ": not an MCAP file: starts with "
                    + HexFormat.ofDelimiter(" ").formatHex(magic) + ", expected the MCAP magic "
                    + HexFormat.ofDelimiter(" ").formatHex(Opcode.magic()));
        }
    }

    private void handle(int opcode, long at, long crcBefore, LeParser p) throws ParseException, IOException {
        switch (opcode) {
            case Opcode.HEADER -> {
                RecordDecoder.Header h = RecordDecoder.header(p);
                visitor.onHeader(h.profile(), h.library());
            }
            case Opcode.SCHEMA -> schema(RecordDecoder.schema(p));
            case Opcode.CHANNEL -> channel(RecordDecoder.channel(p));
            case Opcode.MESSAGE -> message(RecordDecoder.message(p));
            case Opcode.CHUNK -> {
                List<Object> records = RecordDecoder.chunk(p);
                for (Object r : records) {
                    switch (r) {
                        case McapSchema s -> schema(s);
                        case McapChannel c -> channel(c);
                        case RecordDecoder.Message m -> message(m);
                        default -> throw new IllegalStateException("unexpected " + r);
                    }
                }
                chunks++;
            }
            case Opcode.METADATA -> {
                RecordDecoder.Metadata m = RecordDecoder.metadata(p);
                visitor.onMetadata(m.name(), m.values());
            }
            case Opcode.DATA_END -> {
                long stored = RecordDecoder.dataEndCrc(p);
                in.disableCrc();
                if (stored != 0 && stored != crcBefore) {
                    addProblem(String.format("data end at offset %d: data section CRC mismatch "
                            + "(stored 0x%08X, computed 0x%08X)", at, stored, crcBefore));
                }
            }
            case Opcode.FOOTER -> footer(at, RecordDecoder.footer(p));
            default -> {
                // Indexes, statistics, attachments and unknown records carry nothing a visitor needs.
            }
        }
    }

    private void schema(McapSchema s) throws ParseException, IOException {
        McapSchema known = schemas.putIfAbsent(s.id(), s);
        if (known == null) {
            visitor.onSchema(s);
        } else if (!known.equals(s)) {
            throw new ParseException("schema id " + s.id() + " redefined with different content");
        }
    }

    private void channel(McapChannel c) throws ParseException, IOException {
        McapChannel known = channels.putIfAbsent(c.id(), c);
        if (known == null) {
            visitor.onChannel(c);
        } else if (!known.equals(c)) {
            throw new ParseException("channel id " + c.id() + " redefined with different content");
        }
    }

    private void message(RecordDecoder.Message m) throws IOException {
        visitor.onMessage(m.channelId(), m.sequence(), m.logTime(), m.publishTime(), m.data());
        messages++;
    }

    private void footer(long at, RecordDecoder.Footer f) throws IOException, ParseException {
        if (f.summaryCrc() == 0 || f.summaryStart() == 0) {
            return;
        }
        if (Long.compareUnsigned(f.summaryStart(), at) > 0) {
            throw new ParseException("summary_start " + Long.toUnsignedString(f.summaryStart())
                    + " lies after the footer");
        }
        long crc = in.crcOfRange(f.summaryStart(), at + Opcode.RECORD_HEADER_LENGTH + 16);
        if (crc != f.summaryCrc()) {
            addProblem(String.format("footer at offset %d: summary CRC mismatch (stored 0x%08X, computed 0x%08X)",
                    at, f.summaryCrc(), crc));
        }
    }

    private void checkClosingMagic() throws IOException {
        long at = in.position();
        if (in.remaining() < 8) {
            addProblem("offset " + at + ": file ends inside the closing magic (" + in.remaining() + " of 8 bytes)");
            return;
        }
        if (!Opcode.isMagic(in.read(8))) {
            addProblem("offset " + at + ": bad closing magic after the footer");
            return;
        }
        complete = true;
        validEnd = in.position();
        if (in.remaining() > 0) {
            addProblem("offset " + validEnd + ": " + in.remaining() + " unexpected bytes after the closing magic");
        }
    }

    /** Records a problem; several are joined with "; " in the order found. */
    private void addProblem(String p) {
        problem = problem == null ? p : problem + "; " + p;
    }
}
