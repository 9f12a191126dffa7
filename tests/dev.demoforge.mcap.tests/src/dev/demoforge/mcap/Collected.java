package dev.demoforge.mcap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A visitor that keeps everything it is shown, for comparisons in tests. */
final class Collected implements MessageVisitor {

    /** One message as delivered; equality compares the payload by content. */
    record Msg(int channelId, long sequence, long logTime, long publishTime, byte[] data) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Msg m && channelId == m.channelId && sequence == m.sequence && logTime == m.logTime
                    && publishTime == m.publishTime && Arrays.equals(data, m.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, sequence, logTime, publishTime, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Msg[ch=" + channelId + ", seq=" + sequence + ", log=" + logTime + ", " + data.length + " B]";
        }
    }

    record Meta(String name, Map<String, String> values) {
    }

    String profile;
    String library;
    final List<McapSchema> schemas = new ArrayList<>();
    final List<McapChannel> channels = new ArrayList<>();
    final List<Msg> messages = new ArrayList<>();
    final List<Meta> metadata = new ArrayList<>();

    @Override
    public void onHeader(String headerProfile, String headerLibrary) {
        profile = headerProfile;
        library = headerLibrary;
    }

    @Override
    public void onSchema(McapSchema schema) {
        schemas.add(schema);
    }

    @Override
    public void onChannel(McapChannel channel) {
        channels.add(channel);
    }

    @Override
    public void onMessage(int channelId, long sequence, long logTimeNanos, long publishTimeNanos, byte[] data) {
        messages.add(new Msg(channelId, sequence, logTimeNanos, publishTimeNanos, data));
    }

    @Override
    public void onMetadata(String name, Map<String, String> values) {
        metadata.add(new Meta(name, values));
    }
}
