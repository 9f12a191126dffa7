package dev.demoforge.driver.ur.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An output recipe the controller accepted: variable names, their types and where each lands in the flat row of
 * doubles a data package is decoded into. Immutable; {@link #decode} is thread-safe on separate rows.
 */
final class OutputRecipe {

    private final int id;
    private final List<String> names;
    private final List<RtdeType> types;
    private final Map<String, Integer> offsets = new HashMap<>();
    private final int width;
    private final int payloadBytes;

    OutputRecipe(int id, List<String> names, List<RtdeType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + types.size() + " types");
        }
        this.id = id;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        int at = 0;
        int bytes = 1;
        for (int i = 0; i < names.size(); i++) {
            offsets.put(names.get(i), at);
            at += types.get(i).count();
            bytes += types.get(i).bytes();
        }
        this.width = at;
        this.payloadBytes = bytes;
    }

    int id() {
        return id;
    }

    List<String> names() {
        return names;
    }

    List<RtdeType> types() {
        return types;
    }

    /** Number of doubles in a decoded row. */
    int width() {
        return width;
    }

    /** Payload size of one data package (recipe id included). */
    int payloadBytes() {
        return payloadBytes;
    }

    /** Where a variable's first value lands in the row; -1 when the recipe lacks it. */
    int offset(String name) {
        return offsets.getOrDefault(name, -1);
    }

    /**
     * Decodes a data package's payload into {@code row} (of {@link #width()}).
     *
     * @throws RtdeException naming the recipe id or size when the payload does not belong to this recipe
     */
    void decode(byte[] payload, double[] row) throws RtdeException {
        if (payload.length != payloadBytes) {
            throw new RtdeException("RTDE_DATA_PACKAGE of " + payload.length + " payload bytes; output recipe " + id
                    + " needs " + payloadBytes, false);
        }
        if ((payload[0] & 0xFF) != id) {
            throw new RtdeException("RTDE_DATA_PACKAGE for recipe " + (payload[0] & 0xFF) + ", expected " + id, false);
        }
        ByteBuffer b = ByteBuffer.wrap(payload, 1, payload.length - 1);
        int at = 0;
        for (RtdeType t : types) {
            t.read(b, row, at);
            at += t.count();
        }
    }
}
