package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.stream.JsonWriter;

/** Small helpers around gson's streaming writer (key order is write order, as Python's json keeps it). */
final class Json {

    /** Body of a JSON document. */
    @FunctionalInterface
    interface Body {
        void write(JsonWriter w) throws IOException;
    }

    private Json() {
    }

    /** Writes a pretty-printed (4 spaces, like {@code json.dump(indent=4)}) document to {@code file}. */
    static void writeFile(Path file, Body body) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonWriter w = new JsonWriter(out);
            w.setIndent("    ");
            body.write(w);
            w.flush();
            out.write('\n');
        }
    }

    /** A compact JSON string. */
    static String compact(Body body) {
        StringWriter s = new StringWriter();
        try {
            JsonWriter w = new JsonWriter(s);
            body.write(w);
            w.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return s.toString();
    }

    /** Writes a number, as an integer when {@code integer}. */
    static void number(JsonWriter w, double v, boolean integer) throws IOException {
        if (integer) {
            w.value(Math.round(v));
        } else {
            w.value(v);
        }
    }
}
