package dev.demoforge.export.lerobot.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.export.support.EpisodeInputs;
import dev.demoforge.export.support.StagedExportSession;
import dev.demoforge.media.VideoInfo;

/**
 * One LeRobot export (v3.0 or v2.1): data rows and video frames are written into the staging directory as episodes
 * arrive; {@link #complete} writes {@code meta/} before the staging directory is renamed to the output directory.
 * After a failure or cancellation only {@link #close()} is accepted, which deletes the staging directory. One thread.
 */
final class LeRobotSession extends StagedExportSession {

    private final LeRobotFormat format;
    private final Path staging;
    private final DatasetSpec spec;
    private final LeRobotOptions options;
    private final DataFileWriter data;
    private final Map<String, VideoFileWriter> videos = new LinkedHashMap<>();
    private final List<EpisodeRecord> episodes = new ArrayList<>();
    private final Map<String, Integer> tasks = new LinkedHashMap<>();
    /** Per video key: pixel histograms of all sampled frames so far, and the number of those frames. */
    private final Map<String, long[][]> imageHistograms = new LinkedHashMap<>();
    private final Map<String, Long> imageSamples = new LinkedHashMap<>();
    private final List<VideoChoice> videoChoices = new ArrayList<>();
    private long totalFrames;

    LeRobotSession(LeRobotFormat format, Path outputDir, Path staging, DatasetSpec spec, LeRobotOptions options) {
        super(format.label(), outputDir, staging);
        this.format = format;
        this.staging = staging;
        this.spec = spec;
        this.options = options;
        this.data = new DataFileWriter(staging, format, spec, options);
        for (FeatureSpec f : spec.videoFeatures()) {
            videos.put(f.key(), new VideoFileWriter(staging, format, f, spec.fps(), options));
        }
    }

    @Override
    protected void write(EpisodeFrames ep, int index, IProgressMonitor m) throws IOException {
        int n = ep.length();
        String src = ep.sourceId();
        String task = ep.task();
        if (task == null || task.isBlank()) {
            throw new IOException("Episode '" + src + "' has no task text");
        }
        long from = totalFrames;
        int taskIndex = tasks.computeIfAbsent(task, t -> tasks.size());
        m.beginTask("Episode " + index + " (" + src + ")", n * (1 + videos.size()));

        List<FeatureSpec> vectorSpecs = spec.vectorFeatures();
        float[][][] values = new float[vectorSpecs.size()][][];
        for (int i = 0; i < values.length; i++) {
            values[i] = EpisodeInputs.vectors(ep, vectorSpecs.get(i));
        }
        ChunkFile dataFile = data.beginEpisode(index, n);
        for (int r = 0; r < n; r++) {
            checkCanceled(m);
            data.write(values, r, (float) ((double) r / spec.fps()), index, from + r, taskIndex);
            m.worked(1);
        }

        Map<String, EpisodeRecord.VideoSpan> spans = new LinkedHashMap<>();
        Map<String, FeatureStats> imageStats = new LinkedHashMap<>();
        for (FeatureSpec f : spec.videoFeatures()) {
            VideoFileWriter vw = videos.get(f.key());
            ImageSampler sampler = new ImageSampler(n);
            try (VideoFrames frames = ep.video(f.key())) {
                VideoChoice choice = VideoChoice.decide(index, f, spec.fps(), n, options, frames.source());
                videoChoices.add(choice);
                vw.beginEpisode(index, n, choice.copied() ? frames.source().orElseThrow() : null);
                encodeFrames(src, f, frames, n, choice.copied() ? null : vw, sampler, m);
            }
            spans.put(f.key(), vw.endEpisode());
            FeatureStats st = sampler.stats();
            long[][] h = imageHistograms.computeIfAbsent(f.key(), k -> new long[3][256]);
            for (int c = 0; c < 3; c++) {
                for (int x = 0; x < 256; x++) {
                    h[c][x] += st.histogram()[c][x];
                }
            }
            imageSamples.merge(f.key(), st.count(), Long::sum);
            imageStats.put(f.key(), st.withoutHistogram());
        }

        Map<String, FeatureStats> stats = new LinkedHashMap<>();
        int v = 0;
        for (FeatureSpec f : spec.features()) {
            if (f.kind() == FeatureKind.VIDEO) {
                stats.put(f.key(), imageStats.get(f.key()));
            } else {
                stats.put(f.key(), FeatureStats.ofColumns(transpose(values[v++], f.width()), isInteger(f)));
            }
        }
        double[][] ts = new double[1][n];
        double[][] frame = new double[1][n];
        double[][] global = new double[1][n];
        for (int r = 0; r < n; r++) {
            ts[0][r] = (float) ((double) r / spec.fps());
            frame[0][r] = r;
            global[0][r] = from + r;
        }
        stats.put("timestamp", FeatureStats.ofColumns(ts, false));
        stats.put("frame_index", FeatureStats.ofColumns(frame, true));
        stats.put("episode_index", FeatureStats.ofColumns(constant(n, index), true));
        stats.put("index", FeatureStats.ofColumns(global, true));
        stats.put("task_index", FeatureStats.ofColumns(constant(n, taskIndex), true));

        episodes.add(new EpisodeRecord(index, List.of(task), n, dataFile, from, from + n, spans, stats));
        totalFrames += n;
    }

    /** Pulls every frame for the stats and, unless the episode's packets were copied ({@code vw == null}), encodes it. */
    private void encodeFrames(String src, FeatureSpec f, VideoFrames frames, int n, VideoFileWriter vw,
            ImageSampler sampler, IProgressMonitor m) throws IOException {
        int w = f.imageWidth();
        int h = f.imageHeight();
        if (frames.width() != w || frames.height() != h) {
            throw new IOException("Episode '" + src + "' video '" + f.key() + "' is " + frames.width() + "x"
                    + frames.height() + ", the dataset declares " + w + "x" + h);
        }
        for (int r = 0; r < n; r++) {
            checkCanceled(m);
            byte[] bgr = frames.nextBgr();
            if (bgr == null) {
                throw new IOException("Episode '" + src + "' video '" + f.key() + "' ended after " + r
                        + " frames; the episode has " + n + " rows");
            }
            if (bgr.length != w * h * 3) {
                throw new IOException("Episode '" + src + "' video '" + f.key() + "' frame " + r + " has "
                        + bgr.length + " bytes, expected " + w + "x" + h + "x3");
            }
            sampler.offer(r, bgr, w, h);
            if (vw != null) {
                vw.encode(bgr);
            }
            m.worked(1);
        }
        if (frames.nextBgr() != null) {
            throw new IOException("Episode '" + src + "' video '" + f.key() + "' has more than its " + n
                    + " rows of frames");
        }
    }

    @Override
    protected String completionTask() {
        return "Writing " + format.label() + " metadata";
    }

    @Override
    protected int completionWork() {
        return 3 + videos.size();
    }

    @Override
    protected void complete(int episodeCount, IProgressMonitor m) throws IOException {
        data.close();
        m.worked(1);
        Map<String, VideoInfo> infos = new LinkedHashMap<>();
        for (Map.Entry<String, VideoFileWriter> e : videos.entrySet()) {
            checkCanceled(m);
            infos.put(e.getKey(), e.getValue().finish());
            m.worked(1);
        }
        checkCanceled(m);
        MetaJson.Totals totals = new MetaJson.Totals(episodes.size(), totalFrames, tasks.size(), infos);
        if (format == LeRobotFormat.V2_1) {
            JsonLinesMeta.write(staging, List.copyOf(tasks.keySet()), episodes);
            m.worked(1);
        } else {
            TasksFile.write(staging, List.copyOf(tasks.keySet()), options.compression());
            new EpisodesFileWriter(staging, options, episodes.get(0)).write(episodes);
            m.worked(1);
            Map<String, FeatureStats> global = new LinkedHashMap<>();
            for (String key : episodes.get(0).stats().keySet()) {
                global.put(key, imageHistograms.containsKey(key)
                        ? FeatureStats.ofHistogram(imageHistograms.get(key), imageSamples.get(key))
                        : FeatureStats.merge(episodes.stream().map(e -> e.stats().get(key)).toList()));
            }
            MetaJson.writeStats(staging, global);
        }
        MetaJson.writeInfo(staging, format, spec, options, totals);
        if (!videoChoices.isEmpty()) {
            VideoChoice.write(staging, videoChoices);
        }
        m.worked(1);
    }

    @Override
    protected void abandon() throws IOException {
        videos.values().forEach(VideoFileWriter::abort);
        data.close();
    }

    private static boolean isInteger(FeatureSpec f) {
        return switch (f.dtype()) {
            case INT64, UINT8, BOOL -> true;
            default -> false;
        };
    }

    private static double[][] transpose(float[][] rows, int width) {
        double[][] cols = new double[width][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int d = 0; d < width; d++) {
                cols[d][r] = rows[r][d];
            }
        }
        return cols;
    }

    private static double[][] constant(int n, double value) {
        double[][] c = new double[1][n];
        java.util.Arrays.fill(c[0], value);
        return c;
    }
}
