package dev.demoforge.thirdparty.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows to one local parquet file through parquet-java, with no Hadoop types in its API.
 * <p>
 * Threading: one thread per writer. Blocking: {@link #write} buffers a row group in memory (flushed when it reaches
 * {@code rowGroupBytes}) and {@link #close} writes the footer. Output: dictionary encoding on, page statistics on,
 * writer version 1 pages (what pyarrow reads by default).
 *
 * @param <T> row type
 * @since 0.1
 */
public final class RowFileWriter<T> implements Closeable {

    /** Default row-group size in bytes (in-memory buffer before a flush). */
    public static final long DEFAULT_ROW_GROUP_BYTES = 64L << 20;

    private final ParquetWriter<T> writer;
    private final Path file;

    private RowFileWriter(ParquetWriter<T> writer, Path file) {
        this.writer = writer;
        this.file = file;
    }

    /**
     * Creates {@code file} (which must not exist) for rows of {@code schema}.
     *
     * @param keyValueMetadata footer key/value metadata (e.g. {@code "pandas"}, {@code "huggingface"})
     */
    public static <T> RowFileWriter<T> create(Path file, MessageType schema, Map<String, String> keyValueMetadata,
            Compression compression, long rowGroupBytes, RowBinder<T> binder) throws IOException {
        Objects.requireNonNull(binder, "binder");
        BinderWriteSupport<T> support = new BinderWriteSupport<>(schema, Map.copyOf(keyValueMetadata), binder);
        ParquetWriter<T> w = new Builder<>(new LocalOutputFile(file), support)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(Codecs.name(compression))
                .withCodecFactory(Codecs.factory())
                .withDictionaryEncoding(true)
                .withRowGroupSize(rowGroupBytes)
                .withWriterVersion(org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_1_0)
                .build();
        return new RowFileWriter<>(w, file);
    }

    /** Like {@link #create(Path, MessageType, Map, Compression, long, RowBinder)} with the default row-group size. */
    public static <T> RowFileWriter<T> create(Path file, MessageType schema, Map<String, String> keyValueMetadata,
            Compression compression, RowBinder<T> binder) throws IOException {
        return create(file, schema, keyValueMetadata, compression, DEFAULT_ROW_GROUP_BYTES, binder);
    }

    /** Appends one row. */
    public void write(T row) throws IOException {
        writer.write(row);
    }

    /** Bytes written to the file so far plus the estimated size of the buffered row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** Flushes the last row group and writes the footer. */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(LocalOutputFile out, WriteSupport<T> support) {
            super(out);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }

    private static final class BinderWriteSupport<T> extends WriteSupport<T> {
        private final MessageType schema;
        private final Map<String, String> metadata;
        private final RowBinder<T> binder;
        private RecordConsumer consumer;

        BinderWriteSupport(MessageType schema, Map<String, String> metadata, RowBinder<T> binder) {
            this.schema = schema;
            this.metadata = metadata;
            this.binder = binder;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, new HashMap<>(metadata));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, new HashMap<>(metadata));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(T record) {
            consumer.startMessage();
            binder.write(consumer, record);
            consumer.endMessage();
        }
    }
}
