package dev.demoforge.export.mcap.internal;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.test.support.export.ExportBenchmark;

/**
 * Export speed of each MCAP variant for a 50-episode dataset shaped like the simulated station's (two cameras,
 * 640x480 and 320x240, 30 fps, 6-D state and action), against copying the bytes written; the harness is
 * {@link ExportBenchmark}. Run with {@code -DexcludedGroups=none} (sizes: {@code -Dmcap.bench.episodes},
 * {@code .frames}, {@code .repeat}); prints the figures docs/performance.md quotes.
 */
@Tag("benchmark")
class McapExportBenchmarkTest {

    @Test
    void exportSpeedAgainstRawCopy() throws Exception {
        ExportBenchmark bench = ExportBenchmark.fromProperties("mcap", "MCAP export benchmark", i -> "task " + (i % 2));
        bench.printHeader();
        bench.run("mcap (jpeg 90, lz4)", ExporterService.mcap(), Map.of());
        bench.run("mcap image_format=png", ExporterService.mcap(), Map.of("image_format", "png"));
        bench.run("mcap compression=none", ExporterService.mcap(), Map.of("compression", "none"));
        bench.cleanUp();
    }
}
