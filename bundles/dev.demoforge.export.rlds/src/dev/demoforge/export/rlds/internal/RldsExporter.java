package dev.demoforge.export.rlds.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.ExporterCapabilities;
import dev.demoforge.export.api.FeatureKind;
import dev.demoforge.export.support.Staging;

/**
 * RLDS episodes as TFDS writes them (formats.md 5): {@code <out>/<name>/<version>/} with {@code dataset_info.json},
 * {@code features.json} and {@code <name>-train.tfrecord-XXXXX-of-YYYYY} shards, one {@code tf.train.Example} per
 * episode. Opens with {@code tfds.builder_from_directory(<out>/<name>/<version>)}. Stateless; sessions are
 * independent.
 */
@Component(service = DatasetExporter.class)
public final class RldsExporter implements DatasetExporter {

    /** The format id. */
    public static final String FORMAT_ID = "rlds";

    @Override
    public String formatId() {
        return FORMAT_ID;
    }

    @Override
    public String label() {
        return "RLDS (TFDS TFRecord shards)";
    }

    @Override
    public ExporterCapabilities capabilities() {
        return new ExporterCapabilities(false, true, EnumSet.allOf(FeatureKind.class), RldsOptions.specs());
    }

    @Override
    public ExportSession begin(Path outputDir, DatasetSpec spec, Map<String, String> options) throws IOException {
        Path out = outputDir.toAbsolutePath().normalize();
        RldsOptions o = RldsOptions.parse(options);
        StepLayout layout = StepLayout.of(spec);
        Staging.checkOutput(out);
        return new RldsSession(out, Staging.create(out), spec, layout, o);
    }

    /** A valid TFDS dataset name from a free-form name: snake_case, starting with a letter. */
    static String tfdsName(String name) {
        String n = StepLayout.snake(name);
        return Character.isLetter(n.charAt(0)) ? n : "d_" + n;
    }
}
