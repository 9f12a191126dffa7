package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonParseException;

import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;
import dev.demoforge.mcap.McapChannel;
import dev.demoforge.mcap.McapReader;
import dev.demoforge.mcap.MessageVisitor;

/** A raw episode directory read through its manifest and MCAP file. */
final class McapRawEpisode implements RawEpisode {

    private final Path directory;
    private final EpisodeManifest manifest;

    McapRawEpisode(Path directory, EpisodeManifest manifest) throws IOException {
        this.directory = directory;
        this.manifest = manifest;
        Path mcap = directory.resolve(McapEpisodeWriter.FILE);
        if (!Files.isRegularFile(mcap)) {
            throw new IOException("Raw episode " + directory + " has no " + McapEpisodeWriter.FILE);
        }
    }

    @Override
    public EpisodeManifest manifest() {
        return manifest;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Path video(String cameraTopic) {
        return manifest.streams().stream().filter(s -> s.topic().equals(cameraTopic) && s.videoFile() != null)
                .map(s -> directory.resolve(s.videoFile())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No camera topic " + cameraTopic + " in " + directory));
    }

    @Override
    public void read(Set<String> topics, SampleVisitor visitor) throws IOException {
        Map<String, String> clockIds = new HashMap<>();
        Map<Integer, String> wanted = new HashMap<>();
        Path file = directory.resolve(McapEpisodeWriter.FILE);
        McapReader.Result result = McapReader.read(file, new MessageVisitor() {
            @Override
            public void onChannel(McapChannel channel) {
                if (topics.contains(channel.topic())) {
                    wanted.put(channel.id(), channel.topic());
                    clockIds.put(channel.topic(), channel.metadata().getOrDefault("device", "") + ".clock");
                }
            }

            @Override
            public void onMessage(int channelId, long sequence, long logTime, long publishTime, byte[] data)
                    throws IOException {
                String topic = wanted.get(channelId);
                if (topic == null) {
                    return;
                }
                try {
                    visitor.sample(topic, MessageJson.decode(new String(data, StandardCharsets.UTF_8),
                            clockIds.get(topic)));
                } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                    throw new IOException(file + ": message " + sequence + " on " + topic + " is malformed: " + e, e);
                }
            }
        });
        if (result.problem() != null) {
            throw new IOException(file + " is damaged: " + result.problem());
        }
    }

    /** Topics of the manifest's streams. */
    Set<String> allTopics() {
        return Set.copyOf(manifest.streams().stream().map(RecordedStream::topic).toList());
    }
}
