package dev.demoforge.export.example.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.runtime.IProgressMonitor;

import com.google.gson.stream.JsonWriter;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.DatasetSplit;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.export.support.EpisodeInputs;
import dev.demoforge.export.support.StagedExportSession;

/**
 * One npz export: each episode is streamed into its {@code .npz} (a zip of {@code .npy} arrays), camera frames one
 * at a time, so memory holds one episode's vectors and one frame. Files go to the staging directory;
 * {@link StagedExportSession} moves it into place in {@link #finish} (after {@link #complete} wrote meta.json) and
 * deletes it in {@link #close} otherwise, and refuses further calls after a failure or cancellation. One thread.
 */
final class NpzSession extends StagedExportSession {

    /** One written episode, for meta.json. */
    private record Written(String file, String sourceId, String task, int length) {
    }

    private final Path staging;
    private final DatasetSpec spec;
    private final boolean images;
    private final boolean deflate;
    private final List<Written> written = new ArrayList<>();

    NpzSession(Path outputDir, Path staging, DatasetSpec spec, boolean images, boolean deflate) {
        super("npz", outputDir, staging);
        this.staging = staging;
        this.spec = spec;
        this.images = images;
        this.deflate = deflate;
    }

    @Override
    protected void write(EpisodeFrames episode, int index, IProgressMonitor m) throws IOException {
        int n = episode.length();
        String file = String.format("data/episode_%06d.npz", index);
        m.beginTask("Writing " + file, n);
        Path target = staging.resolve(file);
        Files.createDirectories(target.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target),
                1 << 16))) {
            zip.setLevel(deflate ? 6 : 0); // level 0: deflate's stored blocks, no compression
            for (FeatureSpec f : spec.vectorFeatures()) {
                float[][] v = EpisodeInputs.vectors(episode, f);
                DataOutputStream out = entry(zip, f.key(), NpyHeader.FLOAT32, List.of(n, f.width()));
                for (float[] row : v) {
                    for (float x : row) {
                        out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(x)));
                    }
                }
                out.flush();
                zip.closeEntry();
            }
            DataOutputStream ts = entry(zip, "timestamp", NpyHeader.FLOAT32, List.of(n));
            for (int i = 0; i < n; i++) {
                ts.writeInt(Integer.reverseBytes(Float.floatToRawIntBits((float) i / spec.fps())));
            }
            ts.flush();
            zip.closeEntry();
            DataOutputStream fi = entry(zip, "frame_index", NpyHeader.INT64, List.of(n));
            for (int i = 0; i < n; i++) {
                fi.writeLong(Long.reverseBytes(i));
            }
            fi.flush();
            zip.closeEntry();
            if (images) {
                for (FeatureSpec f : spec.videoFeatures()) {
                    writeFrames(zip, episode, f, n, m);
                }
            }
        }
        written.add(new Written(file, episode.sourceId(), episode.task(), n));
    }

    /** Streams a camera's frames into {@code <key>.npy}, converting BGR to RGB, polling cancellation per frame. */
    private void writeFrames(ZipOutputStream zip, EpisodeFrames episode, FeatureSpec f, int n, IProgressMonitor m)
            throws IOException {
        int w = f.imageWidth();
        int h = f.imageHeight();
        DataOutputStream out = entry(zip, f.key(), NpyHeader.UINT8, List.of(n, h, w, 3));
        byte[] rgb = new byte[w * h * 3];
        try (VideoFrames video = episode.video(f.key())) {
            for (int i = 0; i < n; i++) {
                checkCanceled(m);
                byte[] bgr = video.nextBgr();
                if (bgr == null || bgr.length != rgb.length) {
                    throw new IOException("Episode '" + episode.sourceId() + "' feature '" + f.key() + "' frame " + i
                            + (bgr == null ? " is missing" : " has " + bgr.length + " bytes, expected " + rgb.length));
                }
                for (int p = 0; p < rgb.length; p += 3) {
                    rgb[p] = bgr[p + 2];
                    rgb[p + 1] = bgr[p + 1];
                    rgb[p + 2] = bgr[p];
                }
                out.write(rgb);
                m.worked(1);
            }
        }
        out.flush();
        zip.closeEntry();
    }

    /** Opens {@code <name>.npy} in the zip and writes its header; the caller writes the data and closes the entry. */
    private static DataOutputStream entry(ZipOutputStream zip, String name, String descr, List<Integer> shape)
            throws IOException {
        ZipEntry e = new ZipEntry(name + ".npy");
        e.setTime(0);
        zip.putNextEntry(e);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new NonClosing(zip), 1 << 16));
        out.write(NpyHeader.of(descr, shape));
        return out;
    }

    /** Checks the splits and writes meta.json; the staging directory is published next. */
    @Override
    protected void complete(int episodeCount, IProgressMonitor m) throws IOException {
        spec.checkSplits(episodeCount);
        writeMeta();
        m.worked(1);
    }

    private void writeMeta() throws IOException {
        try (JsonWriter w = new JsonWriter(Files.newBufferedWriter(staging.resolve("meta.json")))) {
            w.setIndent("  ");
            w.beginObject();
            w.name("format").value("demoforge.npz");
            w.name("name").value(spec.name());
            w.name("robot_type").value(spec.robotType());
            w.name("fps").value(spec.fps());
            w.name("features").beginObject();
            for (FeatureSpec f : spec.features()) {
                if (f.kind().isVector() || images) {
                    w.name(f.key()).beginObject();
                    w.name("kind").value(f.kind().name().toLowerCase());
                    w.name("shape").beginArray();
                    for (int d : f.shape()) {
                        w.value(d);
                    }
                    w.endArray();
                    w.name("names").beginArray();
                    for (String s : f.names()) {
                        w.value(s);
                    }
                    w.endArray();
                    w.endObject();
                }
            }
            w.endObject();
            w.name("episodes").beginArray();
            for (Written e : written) {
                w.beginObject().name("file").value(e.file()).name("source_id").value(e.sourceId()).name("task")
                        .value(e.task()).name("length").value(e.length()).endObject();
            }
            w.endArray();
            w.name("splits").beginObject();
            for (DatasetSplit s : spec.splits()) {
                w.name(s.name()).value(s.fromEpisode() + ":" + s.toEpisode());
            }
            w.endObject();
            w.endObject();
        }
    }

    /** Keeps the entry writers from closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the zip entry is closed by the session
        }
    }
}
