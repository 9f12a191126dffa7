package dev.demoforge.export.rlds.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shards of one TFDS split while it is written: their files (without the {@code -of-YYYYY} suffix until
 * {@code finish}), the records in each closed shard and their total bytes, which become the split's
 * {@code shardLengths} and {@code numBytes} in {@code dataset_info.json}. Mutable; one thread.
 */
final class SplitShards {

    private final String name;
    private final List<Path> files = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private long bytes;

    SplitShards(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Shard files in shard order. */
    List<Path> files() {
        return files;
    }

    /** Records (episodes) per closed shard, in shard order. */
    List<Integer> lengths() {
        return lengths;
    }

    /** Total bytes of the closed shards. */
    long bytes() {
        return bytes;
    }

    void addBytes(long n) {
        bytes += n;
    }
}
