package dev.demoforge.export.rlds.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.FeatureSpec;

/**
 * {@code features.json} and {@code dataset_info.json} as TFDS writes them (formats.md 5.4, 5.5): protobuf JSON with
 * camelCase field names and int64 values (shape dimensions, lengths, byte counts) as strings. Stateless.
 */
final class TfdsMetadata {

    static final String FEATURES_DICT = "tensorflow_datasets.core.features.features_dict.FeaturesDict";
    static final String DATASET = "tensorflow_datasets.core.features.dataset_feature.Dataset";
    static final String TENSOR = "tensorflow_datasets.core.features.tensor_feature.Tensor";
    static final String SCALAR = "tensorflow_datasets.core.features.scalar.Scalar";
    static final String IMAGE = "tensorflow_datasets.core.features.image_feature.Image";
    static final String TEXT = "tensorflow_datasets.core.features.text_feature.Text";
    /** The shard file name template TFDS records per split. */
    static final String FILEPATH_TEMPLATE = "{DATASET}-{SPLIT}.{FILEFORMAT}-{SHARD_X_OF_Y}";
    /** The split every episode goes to when the spec declares none. */
    static final String DEFAULT_SPLIT = "train";

    private TfdsMetadata() {
    }

    /** The features of one RLDS episode: {@code steps} (a Dataset of step dicts) and {@code episode_metadata}. */
    static JsonObject features(StepLayout layout, String imageEncoding) {
        JsonObject observation = new JsonObject();
        for (StepLayout.Entry e : layout.observations()) {
            FeatureSpec f = e.feature();
            observation.add(e.name(), f.kind().isVector()
                    ? tensor(List.of(f.width()), "float32", describe(f))
                    : image(f, imageEncoding));
        }
        JsonObject step = new JsonObject();
        step.add("observation", dict(observation));
        step.add("action", tensor(List.of(layout.action().width()), "float32", describe(layout.action())));
        step.add("reward", scalar("float32", "1.0 on the last step of a demonstration, 0.0 before"));
        step.add("discount", scalar("float32", "Always 1.0"));
        step.add("is_first", scalar("bool", "True on the first step of the episode"));
        step.add("is_last", scalar("bool", "True on the last step of the episode"));
        step.add("is_terminal", scalar("bool", "True on the last step: a demonstration ends when its task is done"));
        step.add("language_instruction", text("The episode's task"));
        JsonObject sequence = new JsonObject();
        sequence.add("feature", dict(step));
        sequence.addProperty("length", "-1");
        JsonObject steps = node(DATASET);
        steps.add("sequence", sequence);
        JsonObject metadata = new JsonObject();
        metadata.add("file_path", text("The DemoForge raw episode this episode was exported from"));
        JsonObject top = new JsonObject();
        top.add("steps", steps);
        top.add("episode_metadata", dict(metadata));
        return dict(top);
    }

    /** {@code dataset_info.json} with one {@code splits} entry per split, in the order written. */
    static JsonObject datasetInfo(String name, String version, DatasetSpec spec, List<SplitShards> splitShards) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("version", version);
        o.addProperty("description", "Robot demonstrations exported by DemoForge from dataset '" + spec.name()
                + "'" + (spec.robotType() == null ? "" : " (robot " + spec.robotType() + ")") + ", " + spec.fps()
                + " steps per second.");
        o.addProperty("citation", "");
        o.addProperty("fileFormat", "tfrecord");
        o.addProperty("moduleName", name + "." + name + "_dataset_builder");
        JsonObject notes = new JsonObject();
        notes.addProperty(version, "Exported by DemoForge.");
        o.add("releaseNotes", notes);
        JsonArray splits = new JsonArray();
        for (SplitShards s : splitShards) {
            JsonObject split = new JsonObject();
            split.addProperty("name", s.name());
            split.addProperty("numBytes", Long.toString(s.bytes()));
            JsonArray lengths = new JsonArray();
            s.lengths().forEach(n -> lengths.add(Integer.toString(n)));
            split.add("shardLengths", lengths);
            split.addProperty("filepathTemplate", FILEPATH_TEMPLATE);
            splits.add(split);
        }
        o.add("splits", splits);
        return o;
    }

    static void write(Path file, JsonObject json) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json)
                + "\n", StandardCharsets.UTF_8);
    }

    private static String describe(FeatureSpec f) {
        return f.key() + (f.names().isEmpty() ? "" : ": " + String.join(", ", f.names()));
    }

    private static JsonObject node(String pythonClass) {
        JsonObject o = new JsonObject();
        o.addProperty("pythonClassName", pythonClass);
        return o;
    }

    private static JsonObject dict(JsonObject features) {
        JsonObject inner = new JsonObject();
        inner.add("features", features);
        JsonObject o = node(FEATURES_DICT);
        o.add("featuresDict", inner);
        return o;
    }

    private static JsonObject shape(List<Integer> dims) {
        JsonObject shape = new JsonObject();
        if (!dims.isEmpty()) {
            JsonArray d = new JsonArray();
            dims.forEach(n -> d.add(Integer.toString(n)));
            shape.add("dimensions", d);
        }
        return shape;
    }

    private static JsonObject tensor(List<Integer> dims, String dtype, String description) {
        JsonObject t = new JsonObject();
        t.add("shape", shape(dims));
        t.addProperty("dtype", dtype);
        t.addProperty("encoding", "none");
        JsonObject o = node(dims.isEmpty() ? SCALAR : TENSOR);
        o.add("tensor", t);
        o.addProperty("description", description);
        return o;
    }

    private static JsonObject scalar(String dtype, String description) {
        return tensor(List.of(), dtype, description);
    }

    private static JsonObject image(FeatureSpec f, String encoding) {
        JsonObject i = new JsonObject();
        i.add("shape", shape(List.of(f.imageHeight(), f.imageWidth(), 3)));
        i.addProperty("dtype", "uint8");
        i.addProperty("encodingFormat", encoding);
        JsonObject o = node(IMAGE);
        o.add("image", i);
        o.addProperty("description", f.key() + " (RGB)");
        return o;
    }

    private static JsonObject text(String description) {
        JsonObject o = node(TEXT);
        o.add("text", new JsonObject());
        o.addProperty("description", description);
        return o;
    }
}
