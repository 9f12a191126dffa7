package dev.demoforge.export.api;

import java.util.Objects;

/**
 * A named split of a dataset (e.g. {@code train}, {@code val}) as a contiguous range of episode indices: the
 * episodes written by the {@link ExportSession#writeEpisode} calls {@code fromEpisode .. toEpisode - 1}. LeRobot writes
 * it as {@code "train": "0:40"}, robomimic as {@code mask/<name>}, RLDS as a split name. Immutable.
 *
 * @param name        split name: letters, digits, {@code _} and {@code -}
 * @param fromEpisode first episode index, inclusive, {@code >= 0}
 * @param toEpisode   end episode index, exclusive, {@code > fromEpisode}
 * @since 0.2
 */
public record DatasetSplit(String name, int fromEpisode, int toEpisode) {

    /** Validates. */
    public DatasetSplit {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("split name '" + name + "' may only hold letters, digits, _ and -");
        }
        if (fromEpisode < 0 || toEpisode <= fromEpisode) {
            throw new IllegalArgumentException("split '" + name + "': episode range " + fromEpisode + ":" + toEpisode
                    + " is empty or negative");
        }
    }

    /** Number of episodes in the split. */
    public int episodes() {
        return toEpisode - fromEpisode;
    }

    /** Whether episode index {@code i} is in the split. */
    public boolean contains(int i) {
        return i >= fromEpisode && i < toEpisode;
    }
}
