package dev.demoforge.export.rlds.internal;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.test.support.export.ExportBenchmark;

/**
 * Export speed of each RLDS variant for a 50-episode dataset shaped like the simulated station's (two cameras,
 * 640x480 and 320x240, 30 fps, 6-D state and action), against copying the bytes written; the harness is
 * {@link ExportBenchmark}. Run with {@code -DexcludedGroups=none} (sizes: {@code -Drlds.bench.episodes},
 * {@code .frames}, {@code .repeat}); prints the figures docs/performance.md quotes.
 */
@Tag("benchmark")
class RldsExportBenchmarkTest {

    @Test
    void exportSpeedAgainstRawCopy() throws Exception {
        ExportBenchmark bench = ExportBenchmark.fromProperties("rlds", "RLDS export benchmark", i -> "task " + (i % 2));
        bench.printHeader();
        bench.run("rlds (jpeg 95)", ExporterService.rlds(), Map.of());
        bench.run("rlds image_encoding=png", ExporterService.rlds(), Map.of("image_encoding", "png"));
        bench.cleanUp();
    }
}
