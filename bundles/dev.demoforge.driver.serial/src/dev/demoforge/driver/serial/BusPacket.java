package dev.demoforge.driver.serial;

/**
 * A decoded packet of a servo bus, before interpretation: the id, the byte after the length (the instruction of an
 * instruction packet; for a status packet the protocol's status marker or error byte) and the rest up to the
 * checksum. Byte stuffing is already removed. The array is not copied: do not modify it.
 *
 * @since 0.1
 */
public record BusPacket(int id, int instruction, byte[] params) {

    /** Parameter byte {@code i} as 0..255. */
    public int param(int i) {
        return params[i] & 0xFF;
    }
}
