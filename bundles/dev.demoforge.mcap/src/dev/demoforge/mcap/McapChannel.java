package dev.demoforge.mcap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Channel record as read from a file. Immutable.
 *
 * @param id              channel id (0..65535), unique in the file
 * @param schemaId        id of the channel's schema, 0 for schemaless messages
 * @param topic           e.g. {@code "/arm/joint_states"}
 * @param messageEncoding e.g. {@code "json"}, {@code "protobuf"}
 * @param metadata        channel metadata in file order (unmodifiable)
 * @since 0.1
 */
public record McapChannel(int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {

    public McapChannel {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(messageEncoding, "messageEncoding");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
