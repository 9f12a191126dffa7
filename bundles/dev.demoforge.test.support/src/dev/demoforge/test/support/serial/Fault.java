package dev.demoforge.test.support.serial;

/**
 * What an emulator does wrong with its replies, for bad-input tests.
 *
 * @since 0.1
 */
public enum Fault {
    /** Replies are correct. */
    NONE,
    /** No reply at all: a device that stopped answering. */
    SILENT,
    /** Random bytes (never a header) before each reply: line noise. */
    GARBAGE,
    /** The last three bytes of each reply are never sent. */
    TRUNCATE,
    /** The checksum / CRC of each reply is wrong. */
    BAD_CHECKSUM,
    /** Random bytes instead of each reply. */
    NOISE
}
