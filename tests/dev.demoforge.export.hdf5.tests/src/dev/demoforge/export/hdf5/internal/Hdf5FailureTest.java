package dev.demoforge.export.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.demoforge.export.api.DatasetExporter;
import dev.demoforge.export.api.DatasetSpec;
import dev.demoforge.export.api.ExportSession;
import dev.demoforge.export.api.VideoFrames;
import dev.demoforge.test.support.export.CancelAfter;
import dev.demoforge.test.support.export.ExporterContract;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** Cancellation, abandoned sessions, refused options, specs and malformed episodes, for both formats. */
class Hdf5FailureTest {

    @TempDir
    Path tmp;

    /** Format id with an options variant: {@code aloha-hdf5}, {@code aloha-hdf5+jpeg}, {@code robomimic}. */
    static DatasetExporter exporter(String variant) throws Exception {
        return ExporterService.byFormat(variant.replace("+jpeg", ""));
    }

    static Map<String, String> options(String variant) {
        return variant.endsWith("+jpeg") ? Map.of("compress", "jpeg") : Map.of();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aloha-hdf5", "aloha-hdf5+jpeg", "robomimic"})
    void cancelDuringTheSecondEpisodesFramesLeavesNothing(String variant) throws Exception {
        Path out = tmp.resolve("cancel/dataset");
        try (ExportSession s = exporter(variant).begin(out, SyntheticEpisode.spec(), options(variant))) {
            s.writeEpisode(new SyntheticEpisode(0, 20, "a"), new NullProgressMonitor());
            assertTrue(listing(tmp.resolve("cancel")).stream().anyMatch(n -> n.contains("staging")),
                    "writes go to a staging directory");
            assertThrows(OperationCanceledException.class,
                    () -> s.writeEpisode(new SyntheticEpisode(1, 20, "a"), new CancelAfter(30)));
            assertThrows(IllegalStateException.class, () -> s.finish(new NullProgressMonitor()));
        }
        assertFalse(Files.exists(out), "no output directory after cancellation");
        assertEquals(List.of(), listing(tmp.resolve("cancel")), "no staging directory left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aloha-hdf5", "robomimic"})
    void cancelDuringFinishAndCloseWithoutFinishLeaveNothing(String variant) throws Exception {
        Path out = tmp.resolve("finish/dataset");
        try (ExportSession s = exporter(variant).begin(out, SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 5, "a"), new NullProgressMonitor());
            assertThrows(OperationCanceledException.class, () -> s.finish(new CancelAfter(1)));
        }
        try (ExportSession s = exporter(variant).begin(out, SyntheticEpisode.spec(), Map.of())) {
            s.writeEpisode(new SyntheticEpisode(0, 5, "a"), new NullProgressMonitor());
        }
        assertEquals(List.of(), listing(tmp.resolve("finish")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aloha-hdf5", "robomimic"})
    void nonEmptyOutputDirectoryIsRefusedAndLeftAlone(String variant) throws Exception {
        ExporterContract.nonEmptyOutputIsRefusedAndLeftAlone(exporter(variant), SyntheticEpisode.spec(), Map.of(),
                tmp.resolve("full"));
    }

    @Test
    void badOptionsAreRefusedByName() throws Exception {
        DatasetExporter aloha = ExporterService.aloha();
        DatasetExporter robo = ExporterService.robomimic();
        DatasetSpec spec = SyntheticEpisode.spec();
        Path out = tmp.resolve("x");
        assertRefused("'compres'", () -> aloha.begin(out, spec, Map.of("compres", "jpeg")));
        assertRefused("compress='png'", () -> aloha.begin(out, spec, Map.of("compress", "png")));
        assertRefused("gzip='12'", () -> aloha.begin(out, spec, Map.of("gzip", "12")));
        assertRefused("jpeg_quality='0'", () -> aloha.begin(out, spec, Map.of("jpeg_quality", "0")));
        assertRefused("sim='yes'", () -> aloha.begin(out, spec, Map.of("sim", "yes")));
        assertRefused("valid_fraction='1.5'", () -> robo.begin(out, spec, Map.of("valid_fraction", "1.5")));
        assertRefused("chunking=none and gzip=4",
                () -> robo.begin(out, spec, Map.of("chunking", "none", "gzip", "4")));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(tmp));
    }

    @Test
    void specsTheLayoutCannotHoldAreRefused() throws Exception {
        DatasetSpec noState = new DatasetSpec("s", null, 30, SyntheticEpisode.spec().features().stream()
                .filter(f -> !f.key().equals(SyntheticEpisode.STATE)).toList());
        assertRefused("needs a STATE feature", () -> ExporterService.aloha().begin(tmp.resolve("a"), noState,
                Map.of()));
        DatasetSpec noAction = new DatasetSpec("s", null, 30, SyntheticEpisode.spec().features().stream()
                .filter(f -> !f.key().equals(SyntheticEpisode.ACTION)).toList());
        assertRefused("needs an ACTION feature", () -> ExporterService.robomimic().begin(tmp.resolve("r"),
                noAction, Map.of()));
        DatasetSpec clash = new DatasetSpec("s", null, 30, List.of(SyntheticEpisode.spec().features().get(0),
                SyntheticEpisode.spec().features().get(1), SyntheticEpisode.spec().features().get(3),
                dev.demoforge.export.api.FeatureSpec.vector("observation.qvel",
                        dev.demoforge.export.api.FeatureKind.VECTOR, List.of("v"))));
        assertRefused("'qvel'", () -> ExporterService.aloha().begin(tmp.resolve("c"), clash, Map.of()));
        assertEquals(List.of(), listing(tmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aloha-hdf5", "robomimic"})
    void episodeWithWrongVectorWidthIsRejectedNamingEpisodeFeatureAndRow(String variant) throws Exception {
        ExporterContract.malformedVectorRowIsRefusedNamingIt(exporter(variant), SyntheticEpisode.spec(), Map.of(),
                tmp.resolve("bad"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aloha-hdf5", "aloha-hdf5+jpeg", "robomimic"})
    void videoShorterThanTheEpisodeIsRejectedNamingTheFeature(String variant) throws Exception {
        SyntheticEpisode shortVideo = new SyntheticEpisode(0, 10, "a") {
            @Override
            public VideoFrames video(String key) {
                VideoFrames all = super.video(key);
                return new VideoFrames() {
                    private int served;

                    @Override
                    public int width() {
                        return all.width();
                    }

                    @Override
                    public int height() {
                        return all.height();
                    }

                    @Override
                    public byte[] nextBgr() throws java.io.IOException {
                        return served++ < 7 ? all.nextBgr() : null;
                    }

                    @Override
                    public void close() throws java.io.IOException {
                        all.close();
                    }
                };
            }
        };
        Path out = tmp.resolve("short/dataset");
        try (ExportSession s = exporter(variant).begin(out, SyntheticEpisode.spec(), options(variant))) {
            IOException e = assertThrows(IOException.class,
                    () -> s.writeEpisode(shortVideo, new NullProgressMonitor()));
            assertTrue(e.getMessage().contains("observation.images.scene") && e.getMessage().contains("after 7"),
                    e.getMessage());
        }
        assertEquals(List.of(), listing(tmp.resolve("short")));
    }

    static void assertRefused(String text, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(text), "'" + text + "' in: " + e.getMessage());
    }

    static List<String> listing(Path dir) throws IOException {
        return ExporterContract.listing(dir);
    }
}
