package dev.demoforge.cli.internal;

import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;

/** JSON output of the command line. */
final class Json {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
            .create();

    private Json() {
    }
}
