package dev.demoforge.export.hdf5.internal;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.demoforge.test.support.export.ExportBenchmark;

/**
 * Export speed of each HDF5 variant for a 50-episode dataset shaped like the simulated station's (two cameras,
 * 640x480 and 320x240, 30 fps, 6-D state and action), against copying the bytes written; the harness is
 * {@link ExportBenchmark}. Run with {@code -DexcludedGroups=none} (sizes: {@code -Dhdf5.bench.episodes},
 * {@code .frames}, {@code .repeat}); prints the figures docs/performance.md quotes.
 */
@Tag("benchmark")
class Hdf5ExportBenchmarkTest {

    @Test
    void exportSpeedAgainstRawCopy() throws Exception {
        ExportBenchmark bench = ExportBenchmark.fromProperties("hdf5", "HDF5 export benchmark",
                i -> Exports.TASKS[i % 2]);
        bench.printHeader();
        bench.run("aloha-hdf5", ExporterService.aloha(), Map.of());
        bench.run("aloha-hdf5 compress=jpeg", ExporterService.aloha(), Map.of("compress", "jpeg"));
        bench.run("aloha-hdf5 gzip=4", ExporterService.aloha(), Map.of("gzip", "4"));
        bench.run("robomimic", ExporterService.robomimic(), Map.of());
        bench.run("robomimic next_obs=false", ExporterService.robomimic(), Map.of("next_obs", "false"));
        bench.run("robomimic gzip=4", ExporterService.robomimic(), Map.of("gzip", "4"));
        bench.cleanUp();
    }
}
