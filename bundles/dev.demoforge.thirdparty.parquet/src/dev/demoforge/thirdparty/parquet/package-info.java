/**
 * Writing local parquet files with parquet-java and no Hadoop types in the API.
 * <p>
 * Build a {@link org.apache.parquet.schema.MessageType} with {@link org.apache.parquet.schema.Types}, then write rows
 * through a {@link dev.demoforge.thirdparty.parquet.RowFileWriter} and a
 * {@link dev.demoforge.thirdparty.parquet.RowBinder}. Hadoop is not embedded: compression (UNCOMPRESSED, SNAPPY)
 * goes through this bundle's own codec factory, files through {@code org.apache.parquet.io.LocalOutputFile}. Code paths
 * of parquet-java that need Hadoop (HDFS paths, Hadoop codecs, {@code ParquetReader} with Hadoop configuration) are
 * therefore unavailable.
 * <p>
 * Threading: a writer belongs to one thread.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.thirdparty.parquet;
