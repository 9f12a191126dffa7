package dev.demoforge.catalog.api.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a dataset's episodes are split: by whole episodes, into named shares, by a seeded shuffle, optionally
 * within each task or operator (stratified) so every split gets its share of each. Immutable.
 *
 * @param shares   the splits in order with their ratios (positive; normalised by their sum); empty: no splits
 * @param seed     seed of the shuffle
 * @param stratify what to stratify by
 * @since 0.1
 */
public record SplitRule(List<Share> shares, long seed, Stratify stratify) {

    /** One split and its share of the episodes. */
    public record Share(String split, double ratio) {

        /** Validates. */
        public Share {
            Objects.requireNonNull(split, "split");
            if (!split.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("split name '" + split + "' may only hold letters, digits, _, -");
            }
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("split '" + split + "' needs a positive ratio, got " + ratio);
            }
        }
    }

    /** What a split is stratified by. */
    public enum Stratify { NONE, TASK, OPERATOR }

    /** Validates and copies. */
    public SplitRule {
        shares = shares == null ? List.of() : List.copyOf(shares);
        stratify = stratify == null ? Stratify.NONE : stratify;
        Set<String> names = new HashSet<>();
        for (Share s : shares) {
            if (!names.add(s.split())) {
                throw new IllegalArgumentException("split '" + s.split() + "' is named twice");
            }
        }
    }

    /** No splits. */
    public static SplitRule none() {
        return new SplitRule(List.of(), 0, Stratify.NONE);
    }
}
