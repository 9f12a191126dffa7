package dev.demoforge.export.hdf5.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.hdf5.hdf5_java;
import org.bytedeco.javacpp.Loader;

import hdf.hdf5lib.H5;

/**
 * Loads the HDF Group's HDF5 library and its JNI layer (embedded in {@code dev.demoforge.media}, unpacked by JavaCPP)
 * before any {@code hdf.hdf5lib} class is touched, and checks that the library answering is the embedded 1.14.3.
 * <p>
 * {@code HDF5Constants}' static initialiser calls native code, so without {@link #ensureLoaded()} first it fails
 * with {@code UnsatisfiedLinkError: H5E_ID}. {@code H5} itself would {@code System.loadLibrary("hdf5_java")}, which
 * on a JVM whose library path holds a distribution's {@code libhdf5_java.so} (Debian's OpenJDK: HDF5 1.10) binds the
 * wrong library; pointing {@code hdf.hdf5lib.H5.hdf5lib} at the file JavaCPP unpacked prevents that, and the version
 * check catches any other mix-up. Thread-safe; the first call blocks while the natives are unpacked.
 */
final class Hdf5Native {

    /** The HDF5 release the exporters are built and tested against. */
    static final String EXPECTED_VERSION = "1.14.3";

    private static String version;

    private Hdf5Native() {
    }

    /** Loads the library once; returns its version ({@code "1.14.3"}). */
    static synchronized String ensureLoaded() throws IOException {
        if (version != null) {
            return version;
        }
        String jni;
        try {
            jni = Loader.load(hdf5_java.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IOException("Cannot load the embedded HDF5 native library (org.bytedeco:hdf5 for "
                    + Loader.getPlatform() + "): " + e, e);
        }
        if (jni != null && System.getProperty("hdf.hdf5lib.H5.hdf5lib") == null) {
            Path lib = Path.of(jni).resolveSibling(System.mapLibraryName("hdf5_java"));
            if (Files.isRegularFile(lib)) {
                System.setProperty("hdf.hdf5lib.H5.hdf5lib", lib.toString());
            }
        }
        int[] v = new int[3];
        try {
            H5.H5get_libversion(v);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IOException("The HDF5 Java layer did not start (loaded " + jni + "): " + e, e);
        }
        String found = v[0] + "." + v[1] + "." + v[2];
        if (!found.equals(EXPECTED_VERSION)) {
            throw new IOException("HDF5 library " + found + " answered, expected the embedded " + EXPECTED_VERSION
                    + " (another libhdf5_java on java.library.path? " + System.getProperty("java.library.path")
                    + ")");
        }
        version = found;
        return version;
    }
}
