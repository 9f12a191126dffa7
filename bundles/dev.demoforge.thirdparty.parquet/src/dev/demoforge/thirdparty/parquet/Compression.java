package dev.demoforge.thirdparty.parquet;

/**
 * Page compression of a parquet file written by {@link RowFileWriter}.
 *
 * @since 0.1
 */
public enum Compression {
    /** No compression. */
    UNCOMPRESSED,
    /** Snappy (raw block format, as pyarrow writes by default); uses the snappy-java native library. */
    SNAPPY
}
