package dev.demoforge.recorder.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;

import dev.demoforge.episode.api.EpisodeManifest;

/** Reads and writes {@code episode.json}; writes go to a temporary file first and are moved into place. */
final class ManifestIO {

    static final String FILE = "episode.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
            .registerTypeAdapter(Instant.class, (JsonDeserializer<Instant>) (j, t, c) -> Instant.parse(j.getAsString()))
            .registerTypeHierarchyAdapter(Path.class,
                    (JsonSerializer<Path>) (p, t, c) -> new JsonPrimitive(p.toString()))
            .registerTypeHierarchyAdapter(Path.class,
                    (JsonDeserializer<Path>) (j, t, c) -> Path.of(j.getAsString()))
            .create();

    private ManifestIO() {
    }

    static void write(Path directory, EpisodeManifest manifest) throws IOException {
        Path tmp = directory.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            GSON.toJson(manifest, w);
        }
        try {
            Files.move(tmp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static EpisodeManifest read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Not a raw episode: " + file + " is missing");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            EpisodeManifest m = GSON.fromJson(r, (Type) EpisodeManifest.class);
            if (m == null || m.episodeId() == null || m.streams() == null || m.status() == null) {
                throw new IOException(file + " lacks episodeId, streams or status");
            }
            return m;
        } catch (JsonParseException e) {
            throw new IOException(file + " is not a valid episode manifest: " + e.getMessage(), e);
        }
    }
}
