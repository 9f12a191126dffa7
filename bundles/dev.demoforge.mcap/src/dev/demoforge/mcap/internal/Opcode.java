package dev.demoforge.mcap.internal;

import java.util.Arrays;

/**
 * MCAP record opcodes and the file magic (formats.md §6.1–6.2, {@code foxglove/mcap} spec).
 */
public final class Opcode {

    public static final int HEADER = 0x01;
    public static final int FOOTER = 0x02;
    public static final int SCHEMA = 0x03;
    public static final int CHANNEL = 0x04;
    public static final int MESSAGE = 0x05;
    public static final int CHUNK = 0x06;
    public static final int MESSAGE_INDEX = 0x07;
    public static final int CHUNK_INDEX = 0x08;
    public static final int ATTACHMENT = 0x09;
    public static final int ATTACHMENT_INDEX = 0x0A;
    public static final int STATISTICS = 0x0B;
    public static final int METADATA = 0x0C;
    public static final int METADATA_INDEX = 0x0D;
    public static final int SUMMARY_OFFSET = 0x0E;
    public static final int DATA_END = 0x0F;

    /** Opcode (1 byte) plus content length (8 bytes). */
    public static final int RECORD_HEADER_LENGTH = 9;

    private static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', 0x30, '\r', '\n'};

    private Opcode() {
    }

    /** A fresh copy of the 8 magic bytes that open and close every MCAP file. */
    public static byte[] magic() {
        return MAGIC.clone();
    }

    /** Whether {@code bytes[0..8)} are the MCAP magic. */
    public static boolean isMagic(byte[] bytes) {
        return bytes.length == MAGIC.length && Arrays.equals(bytes, MAGIC);
    }

    /** Lower-case record name for messages, e.g. {@code "chunk"}, {@code "unknown record 0x42"}. */
    public static String name(int opcode) {
        return switch (opcode) {
            case HEADER -> "header";
            case FOOTER -> "footer";
            case SCHEMA -> "schema";
            case CHANNEL -> "channel";
            case MESSAGE -> "message";
            case CHUNK -> "chunk";
            case MESSAGE_INDEX -> "message index";
            case CHUNK_INDEX -> "chunk index";
            case ATTACHMENT -> "attachment";
            case ATTACHMENT_INDEX -> "attachment index";
            case STATISTICS -> "statistics";
            case METADATA -> "metadata";
            case METADATA_INDEX -> "metadata index";
            case SUMMARY_OFFSET -> "summary offset";
            case DATA_END -> "data end";
            default -> String.format("unknown record 0x%02X", opcode);
        };
    }
}
