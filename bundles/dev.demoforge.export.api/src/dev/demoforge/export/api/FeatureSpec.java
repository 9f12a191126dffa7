package dev.demoforge.export.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.demoforge.device.api.DType;

/**
 * One column of a dataset: its key, kind, element type, shape and per-dimension names.
 * <p>
 * Vector features ({@link FeatureKind#STATE}, {@link FeatureKind#ACTION}, {@link FeatureKind#VECTOR}) have shape
 * {@code [D]} and {@code D} names; video features have shape {@code [H, W, 3]}, dtype {@link DType#UINT8} and names
 * {@code ["height", "width", "channels"]}. Keys must not contain {@code '/'} (LeRobot flattens metadata columns on it).
 * Immutable and thread-safe.
 *
 * @param key   dataset key, e.g. {@code "observation.state"}, {@code "action"}, {@code "observation.images.scene"}
 * @param kind  what the feature holds
 * @param dtype element type as stored
 * @param shape {@code [D]} for vectors, {@code [H, W, 3]} for video
 * @param names per-dimension names ({@code D} of them) for vectors; {@code height, width, channels} for video
 * @param info  facts a reader needs to interpret the values, e.g. {@code "frame" -> "sim_base"} for a pose; written
 *              by formats that keep per-feature metadata (LeRobot's {@code info}); empty for most features
 *              (since 0.2)
 * @since 0.1
 */
public record FeatureSpec(String key, FeatureKind kind, DType dtype, List<Integer> shape, List<String> names,
        Map<String, String> info) {

    /** A feature without {@link #info()}. */
    public FeatureSpec(String key, FeatureKind kind, DType dtype, List<Integer> shape, List<String> names) {
        this(key, kind, dtype, shape, names, Map.of());
    }

    /** Validates and copies. */
    public FeatureSpec {
        info = info == null ? Map.of() : Map.copyOf(info);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dtype, "dtype");
        if (key.isBlank() || key.contains("/")) {
            throw new IllegalArgumentException("feature key '" + key + "' must be non-blank and contain no '/'");
        }
        shape = List.copyOf(shape);
        names = names == null ? List.of() : List.copyOf(names);
        if (kind == FeatureKind.VIDEO) {
            if (shape.size() != 3 || shape.get(2) != 3 || shape.get(0) <= 0 || shape.get(1) <= 0) {
                throw new IllegalArgumentException("video feature '" + key + "' needs shape [H, W, 3], got " + shape);
            }
        } else {
            if (shape.size() != 1 || shape.get(0) <= 0) {
                throw new IllegalArgumentException("vector feature '" + key + "' needs shape [D], got " + shape);
            }
            if (!names.isEmpty() && names.size() != shape.get(0)) {
                throw new IllegalArgumentException("feature '" + key + "' has " + names.size() + " names for width "
                        + shape.get(0));
            }
            if (dtype == DType.STRING) {
                throw new IllegalArgumentException("vector feature '" + key + "' cannot have dtype STRING");
            }
        }
    }

    /** A {@code float32} vector feature whose width is the number of names. */
    public static FeatureSpec vector(String key, FeatureKind kind, List<String> names) {
        return new FeatureSpec(key, kind, DType.FLOAT32, List.of(names.size()), names);
    }

    /** A {@code float32} vector feature whose width is the number of names, with {@link #info()}. */
    public static FeatureSpec vector(String key, FeatureKind kind, List<String> names, Map<String, String> info) {
        return new FeatureSpec(key, kind, DType.FLOAT32, List.of(names.size()), names, info);
    }

    /** A video feature of {@code width x height} RGB frames. */
    public static FeatureSpec video(String key, int width, int height) {
        return new FeatureSpec(key, FeatureKind.VIDEO, DType.UINT8, List.of(height, width, 3),
                List.of("height", "width", "channels"));
    }

    /** Vector width {@code D}; for video features the number of channels. */
    public int width() {
        return kind == FeatureKind.VIDEO ? shape.get(2) : shape.get(0);
    }

    /** Frame width in pixels; only for video features. */
    public int imageWidth() {
        return shape.get(1);
    }

    /** Frame height in pixels; only for video features. */
    public int imageHeight() {
        return shape.get(0);
    }
}
