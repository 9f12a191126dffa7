package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.demoforge.mcap.McapChannel;
import dev.demoforge.mcap.McapReader;
import dev.demoforge.mcap.MessageVisitor;

/** Reads the recorder's own events (drops, gaps) back from an episode's MCAP: the JSON inside each event's text. */
final class RecorderEvents {

    private RecorderEvents() {
    }

    static List<JsonObject> read(Path episodeDir, String topic) throws IOException {
        List<JsonObject> events = new ArrayList<>();
        McapReader.read(episodeDir.resolve(McapEpisodeWriter.FILE), new MessageVisitor() {
            private int channel = -1;

            @Override
            public void onChannel(McapChannel c) {
                if (c.topic().equals(topic)) {
                    channel = c.id();
                }
            }

            @Override
            public void onMessage(int channelId, long seq, long log, long pub, byte[] data) {
                if (channelId == channel) {
                    String text = JsonParser.parseString(new String(data, StandardCharsets.UTF_8)).getAsJsonObject()
                            .get("text").getAsString();
                    events.add(JsonParser.parseString(text).getAsJsonObject());
                }
            }
        });
        return events;
    }
}
