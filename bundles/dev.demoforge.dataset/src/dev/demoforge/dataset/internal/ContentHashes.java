package dev.demoforge.dataset.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import dev.demoforge.catalog.api.dataset.DatasetStore;

/**
 * SHA-256 of files, read in 1 MiB blocks (memory stays bounded whatever the size). Raw episode files are cached in
 * the catalog by path, size and modification time, so a rebuild of unchanged episodes reads no video twice. One
 * instance per build; not thread-safe.
 */
final class ContentHashes {

    /** A file and its hash, the path relative to the directory listed. */
    record FileHash(String path, long bytes, String sha256) {
    }

    private final DatasetStore cache;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    int hashed;
    int cached;

    ContentHashes(DatasetStore cache) {
        this.cache = cache;
    }

    /** The raw files of an episode directory: every regular, non-hidden file directly in it, sorted by name. */
    List<FileHash> rawFiles(Path episodeDir) throws IOException {
        List<FileHash> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(episodeDir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                long size = Files.size(f);
                long modified = Files.getLastModifiedTime(f).toMillis();
                String key = f.toAbsolutePath().normalize().toString();
                String sha = cache.cachedHash(key, size, modified).orElse(null);
                if (sha == null) {
                    sha = sha256(f);
                    cache.cacheHash(key, size, modified, sha);
                } else {
                    cached++;
                }
                hashed++;
                out.add(new FileHash(f.getFileName().toString(), size, sha));
            }
        }
        return out;
    }

    /** Every regular file under {@code dir} except {@code skip} (relative, '/'-separated), sorted; not cached. */
    List<FileHash> tree(Path dir, String skip) throws IOException {
        List<FileHash> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!rel.equals(skip)) {
                    out.add(new FileHash(rel, Files.size(f), sha256(f)));
                }
            }
        }
        return out;
    }

    String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.clear();
            while (ch.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + " to hash it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
