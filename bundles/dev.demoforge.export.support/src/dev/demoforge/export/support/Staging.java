package dev.demoforge.export.support;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The staging directory an export writes into: a hidden sibling of the output directory (same filesystem), moved to
 * the output directory in one rename when complete and deleted otherwise. Blocking file I/O; stateless.
 *
 * @since 0.1
 */
public final class Staging {

    private Staging() {
    }

    /** Refuses an output path that exists and is not an empty directory. */
    public static void checkOutput(Path outputDir) throws IOException {
        if (!Files.exists(outputDir)) {
            return;
        }
        if (!Files.isDirectory(outputDir)) {
            throw new IOException("Output path " + outputDir + " exists and is not a directory");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(outputDir)) {
            for (Path p : s) {
                throw new IOException("Output directory " + outputDir + " is not empty (it contains '"
                        + p.getFileName() + "'); choose a new or empty directory");
            }
        }
    }

    /** Creates a fresh staging directory beside {@code outputDir}. */
    public static Path create(Path outputDir) throws IOException {
        Path parent = outputDir.getParent();
        if (parent == null) {
            throw new IOException("Output directory " + outputDir + " has no parent directory to stage in");
        }
        Files.createDirectories(parent);
        return Files.createDirectory(parent.resolve("." + outputDir.getFileName() + ".staging-"
                + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** Moves the complete staging directory to {@code outputDir} (atomically where the filesystem allows). */
    public static void publish(Path staging, Path outputDir) throws IOException {
        checkOutput(outputDir);
        Files.deleteIfExists(outputDir);
        try {
            Files.move(staging, outputDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, outputDir);
        }
    }

    /** Deletes {@code dir} and everything in it; returns false if something could not be deleted. */
    public static boolean deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        boolean ok = true;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    ok = false;
                }
            }
        } catch (IOException e) {
            ok = false;
        }
        return ok;
    }

    /** Total size of the regular files under {@code dir}. */
    public static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
