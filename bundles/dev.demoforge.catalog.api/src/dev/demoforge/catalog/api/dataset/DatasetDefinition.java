package dev.demoforge.catalog.api.dataset;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A saved dataset: a query, a split rule and an exporter with options. Immutable.
 *
 * @param name      unique name: letters, digits, {@code . _ -}
 * @param query     which episodes
 * @param split     how they are split
 * @param format    the exporter's format id ({@code lerobot}, {@code robomimic}, ...)
 * @param options   exporter options (sorted by key)
 * @param createdAt when it was saved (set by the store; null before)
 * @since 0.1
 */
public record DatasetDefinition(String name, DatasetQuery query, SplitRule split, String format,
        Map<String, String> options, Instant createdAt) {

    /** Validates and copies. */
    public DatasetDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}")) {
            throw new IllegalArgumentException("dataset name '" + name + "' may only hold letters, digits, '.', '_'"
                    + " and '-', starting with a letter or digit");
        }
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(format, "format");
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
