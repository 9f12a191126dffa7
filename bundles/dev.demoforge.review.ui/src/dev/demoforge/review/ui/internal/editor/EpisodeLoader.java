package dev.demoforge.review.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.CheckRecord;
import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.episode.api.EpisodeManifest;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.RawEpisode;
import dev.demoforge.episode.api.RecordedStream;

/** Reads what the editor shows from a raw episode and the catalog. Blocking file I/O: call it in a job. */
final class EpisodeLoader {

    /** Plots keep at most this many points per series (every n-th sample). */
    static final int MAX_POINTS = 3000;
    /** The speed plot smooths finite differences over this window, s. */
    static final double SPEED_WINDOW_S = 0.05;

    private EpisodeLoader() {
    }

    static EpisodeView load(EpisodeStore store, Catalog catalog, EpisodeRecord record) throws IOException {
        RawEpisode raw = store.open(Path.of(record.directory()));
        EpisodeManifest manifest = raw.manifest();
        long t0 = manifest.startHostNanos();
        List<RecordedStream> cameras = byKind(manifest, StreamKind.CAMERA);
        Map<StreamKind, RecordedStream> firstOf = new HashMap<>();
        for (StreamKind kind : List.of(StreamKind.JOINT_STATE, StreamKind.GRIPPER, StreamKind.WRENCH)) {
            byKind(manifest, kind).stream().findFirst().ifPresent(s -> firstOf.put(kind, s));
        }
        Set<String> topics = cameras.stream().map(RecordedStream::topic).collect(Collectors.toSet());
        firstOf.values().forEach(s -> topics.add(s.topic()));

        Map<String, List<Double>> frameTimes = new HashMap<>();
        Map<String, List<double[]>> samples = new HashMap<>();
        Map<String, List<Double>> sampleTimes = new HashMap<>();
        raw.read(topics, (topic, sample) -> {
            double t = (sample.hostNanos() - t0) / 1e9;
            if (sample instanceof EventSample frame) {
                int index = Integer.parseInt(frame.text().strip());
                List<Double> times = frameTimes.computeIfAbsent(topic, k -> new ArrayList<>());
                while (times.size() <= index) {
                    times.add(t);
                }
                times.set(index, t);
            } else if (sample instanceof VectorSample v) {
                samples.computeIfAbsent(topic, k -> new ArrayList<>()).add(v.values());
                sampleTimes.computeIfAbsent(topic, k -> new ArrayList<>()).add(t);
            }
        });

        List<EpisodeView.Camera> views = new ArrayList<>();
        for (RecordedStream camera : cameras) {
            List<Double> times = frameTimes.getOrDefault(camera.topic(), List.of());
            if (!times.isEmpty()) {
                views.add(new EpisodeView.Camera(camera.topic(), raw.video(camera.topic()),
                        times.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        List<EpisodeView.Plot> plots = new ArrayList<>();
        RecordedStream joints = firstOf.get(StreamKind.JOINT_STATE);
        for (StreamKind kind : List.of(StreamKind.JOINT_STATE, StreamKind.GRIPPER, StreamKind.WRENCH)) {
            RecordedStream s = firstOf.get(kind);
            if (s != null && samples.containsKey(s.topic())) {
                plots.add(plot(s.topic(), s.spec().units(), sampleTimes.get(s.topic()), samples.get(s.topic()),
                        s.spec().elementNames()));
            }
        }
        if (joints != null && samples.containsKey(joints.topic())) {
            plots.add(speed(sampleTimes.get(joints.topic()), samples.get(joints.topic())));
        }
        double duration = Math.max(record.durationSeconds(),
                views.stream().mapToDouble(c -> c.frameSeconds()[c.frameSeconds().length - 1]).max().orElse(0));
        return new EpisodeView(record, duration, views, plots, regions(catalog.checks(record.id())));
    }

    private static List<RecordedStream> byKind(EpisodeManifest manifest, StreamKind kind) {
        return manifest.streams().stream().filter(s -> s.spec().kind() == kind).toList();
    }

    private static EpisodeView.Plot plot(String title, String units, List<Double> times, List<double[]> rows,
            List<String> names) {
        int step = Math.max(1, rows.size() / MAX_POINTS);
        int n = rows.size() / step;
        int width = names.size();
        double[] seconds = new double[n];
        double[][] values = new double[width][n];
        for (int j = 0; j < n; j++) {
            seconds[j] = times.get(j * step);
            double[] row = rows.get(j * step);
            for (int k = 0; k < width && k < row.length; k++) {
                values[k][j] = row[k];
            }
        }
        return new EpisodeView.Plot(title, units, seconds, names, values);
    }

    /** The norm of the joints' finite-difference velocity, averaged over {@link #SPEED_WINDOW_S}. */
    private static EpisodeView.Plot speed(List<Double> times, List<double[]> rows) {
        int n = rows.size();
        double[] raw = new double[n];
        for (int j = 1; j < n - 1; j++) {
            double dt = times.get(j + 1) - times.get(j - 1);
            double sum = 0;
            for (int k = 0; k < rows.get(j).length; k++) {
                double v = dt > 0 ? (rows.get(j + 1)[k] - rows.get(j - 1)[k]) / dt : 0;
                sum += v * v;
            }
            raw[j] = Math.sqrt(sum);
        }
        List<double[]> smoothed = new ArrayList<>(n);
        int from = 0;
        double window = 0;
        for (int j = 0; j < n; j++) {
            window += raw[j];
            while (times.get(j) - times.get(from) > SPEED_WINDOW_S) {
                window -= raw[from++];
            }
            smoothed.add(new double[] { window / (j - from + 1) });
        }
        return plot("joint speed", "rad/s", times, smoothed, List.of("|q̇|"));
    }

    /** The check results' reasons, parsed from their stored JSON ({@code [{text, startSeconds, endSeconds}]}). */
    static List<EpisodeView.Region> regions(List<CheckRecord> checks) {
        List<EpisodeView.Region> regions = new ArrayList<>();
        for (CheckRecord check : checks) {
            JsonElement parsed = check.reasonsJson() == null ? null
                    : new Gson().fromJson(check.reasonsJson(), JsonElement.class);
            if (parsed instanceof JsonArray reasons) {
                for (JsonElement e : reasons) {
                    JsonObject r = e.getAsJsonObject();
                    regions.add(new EpisodeView.Region(check.checkId(), check.verdict(), r.get("text").getAsString(),
                            r.get("startSeconds").getAsDouble(), r.get("endSeconds").getAsDouble()));
                }
            }
        }
        return regions;
    }
}
