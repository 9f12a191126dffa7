package dev.demoforge.thirdparty.parquet;

import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one row's fields to a parquet {@link RecordConsumer}, between {@code startMessage()} and
 * {@code endMessage()} (the writer calls those). Called on the writer's thread.
 *
 * @param <T> row type
 * @since 0.1
 */
@FunctionalInterface
public interface RowBinder<T> {

    /** Emits the fields of {@code row}; leaving out an optional field writes null. */
    void write(RecordConsumer consumer, T row);
}
