package dev.demoforge.mcap;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Schema record as read from a file. Immutable apart from {@code data}, which callers must not modify.
 *
 * @param id       schema id (1..65535), unique in the file
 * @param name     e.g. {@code "foxglove.CompressedImage"}
 * @param encoding e.g. {@code "jsonschema"}, {@code "protobuf"}
 * @param data     the schema definition bytes
 * @since 0.1
 */
public record McapSchema(int id, String name, String encoding, byte[] data) {

    public McapSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
    }

    /** Equal when all fields are equal, comparing {@code data} by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof McapSchema s && id == s.id && name.equals(s.name) && encoding.equals(s.encoding)
                && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, encoding, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "McapSchema[id=" + id + ", name=" + name + ", encoding=" + encoding + ", " + data.length + " bytes]";
    }
}
