package dev.demoforge.mcap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Writes a recording shaped like a DemoForge episode and remembers what it wrote. */
final class TestRecording {

    static final long T0 = 1_760_000_000_000_000_000L;
    static final String JOINT_SCHEMA = """
            {"type":"object","properties":{"timestamp":{"type":"object"},"position":{"type":"array"}}}""";

    final Collected expected = new Collected();

    /**
     * Writes {@code messages} messages round-robin on three channels (two with JSON schemas, one schemaless),
     * with metadata before and after the messages.
     */
    static TestRecording write(Path file, int messages, McapWriter.Options options) throws IOException {
        TestRecording rec = new TestRecording();
        Collected e = rec.expected;
        e.profile = "";
        e.library = "demoforge-test";
        Random random = new Random(42);
        try (McapWriter w = McapWriter.create(file, "", "demoforge-test", options)) {
            int jointSchema = schema(w, e, "demoforge.JointState", "jsonschema", JOINT_SCHEMA.getBytes(UTF8));
            int wrenchSchema = schema(w, e, "demoforge.Wrench", "jsonschema", "{\"type\":\"object\"}".getBytes(UTF8));
            int[] channels = {
                channel(w, e, jointSchema, "/arm/joint_states", Map.of("rate_hz", "1000")),
                channel(w, e, wrenchSchema, "/arm/wrench", Map.of()),
                channel(w, e, 0, "/events", Map.of("kind", "event", "units", "")),
            };
            metadata(w, e, "demoforge_episode", Map.of("task", "pick cube", "operator", "ana", "robot", "so100"));
            long[] sequences = new long[channels.length];
            for (int i = 0; i < messages; i++) {
                int c = i % channels.length;
                long logTime = T0 + i * 1_000_000L;
                byte[] data = payload(i, random);
                w.write(channels[c], logTime, logTime - 250_000L, data);
                e.messages.add(new Collected.Msg(channels[c], sequences[c]++, logTime, logTime - 250_000L, data));
            }
            metadata(w, e, "demoforge_episode_end", Map.of("outcome", "success"));
        }
        return rec;
    }

    static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    static byte[] payload(int i, Random random) {
        StringBuilder sb = new StringBuilder("{\"timestamp\":{\"sec\":").append(i / 1000).append(",\"nsec\":")
                .append(i % 1000 * 1_000_000).append("},\"position\":[");
        int width = 1 + random.nextInt(12);
        for (int k = 0; k < width; k++) {
            sb.append(k == 0 ? "" : ",").append(random.nextDouble());
        }
        return sb.append("]}").toString().getBytes(UTF8);
    }

    private static int schema(McapWriter w, Collected e, String name, String encoding, byte[] data)
            throws IOException {
        int id = w.addSchema(name, encoding, data);
        e.schemas.add(new McapSchema(id, name, encoding, data));
        return id;
    }

    private static int channel(McapWriter w, Collected e, int schemaId, String topic, Map<String, String> meta)
            throws IOException {
        Map<String, String> ordered = new LinkedHashMap<>(new java.util.TreeMap<>(meta));
        int id = w.addChannel(schemaId, topic, "json", ordered);
        e.channels.add(new McapChannel(id, schemaId, topic, "json", ordered));
        return id;
    }

    private static void metadata(McapWriter w, Collected e, String name, Map<String, String> values)
            throws IOException {
        Map<String, String> ordered = new LinkedHashMap<>(new java.util.TreeMap<>(values));
        w.addMetadata(name, ordered);
        e.metadata.add(new Collected.Meta(name, ordered));
    }
}
