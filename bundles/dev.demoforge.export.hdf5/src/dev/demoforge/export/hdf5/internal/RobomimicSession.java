package dev.demoforge.export.hdf5.internal;

import dev.demoforge.export.support.EpisodeInputs;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.IProgressMonitor;

import com.google.gson.stream.JsonWriter;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;

/**
 * One robomimic export: a single file in the staging directory, open for the whole session; each episode becomes
 * {@code data/demo_<i>}. {@link #complete} scales the actions (re-reading one demo's actions at a time), writes the
 * {@code data} attributes and the masks, and closes the file. One thread.
 */
final class RobomimicSession extends Hdf5Session {

    private final RobomimicOptions options;
    private final Hdf5File h;
    private final int actionWidth;
    private final double[] actionMin;
    private final double[] actionMax;
    private final List<Integer> lengths = new ArrayList<>();

    RobomimicSession(Path outputDir, Path staging, DatasetSpec spec, RobomimicOptions options) throws IOException {
        super("robomimic", outputDir, staging, spec);
        this.options = options;
        this.actionWidth = Mapping.width(mapping.actions());
        this.actionMin = new double[actionWidth];
        this.actionMax = new double[actionWidth];
        Arrays.fill(actionMin, Double.POSITIVE_INFINITY);
        Arrays.fill(actionMax, Double.NEGATIVE_INFINITY);
        this.h = Hdf5File.create(staging.resolve(fileName(spec.name())));
        h.group("/data");
    }

    /** The file name: the dataset name with anything but letters, digits, '.', '_' and '-' replaced by '_'. */
    static String fileName(String datasetName) {
        String base = datasetName.replaceAll("[^A-Za-z0-9._-]", "_");
        return (base.isEmpty() || base.startsWith(".") ? "dataset" + base : base) + ".hdf5";
    }

    @Override
    protected void write(EpisodeFrames ep, int index, IProgressMonitor m) throws IOException {
        int n = ep.length();
        String demo = "/data/demo_" + index;
        m.beginTask("Demo " + index + " (" + ep.sourceId() + ")", 1 + n * mapping.videos().size());
        Layout layout = options.layout();
        float[][] actions = Episodes.concat(ep, mapping.actions());
        for (float[] row : actions) {
            for (int d = 0; d < actionWidth; d++) {
                actionMin[d] = Math.min(actionMin[d], row[d]);
                actionMax[d] = Math.max(actionMax[d], row[d]);
            }
        }
        h.group(demo);
        h.group(demo + "/obs");
        if (options.nextObs()) {
            h.group(demo + "/next_obs");
        }
        h.attrLong(demo, "num_samples", n);
        h.attrString(demo, "ep_meta", json(w -> w.name("lang").value(ep.task())));
        h.attrString(demo, "source_episode", ep.sourceId());
        h.floats(demo + "/actions", actions, actionWidth, layout);
        float[] rewards = new float[n];
        long[] dones = new long[n];
        rewards[n - 1] = 1;
        dones[n - 1] = 1;
        h.floats(demo + "/rewards", rewards, layout);
        h.longs(demo + "/dones", dones, layout);
        List<FeatureSpec> lowDim = new ArrayList<>(mapping.states());
        lowDim.addAll(mapping.vectors());
        if (lowDim.isEmpty()) {
            h.floats(demo + "/states", new float[n][1], 1, layout);
        } else {
            h.floats(demo + "/states", Episodes.concat(ep, lowDim), Mapping.width(lowDim), layout);
        }
        int arm = 0;
        for (FeatureSpec f : lowDim) {
            float[][] v = EpisodeInputs.vectors(ep, f);
            if (RobomimicExporter.isEndEffectorPose(f)) {
                String robot = "robot" + arm++ + "_eef_";
                writeLowDim(demo, robot + "pos", columns(v, 0, 3), 3);
                writeLowDim(demo, robot + "quat", columns(v, 3, 7), 4);
            } else {
                writeLowDim(demo, RobomimicExporter.obsKey(f), v, f.width());
            }
        }
        m.worked(1);
        for (FeatureSpec f : mapping.videos()) {
            writeImages(ep, demo, f, m);
        }
        lengths.add(n);
    }

    /** {@code obs/<key>} and, if asked for, {@code next_obs/<key>} (shifted by one row, the last repeated). */
    private void writeLowDim(String demo, String key, float[][] v, int width) throws IOException {
        Layout layout = options.layout();
        h.floats(demo + "/obs/" + key, v, width, layout);
        if (options.nextObs()) {
            int n = v.length;
            float[][] next = new float[n][];
            for (int r = 0; r < n; r++) {
                next[r] = v[Math.min(r + 1, n - 1)];
            }
            h.floats(demo + "/next_obs/" + key, next, width, layout);
        }
    }

    /** Columns {@code [from, to)} of every row. */
    private static float[][] columns(float[][] v, int from, int to) {
        float[][] out = new float[v.length][];
        for (int r = 0; r < v.length; r++) {
            out[r] = Arrays.copyOfRange(v[r], from, to);
        }
        return out;
    }

    private void writeImages(EpisodeFrames ep, String demo, FeatureSpec f, IProgressMonitor m) throws IOException {
        int n = ep.length();
        String key = RobomimicExporter.obsKey(f);
        ImageSize size = options.imageSize();
        long[] frame = {size.heightOf(f), size.widthOf(f), 3};
        try (FrameDataset obs = h.frames(demo + "/obs/" + key, n, frame, options.layout());
                FrameDataset next = options.nextObs() ? h.frames(demo + "/next_obs/" + key, n, frame,
                        options.layout()) : null;
                Episodes.Frames frames = Episodes.frames(ep, f, options.rgb(), size)) {
            byte[] last = null;
            for (int r = 0; r < n; r++) {
                Episodes.checkCanceled(m);
                last = frames.next();
                obs.write(r, last);
                if (next != null && r > 0) {
                    next.write(r - 1, last);
                }
                m.worked(1);
            }
            if (next != null) {
                next.write(n - 1, last);
            }
            frames.expectEnd();
        }
    }

    @Override
    protected void complete(int episodeCount, IProgressMonitor m) throws IOException {
        if (options.scaleActions()) {
            for (int i = 0; i < lengths.size(); i++) {
                Episodes.checkCanceled(m);
                String path = "/data/demo_" + i + "/actions";
                float[] a = h.readFloats(path, lengths.get(i) * actionWidth);
                for (int k = 0; k < a.length; k++) {
                    a[k] = scale(a[k], actionMin[k % actionWidth], actionMax[k % actionWidth]);
                }
                h.rewriteFloats(path, a);
            }
            h.attrString("/data", "action_scaling", "minmax");
            h.attrFloats("/data", "action_min", toFloats(actionMin));
            h.attrFloats("/data", "action_max", toFloats(actionMax));
        } else {
            h.attrString("/data", "action_scaling", "none");
        }
        h.attrLong("/data", "total", lengths.stream().mapToLong(Integer::longValue).sum());
        h.attrString("/data", "env_args", envArgs());
        h.attrLong("/data", "fps", spec.fps());
        h.group("/mask");
        if (spec.splits().isEmpty()) {
            java.util.Set<Integer> valid = new java.util.HashSet<>(validDemos(episodeCount, options.validFraction(),
                    options.splitSeed()));
            List<String> train = new ArrayList<>();
            List<String> val = new ArrayList<>();
            for (int i = 0; i < episodeCount; i++) {
                (valid.contains(i) ? val : train).add("demo_" + i);
            }
            h.fixedStrings("/mask/train", train);
            h.fixedStrings("/mask/valid", val);
        } else {
            spec.checkSplits(episodeCount);
            for (DatasetSplit split : spec.splits()) {
                List<String> demos = new ArrayList<>();
                for (int i = split.fromEpisode(); i < split.toEpisode(); i++) {
                    demos.add("demo_" + i);
                }
                h.fixedStrings("/mask/" + split.name(), demos);
            }
        }
        h.close();
        m.worked(1);
    }

    /** {@code x} mapped from {@code [min, max]} to {@code [-1, 1]}; 0 where the range is empty. */
    static float scale(float x, double min, double max) {
        if (!(max > min)) {
            return 0f;
        }
        double s = 2 * (x - min) / (max - min) - 1;
        return (float) Math.max(-1, Math.min(1, s));
    }

    /**
     * The demos held out for validation: {@code int(fraction * count)} of them (robomimic's
     * {@code split_train_val.py} count), picked by a Fisher-Yates shuffle seeded with {@code seed}; ascending.
     */
    static List<Integer> validDemos(int count, double fraction, long seed) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int valid = (int) (fraction * count);
        return Arrays.stream(order, 0, valid).sorted().boxed().toList();
    }

    private String envArgs() throws IOException {
        StringWriter s = new StringWriter();
        JsonWriter w = new JsonWriter(s);
        w.setIndent("    ");
        w.beginObject();
        w.name("env_name").value(spec.name());
        w.name("type").value(2);
        w.name("env_kwargs").beginObject().endObject();
        w.endObject();
        w.flush();
        return s.toString();
    }

    private interface Body {
        void write(JsonWriter w) throws IOException;
    }

    private static String json(Body body) throws IOException {
        StringWriter s = new StringWriter();
        JsonWriter w = new JsonWriter(s);
        w.beginObject();
        body.write(w);
        w.endObject();
        w.flush();
        return s.toString();
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Override
    protected void abandon() {
        try {
            h.close();
        } catch (IOException e) {
            // the staging directory is deleted next
        }
    }
}
