package dev.demoforge.export.mcap.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Timestamp;

import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.mcap.internal.proto.CompressedImage;

/**
 * The schemas written into the MCAP files, by Foxglove's conventions (formats.md 6.5): {@code foxglove.CompressedImage}
 * with protobuf encoding (schema data: the binary {@code FileDescriptorSet} of its .proto and its import
 * {@code google/protobuf/timestamp.proto}), and JSON Schema documents for the vector streams, which the Plot panel
 * plots by path (e.g. {@code /observation/state.position[2]}). Stateless.
 */
final class FoxgloveSchemas {

    static final String IMAGE = "foxglove.CompressedImage";
    static final String JOINT_STATE = "demoforge.JointState";
    static final String VECTOR = "demoforge.Vector";

    private FoxgloveSchemas() {
    }

    /** {@code FileDescriptorSet} of {@code foxglove.CompressedImage}, dependencies first. */
    static byte[] compressedImageDescriptors() {
        return FileDescriptorSet.newBuilder()
                .addFile(Timestamp.getDescriptor().getFile().toProto())
                .addFile(CompressedImage.getDescriptor().getFile().toProto())
                .build().toByteArray();
    }

    /** The schema name of a vector feature: joint-state-like for state and action, a plain vector otherwise. */
    static String vectorSchemaName(FeatureKind kind) {
        return kind == FeatureKind.STATE || kind == FeatureKind.ACTION ? JOINT_STATE : VECTOR;
    }

    /** The values field of a vector schema: {@code position} for joint states, {@code values} otherwise. */
    static String valuesField(FeatureKind kind) {
        return kind == FeatureKind.STATE || kind == FeatureKind.ACTION ? "position" : "values";
    }

    /** A JSON Schema of {@code {timestamp: {sec, nsec}, name: [string], <values>: [number]}}. */
    static byte[] vectorJsonSchema(FeatureKind kind) {
        JsonObject time = new JsonObject();
        time.addProperty("type", "object");
        JsonObject timeProps = new JsonObject();
        timeProps.add("sec", typed("integer", "Seconds on the dataset timeline"));
        timeProps.add("nsec", typed("integer", "Nanoseconds within the second"));
        time.add("properties", timeProps);
        JsonObject props = new JsonObject();
        props.add("timestamp", time);
        props.add("name", array("string", "Name of each element"));
        props.add(valuesField(kind), array("number", kind == FeatureKind.ACTION ? "Commanded value of each element"
                : "Value of each element, in the stream's units"));
        JsonObject schema = new JsonObject();
        schema.addProperty("title", vectorSchemaName(kind));
        schema.addProperty("type", "object");
        schema.add("properties", props);
        JsonArray required = new JsonArray();
        List.of("timestamp", "name", valuesField(kind)).forEach(required::add);
        schema.add("required", required);
        return schema.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject typed(String type, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("description", description);
        return o;
    }

    private static JsonObject array(String itemType, String description) {
        JsonObject items = new JsonObject();
        items.addProperty("type", itemType);
        JsonObject o = typed("array", description);
        o.add("items", items);
        return o;
    }
}
