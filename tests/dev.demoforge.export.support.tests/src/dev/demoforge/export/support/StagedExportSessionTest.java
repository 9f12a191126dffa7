package dev.demoforge.export.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.demoforge.export.api.EpisodeFrames;
import dev.demoforge.export.api.ExportResult;
import dev.demoforge.test.support.export.CancelAfter;
import dev.demoforge.test.support.export.ExporterContract;
import dev.demoforge.test.support.export.SyntheticEpisode;

/** The lifecycle StagedExportSession gives every exporter, on real staging directories. */
class StagedExportSessionTest {

    @TempDir
    Path tmp;

    /** Writes episode i as {@code episode_i.txt} (one line per row) and records the hooks called. */
    static final class TextSession extends StagedExportSession {
        final List<String> calls = new ArrayList<>();

        TextSession(Path outputDir) throws IOException {
            super("text", outputDir, Staging.create(outputDir));
        }

        @Override
        protected void write(EpisodeFrames episode, int index, IProgressMonitor monitor) throws IOException {
            calls.add("write " + index);
            monitor.beginTask("episode " + index, episode.length());
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < episode.length(); r++) {
                checkCanceled(monitor);
                text.append(episode.sourceId()).append(' ').append(r).append('\n');
                monitor.worked(1);
            }
            Files.writeString(staging().resolve("episode_" + index + ".txt"), text);
        }

        @Override
        protected void complete(int episodeCount, IProgressMonitor monitor) throws IOException {
            calls.add("complete " + episodeCount);
            Files.writeString(staging().resolve("meta.txt"), episodeCount + " episodes\n");
            monitor.worked(1);
        }

        @Override
        protected void abandon() throws IOException {
            calls.add("abandon");
            throw new IOException("a failing abandon must not keep the staging directory");
        }

        @Override
        protected void release() {
            calls.add("release");
        }
    }

    @Test
    void finishPublishesTheStagingDirectoryAndReportsEpisodesRowsAndBytes() throws Exception {
        Path out = tmp.resolve("dataset");
        ExportResult r;
        TextSession s = new TextSession(out);
        try (s) {
            s.writeEpisode(new SyntheticEpisode(0, 3, "t"), new NullProgressMonitor());
            s.writeEpisode(new SyntheticEpisode(1, 4, "t"), null);
            assertTrue(ExporterContract.listing(tmp).stream().anyMatch(n -> n.startsWith(".dataset.staging-")));
            r = s.finish(new NullProgressMonitor());
        }
        s.close();
        assertEquals(List.of("write 0", "write 1", "complete 2", "release"), s.calls,
                "release once, no abandon after publishing");
        assertEquals(List.of("dataset"), ExporterContract.listing(tmp), "no staging directory left");
        assertEquals(List.of("episode_0.txt", "episode_1.txt", "meta.txt"), ExporterContract.listing(out));
        assertEquals("synthetic-1 3", Files.readAllLines(out.resolve("episode_1.txt")).get(3));
        assertEquals(out, r.outputDir());
        assertEquals(2, r.episodes());
        assertEquals(7, r.frames());
        assertEquals(Staging.size(out), r.bytes());
        assertFalse(r.elapsed().isNegative());
    }

    @Test
    void anEpisodeWithoutRowsIsRefusedAndOnlyCloseIsAcceptedAfterwards() throws Exception {
        Path out = tmp.resolve("dataset");
        try (TextSession s = new TextSession(out)) {
            IOException e = assertThrows(IOException.class,
                    () -> s.writeEpisode(new SyntheticEpisode(0, 0, "t"), new NullProgressMonitor()));
            assertEquals("Episode 'synthetic-0' has 0 rows; an episode needs at least one", e.getMessage());
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> s.writeEpisode(new SyntheticEpisode(1, 2, "t"), new NullProgressMonitor()));
            assertTrue(again.getMessage().contains("is BROKEN; only close() is possible"), again.getMessage());
            assertThrows(IllegalStateException.class, () -> s.finish(new NullProgressMonitor()));
            assertEquals(List.of(), s.calls, "write is not called for an empty episode");
        }
        assertEquals(List.of(), ExporterContract.listing(tmp));
    }

    @Test
    void finishWithoutEpisodesIsRefusedNamingTheFormat() throws Exception {
        try (TextSession s = new TextSession(tmp.resolve("dataset"))) {
            IOException e = assertThrows(IOException.class, () -> s.finish(new NullProgressMonitor()));
            assertEquals("No episode was written; text exports need at least one", e.getMessage());
        }
        assertEquals(List.of(), ExporterContract.listing(tmp));
    }

    @Test
    void cancellingInAnEpisodeOrInFinishAbandonsTheSessionAndDeletesTheStagingDirectory() throws Exception {
        TextSession inEpisode = new TextSession(tmp.resolve("a"));
        try (inEpisode) {
            inEpisode.writeEpisode(new SyntheticEpisode(0, 5, "t"), new NullProgressMonitor());
            assertThrows(OperationCanceledException.class,
                    () -> inEpisode.writeEpisode(new SyntheticEpisode(1, 5, "t"), new CancelAfter(3)));
            assertThrows(IllegalStateException.class, () -> inEpisode.finish(new NullProgressMonitor()));
        }
        assertEquals(List.of("write 0", "write 1", "release", "abandon"), inEpisode.calls);
        TextSession inFinish = new TextSession(tmp.resolve("b"));
        try (inFinish) {
            inFinish.writeEpisode(new SyntheticEpisode(0, 5, "t"), new NullProgressMonitor());
            assertThrows(OperationCanceledException.class, () -> inFinish.finish(new CancelAfter(2)));
        }
        assertEquals(List.of("write 0", "complete 1", "release", "abandon"), inFinish.calls,
                "cancelled after complete, before publishing");
        assertEquals(List.of(), ExporterContract.listing(tmp), "no output and no staging directory");
    }

    @Test
    void closeWithoutFinishDeletesWhatWasWritten() throws Exception {
        TextSession s = new TextSession(tmp.resolve("dataset"));
        s.writeEpisode(new SyntheticEpisode(0, 2, "t"), new NullProgressMonitor());
        s.close();
        s.close();
        assertEquals(List.of("write 0", "release", "abandon"), s.calls, "hooks run once");
        assertEquals(List.of(), ExporterContract.listing(tmp));
    }
}
