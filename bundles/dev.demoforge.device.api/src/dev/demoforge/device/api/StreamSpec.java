package dev.demoforge.device.api;

import java.util.List;
import java.util.Objects;

/**
 * Declaration of one stream of a device. Immutable.
 *
 * @param name          stream name, unique within the device; letters, digits, '_', '-', '.' only (no '/')
 * @param kind          what the stream carries
 * @param dtype         element type as stored
 * @param shape         value shape: {@code [D]} for vectors, {@code [H, W, C]} for images, {@code [1]} for events
 * @param units         unit of the elements ("rad", "N", "px", "" for none)
 * @param nominalRateHz the rate the device promises, samples per second (&gt; 0)
 * @param elementNames  one name per vector element (e.g. "shoulder_pan.pos"); empty for images and events
 * @since 0.1
 */
public record StreamSpec(String name, StreamKind kind, DType dtype, List<Integer> shape, String units,
        double nominalRateHz, List<String> elementNames) {

    public StreamSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dtype, "dtype");
        if (name == null || !name.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("Stream name must be letters, digits, '_', '-', '.': " + name);
        }
        if (!(nominalRateHz > 0)) {
            throw new IllegalArgumentException("Stream " + name + ": nominal rate must be > 0 Hz, was " + nominalRateHz);
        }
        shape = List.copyOf(shape);
        elementNames = List.copyOf(elementNames);
        units = units == null ? "" : units;
        if (kind != StreamKind.CAMERA && kind != StreamKind.EVENT && elementNames.size() != shape.get(0)) {
            throw new IllegalArgumentException("Stream " + name + ": " + elementNames.size()
                    + " element names for width " + shape.get(0));
        }
    }

    /** A float32 vector stream with one name per element. */
    public static StreamSpec vector(String name, StreamKind kind, String units, double rateHz, List<String> names) {
        return new StreamSpec(name, kind, DType.FLOAT32, List.of(names.size()), units, rateHz, names);
    }

    /** An 8-bit, 3-channel camera stream of the given size. */
    public static StreamSpec camera(String name, int width, int height, double fps) {
        return new StreamSpec(name, StreamKind.CAMERA, DType.UINT8, List.of(height, width, 3), "", fps, List.of());
    }

    /** A textual event stream. */
    public static StreamSpec events(String name, double nominalRateHz) {
        return new StreamSpec(name, StreamKind.EVENT, DType.STRING, List.of(1), "", nominalRateHz, List.of());
    }

    /** Number of elements of one vector sample ({@code shape[0]}). */
    public int width() {
        return shape.get(0);
    }

    /** Image width in pixels; camera streams only. */
    public int imageWidth() {
        return shape.get(1);
    }

    /** Image height in pixels; camera streams only. */
    public int imageHeight() {
        return shape.get(0);
    }
}
