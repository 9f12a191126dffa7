package dev.demoforge.export.hdf5.internal;

import java.util.List;
import java.util.Map;

import dev.demoforge.export.api.OptionSpec;
import dev.demoforge.export.support.OptionValues;

/**
 * robomimic export options.
 *
 * @param validFraction share of demos in {@code mask/valid} ({@code int(fraction * demos)}, as robomimic's
 *                      {@code split_train_val.py} counts), the rest in {@code mask/train}
 * @param splitSeed     seed of the shuffle that picks the validation demos
 * @param scaleActions  min-max scale every action dimension to [-1, 1] over the whole dataset (robomimic refuses
 *                      actions outside it); the ranges are kept in {@code data} attributes
 * @param nextObs       write {@code next_obs} (robomimic needs it unless {@code load_next_obs=False})
 * @param chunked       image datasets chunked one frame per chunk (otherwise contiguous, as h5py writes
 *                      {@code create_dataset(data=...)}); gzip implies chunks
 * @param rgb           image arrays in RGB order (default; robosuite renders RGB) rather than BGR
 * @param imageSize     size every camera is stored at (e.g. 84x84), or native
 * @param gzip          deflate level 0-9 of every dataset
 */
record RobomimicOptions(double validFraction, long splitSeed, boolean scaleActions, boolean nextObs, boolean chunked,
        boolean rgb, ImageSize imageSize, int gzip) {

    static final String VALID_FRACTION = "valid_fraction";
    static final String SPLIT_SEED = "split_seed";
    static final String ACTION_SCALING = "action_scaling";
    static final String NEXT_OBS = "next_obs";
    static final String CHUNKING = "chunking";

    static List<OptionSpec> specs() {
        return List.of(
                new OptionSpec(VALID_FRACTION, "Validation share of demos (0 to <1)", OptionSpec.STRING, "0.1",
                        List.of()),
                new OptionSpec(SPLIT_SEED, "Split seed", OptionSpec.INT, "0", List.of()),
                new OptionSpec(ACTION_SCALING, "Action scaling", OptionSpec.CHOICE, "minmax",
                        List.of("minmax", "none")),
                new OptionSpec(NEXT_OBS, "Write next_obs", OptionSpec.BOOL, "true", List.of()),
                new OptionSpec(CHUNKING, "Image chunks", OptionSpec.CHOICE, "frame", List.of("frame", "none")),
                Options.colorOrderSpec(),
                Options.imageSizeSpec(),
                Options.gzipSpec());
    }

    static RobomimicOptions parse(Map<String, String> values) {
        OptionValues o = new OptionValues("robomimic", specs(), values);
        boolean chunked = o.choice(CHUNKING).equals("frame");
        int gzip = o.integer(Options.GZIP, 0, 9);
        if (!chunked && gzip > 0) {
            throw new IllegalArgumentException("robomimic export options chunking=none and gzip=" + gzip
                    + " conflict: HDF5 compresses chunked datasets only");
        }
        return new RobomimicOptions(o.fraction(VALID_FRACTION), o.integer(SPLIT_SEED, 0, Integer.MAX_VALUE),
                o.choice(ACTION_SCALING).equals("minmax"), o.bool(NEXT_OBS), chunked, Options.rgb(o),
                Options.imageSize("robomimic", o), gzip);
    }

    Layout layout() {
        return new Layout(gzip, chunked);
    }
}
