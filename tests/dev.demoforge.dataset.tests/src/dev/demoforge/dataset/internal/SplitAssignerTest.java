package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.demoforge.catalog.api.EpisodeRecord;
import dev.demoforge.catalog.api.ReviewState;
import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.catalog.api.dataset.SplitRule.Share;
import dev.demoforge.dataset.PlannedEpisode;
import dev.demoforge.episode.api.EpisodeStatus;

class SplitAssignerTest {

    private static List<PlannedEpisode> episodes(int n, int tasks) {
        List<PlannedEpisode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EpisodeRecord r = new EpisodeRecord(String.format("ep-%03d", i), null, "sim", "task " + (i % tasks),
                    "op " + (i % 3), Instant.ofEpochSecond(1_000 + i), 5, 150, 0, EpisodeStatus.FINISHED,
                    ReviewState.ACCEPTED, "/x", "");
            out.add(new PlannedEpisode(r, null, 0, Double.POSITIVE_INFINITY, null, "d"));
        }
        return out;
    }

    private static SplitRule rule(long seed, SplitRule.Stratify stratify, double... ratios) {
        List<Share> shares = new ArrayList<>();
        String[] names = {"train", "val", "test"};
        for (int i = 0; i < ratios.length; i++) {
            shares.add(new Share(names[i], ratios[i]));
        }
        return new SplitRule(shares, seed, stratify);
    }

    private static List<String> ids(List<PlannedEpisode> l) {
        return l.stream().map(p -> p.episode().id() + "=" + p.split()).toList();
    }

    @Test
    void countsFollowTheRatiosByLargestRemainder() {
        List<Share> s = rule(0, null, 0.8, 0.1, 0.1).shares();
        assertArrayEquals(new int[] {40, 5, 5}, SplitAssigner.counts(50, s));
        assertArrayEquals(new int[] {5, 1, 1}, SplitAssigner.counts(7, s), "5.6, 0.7, 0.7: largest remainders");
        assertArrayEquals(new int[] {2, 1, 0}, SplitAssigner.counts(3, List.of(new Share("a", 0.45),
                new Share("b", 0.45), new Share("c", 0.1))), "1.35, 1.35, 0.3: the tie goes to the earlier share");
        assertArrayEquals(new int[] {1, 0, 0}, SplitAssigner.counts(1, s));
        assertArrayEquals(new int[] {2, 1}, SplitAssigner.counts(3, rule(0, null, 2, 1).shares()), "ratios normalised");
    }

    @Test
    void theSameSeedGivesTheSameSplitWhateverTheInputOrder() {
        List<PlannedEpisode> in = episodes(40, 1);
        List<PlannedEpisode> reversed = new ArrayList<>(in);
        java.util.Collections.reverse(reversed);
        SplitRule r = rule(7, SplitRule.Stratify.NONE, 0.75, 0.25);
        List<PlannedEpisode> a = SplitAssigner.assign(in, r);
        assertEquals(ids(a), ids(SplitAssigner.assign(reversed, r)));
        assertNotEquals(ids(a), ids(SplitAssigner.assign(in, rule(8, SplitRule.Stratify.NONE, 0.75, 0.25))));
        assertEquals(30, a.stream().filter(p -> p.split().equals("train")).count());
        assertEquals("train", a.get(29).split(), "each split is one contiguous run");
        assertEquals("val", a.get(30).split());
        for (int i = 1; i < 30; i++) {
            assertEquals(true, a.get(i - 1).episode().startedAt().isBefore(a.get(i).episode().startedAt()),
                    "by start time inside a split");
        }
    }

    @Test
    void stratifiedSplitsGiveEveryTaskItsShare() {
        List<PlannedEpisode> a = SplitAssigner.assign(episodes(30, 3), rule(1, SplitRule.Stratify.TASK, 0.8, 0.2));
        Map<String, Map<String, Long>> perTask = a.stream().collect(Collectors.groupingBy(p -> p.episode().task(),
                Collectors.groupingBy(PlannedEpisode::split, Collectors.counting())));
        for (Map<String, Long> counts : perTask.values()) {
            assertEquals(Map.of("train", 8L, "val", 2L), counts);
        }
    }

    @Test
    void withoutSharesEpisodesStayInStartOrderWithNoSplit() {
        List<PlannedEpisode> a = SplitAssigner.assign(episodes(5, 1).reversed(), SplitRule.none());
        assertEquals(List.of("ep-000=null", "ep-001=null", "ep-002=null", "ep-003=null", "ep-004=null"), ids(a));
    }
}
