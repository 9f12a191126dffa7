package dev.demoforge.export.mcap.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import com.google.gson.Gson;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.api.FeatureSpec;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.export.mcap.internal.proto.CompressedImage;
import dev.demoforge.export.support.EpisodeInputs;
import dev.demoforge.export.support.ImageEncoder;
import dev.demoforge.mcap.McapWriter;

/**
 * Writes one episode as one MCAP file: a {@code demoforge_episode} metadata record (with {@code split} when the
 * spec declares a split holding the episode), one channel per feature (topic
 * = the feature key with dots as slashes, e.g. {@code /observation/state}, {@code /observation/images/scene}), and
 * per row one message on every channel, row by row, so chunks cover short, ordered time ranges. Log and publish
 * time of row {@code i} = the message's own {@code timestamp} = {@code i / fps} s on the dataset timeline (ns, the
 * episode's first row at 0). Memory: the episode's vectors, one frame per camera and one chunk. One thread.
 */
final class EpisodeMcap {

    private EpisodeMcap() {
    }

    /** A channel and how its messages are made. */
    private record Channel(FeatureSpec feature, int id, String namesJson, String valuesField) {
    }

    static void write(Path file, EpisodeFrames ep, int index, DatasetSpec spec, McapOptions options,
            ImageEncoder images, IProgressMonitor m) throws IOException {
        int n = ep.length();
        List<float[][]> values = new ArrayList<>();
        List<VideoFrames> videos = new ArrayList<>();
        McapWriter.Options chunking = new McapWriter.Options(options.chunkBytes(), Long.MAX_VALUE / 4)
                .withCompression(options.lz4() ? new Lz4Compression() : null);
        try (McapWriter w = McapWriter.create(file, "", "DemoForge", chunking)) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("dataset", spec.name());
            meta.put("episode_index", Integer.toString(index));
            meta.put("source_episode", ep.sourceId());
            meta.put("task", ep.task() == null ? "" : ep.task());
            spec.splits().stream().filter(sp -> sp.contains(index)).findFirst()
                    .ifPresent(sp -> meta.put("split", sp.name()));
            meta.put("robot_type", spec.robotType() == null ? "" : spec.robotType());
            meta.put("fps", Integer.toString(spec.fps()));
            meta.put("frames", Integer.toString(n));
            meta.put("time_base", "log time = row / fps on the dataset timeline, first row at 0");
            w.addMetadata("demoforge_episode", meta);
            Map<String, Integer> schemas = new LinkedHashMap<>();
            List<Channel> channels = new ArrayList<>();
            Gson gson = new Gson();
            for (FeatureSpec f : spec.features()) {
                String topic = "/" + f.key().replace('.', '/');
                Map<String, String> channelMeta = Map.of("feature", f.key(), "fps", Integer.toString(spec.fps()));
                if (f.kind() == FeatureKind.VIDEO) {
                    int schema = schemas.computeIfAbsent(FoxgloveSchemas.IMAGE, s -> add(w, s, "protobuf",
                            FoxgloveSchemas.compressedImageDescriptors()));
                    channels.add(new Channel(f, w.addChannel(schema, topic, "protobuf", channelMeta), null, null));
                } else {
                    String name = FoxgloveSchemas.vectorSchemaName(f.kind());
                    int schema = schemas.computeIfAbsent(name, s -> add(w, s, "jsonschema",
                            FoxgloveSchemas.vectorJsonSchema(f.kind())));
                    channels.add(new Channel(f, w.addChannel(schema, topic, "json", channelMeta),
                            gson.toJson(f.names()), FoxgloveSchemas.valuesField(f.kind())));
                }
            }
            for (Channel c : channels) {
                if (c.feature().kind() == FeatureKind.VIDEO) {
                    VideoFrames v = ep.video(c.feature().key());
                    videos.add(v);
                    values.add(null);
                    checkSize(ep, c.feature(), v);
                } else {
                    videos.add(null);
                    values.add(EpisodeInputs.vectors(ep, c.feature()));
                }
            }
            for (int r = 0; r < n; r++) {
                if (m.isCanceled()) {
                    throw new OperationCanceledException();
                }
                long t = r * 1_000_000_000L / spec.fps();
                Timestamp stamp = Timestamp.newBuilder().setSeconds(t / 1_000_000_000L)
                        .setNanos((int) (t % 1_000_000_000L)).build();
                for (int c = 0; c < channels.size(); c++) {
                    Channel ch = channels.get(c);
                    byte[] data = ch.namesJson() == null
                            ? image(ep, ch.feature(), videos.get(c), r, stamp, options, images)
                            : vector(stamp, ch, values.get(c)[r]);
                    w.write(ch.id(), t, t, data);
                }
                m.worked(1);
            }
        } finally {
            for (VideoFrames v : videos) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }

    private static int add(McapWriter w, String name, String encoding, byte[] data) {
        try {
            return w.addSchema(name, encoding, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkSize(EpisodeFrames ep, FeatureSpec f, VideoFrames v) throws IOException {
        if (v.width() != f.imageWidth() || v.height() != f.imageHeight()) {
            throw new IOException("Episode '" + ep.sourceId() + "' feature '" + f.key() + "' has " + v.width() + "x"
                    + v.height() + " frames, the dataset declares " + f.imageWidth() + "x" + f.imageHeight());
        }
    }

    private static byte[] image(EpisodeFrames ep, FeatureSpec f, VideoFrames v, int row, Timestamp stamp,
            McapOptions options, ImageEncoder images) throws IOException {
        int w = f.imageWidth();
        int h = f.imageHeight();
        byte[] bgr = v.nextBgr();
        if (bgr == null || bgr.length != w * h * 3) {
            throw new IOException("Episode '" + ep.sourceId() + "' feature '" + f.key() + "' row " + row
                    + (bgr == null ? ": the video ended early" : ": frame of " + bgr.length + " bytes, expected "
                            + w * h * 3));
        }
        return CompressedImage.newBuilder().setTimestamp(stamp).setFrameId(frameId(f))
                .setData(ByteString.copyFrom(images.encode(bgr, w, h))).setFormat(options.imageFormat()).build()
                .toByteArray();
    }

    /** The camera's frame id: the feature key's last part (e.g. {@code scene}). */
    static String frameId(FeatureSpec f) {
        return f.key().substring(f.key().lastIndexOf('.') + 1);
    }

    private static byte[] vector(Timestamp stamp, Channel ch, float[] row) {
        StringBuilder b = new StringBuilder(64 + row.length * 12);
        b.append("{\"timestamp\":{\"sec\":").append(stamp.getSeconds()).append(",\"nsec\":").append(stamp.getNanos())
                .append("},\"name\":").append(ch.namesJson()).append(",\"").append(ch.valuesField()).append("\":[");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(row[i]);
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
