package dev.demoforge.dataset.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import dev.demoforge.catalog.api.dataset.SplitRule;
import dev.demoforge.dataset.PlannedEpisode;

/**
 * Assigns whole episodes to splits. Deterministic: the episodes of each stratum (all of them, or those of one task or
 * operator) are sorted by id, shuffled by a Fisher-Yates shuffle seeded with the rule's seed and the stratum, and
 * cut into the shares' counts (largest remainder, ties to the earlier share). The result is ordered by split (the
 * rule's order), then by start time and id, so that each split is a contiguous run of episode indices.
 */
final class SplitAssigner {

    private static final Comparator<PlannedEpisode> BY_START = Comparator
            .comparing((PlannedEpisode p) -> p.episode().startedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.episode().id());

    private SplitAssigner() {
    }

    static List<PlannedEpisode> assign(List<PlannedEpisode> episodes, SplitRule rule) {
        if (rule.shares().isEmpty()) {
            return episodes.stream().map(e -> e.withSplit(null)).sorted(BY_START).toList();
        }
        Map<String, List<PlannedEpisode>> strata = new TreeMap<>();
        for (PlannedEpisode e : episodes) {
            String key = switch (rule.stratify()) {
                case NONE -> "";
                case TASK -> String.valueOf(e.effectiveTask());
                case OPERATOR -> String.valueOf(e.episode().operator());
            };
            strata.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<PlannedEpisode> out = new ArrayList<>();
        for (Map.Entry<String, List<PlannedEpisode>> stratum : strata.entrySet()) {
            List<PlannedEpisode> members = new ArrayList<>(stratum.getValue());
            members.sort(Comparator.comparing(p -> p.episode().id()));
            shuffle(members, rule.seed() * 1_000_003L + stratum.getKey().hashCode());
            int[] counts = counts(members.size(), rule.shares());
            int next = 0;
            for (int s = 0; s < counts.length; s++) {
                for (int i = 0; i < counts[s]; i++) {
                    out.add(members.get(next++).withSplit(rule.shares().get(s).split()));
                }
            }
        }
        List<String> order = rule.shares().stream().map(SplitRule.Share::split).toList();
        out.sort(Comparator.comparing((PlannedEpisode p) -> order.indexOf(p.split())).thenComparing(BY_START));
        return out;
    }

    /** Episodes per share: floor of each quota, the rest to the largest remainders (earlier share on a tie). */
    static int[] counts(int n, List<SplitRule.Share> shares) {
        double total = shares.stream().mapToDouble(SplitRule.Share::ratio).sum();
        int[] counts = new int[shares.size()];
        double[] remainder = new double[shares.size()];
        int given = 0;
        for (int s = 0; s < counts.length; s++) {
            double quota = n * shares.get(s).ratio() / total;
            counts[s] = (int) Math.floor(quota + 1e-9);
            remainder[s] = quota - counts[s];
            given += counts[s];
        }
        while (given < n) {
            int best = 0;
            for (int s = 1; s < counts.length; s++) {
                if (remainder[s] > remainder[best] + 1e-12) {
                    best = s;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            given++;
        }
        return counts;
    }

    private static void shuffle(List<PlannedEpisode> list, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            PlannedEpisode t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
