package dev.demoforge.export.hdf5.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;

/**
 * One HDF5 file being written, through the HDF Group's Java API, with the few object kinds the exporters need, laid
 * out as h5py lays them out: little-endian float32/int64/uint8 datasets, bools as h5py's {@code FALSE/TRUE} enum over
 * int8, strings as variable-length UTF-8 scalars (attributes) or fixed-length NUL-padded ASCII (numpy {@code 'S'}
 * datasets). The file uses the library's earliest format (readable by HDF5 1.8 and later). Objects carry no
 * creation/modification times (h5py's default {@code track_times=False}), so equal inputs give byte-identical files.
 * <p>
 * Paths are absolute HDF5 paths ({@code "/observations/qpos"}); parent groups must exist. Every failure becomes an
 * {@link IOException} naming the file and the object. One thread at a time (the HDF5 Java API serialises calls
 * anyway).
 */
final class Hdf5File implements AutoCloseable {

    private final Path file;
    private final List<FrameDataset> open = new ArrayList<>();
    private long fid;

    private Hdf5File(Path file, long fid) {
        this.file = file;
        this.fid = fid;
    }

    /** Creates {@code file}; fails if it exists. */
    static Hdf5File create(Path file) throws IOException {
        Hdf5Native.ensureLoaded();
        try {
            return new Hdf5File(file, H5.H5Fcreate(file.toString(), HDF5Constants.H5F_ACC_EXCL,
                    HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
        } catch (HDF5Exception e) {
            throw new IOException("Cannot create HDF5 file " + file + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return file;
    }

    /** Creates a group. */
    void group(String path) throws IOException {
        long gcpl = -1;
        try {
            gcpl = H5.H5Pcreate(HDF5Constants.H5P_GROUP_CREATE);
            H5.H5Pset_obj_track_times(gcpl, false);
            H5.H5Gclose(H5.H5Gcreate(fid, path, HDF5Constants.H5P_DEFAULT, gcpl, HDF5Constants.H5P_DEFAULT));
        } catch (HDF5Exception e) {
            throw failure("create group", path, e);
        } finally {
            if (gcpl >= 0) {
                try {
                    H5.H5Pclose(gcpl);
                } catch (HDF5Exception e) {
                    System.getLogger(Hdf5File.class.getName()).log(System.Logger.Level.WARNING, "H5Pclose", e);
                }
            }
        }
    }

    /** A scalar bool attribute, as h5py writes {@code attrs[name] = True}: enum {FALSE=0, TRUE=1} over int8. */
    void attrBool(String object, String name, boolean value) throws IOException {
        long type = -1;
        try {
            type = H5.H5Tenum_create(HDF5Constants.H5T_NATIVE_INT8);
            H5.H5Tenum_insert(type, "FALSE", new byte[] {0});
            H5.H5Tenum_insert(type, "TRUE", new byte[] {1});
            writeAttr(object, name, type, new long[0], type, new byte[] {(byte) (value ? 1 : 0)});
        } catch (HDF5Exception e) {
            throw failure("write attribute " + name + " of", object, e);
        } finally {
            closeType(type);
        }
    }

    /** A scalar int64 attribute. */
    void attrLong(String object, String name, long value) throws IOException {
        writeAttr(object, name, HDF5Constants.H5T_STD_I64LE, new long[0], HDF5Constants.H5T_NATIVE_INT64,
                new long[] {value});
    }

    /** A 1-D float32 attribute. */
    void attrFloats(String object, String name, float[] values) throws IOException {
        writeAttr(object, name, HDF5Constants.H5T_IEEE_F32LE, new long[] {values.length},
                HDF5Constants.H5T_NATIVE_FLOAT, values);
    }

    /** A scalar variable-length UTF-8 string attribute, as h5py writes {@code attrs[name] = "text"}. */
    void attrString(String object, String name, String value) throws IOException {
        attrStrings(object, name, new String[] {value}, true);
    }

    /** A 1-D attribute of variable-length UTF-8 strings, as h5py writes {@code attrs[name] = ["a", "b"]}. */
    void attrStrings(String object, String name, List<String> values) throws IOException {
        attrStrings(object, name, values.toArray(String[]::new), false);
    }

    private void attrStrings(String object, String name, String[] values, boolean scalar) throws IOException {
        long type = -1;
        long space = -1;
        long obj = -1;
        long attr = -1;
        try {
            type = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
            H5.H5Tset_size(type, HDF5Constants.H5T_VARIABLE);
            H5.H5Tset_cset(type, HDF5Constants.H5T_CSET_UTF8);
            space = scalar ? H5.H5Screate(HDF5Constants.H5S_SCALAR)
                    : H5.H5Screate_simple(1, new long[] {values.length}, null);
            obj = H5.H5Oopen(fid, object, HDF5Constants.H5P_DEFAULT);
            attr = H5.H5Acreate(obj, name, type, space, HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT);
            H5.H5Awrite_VLStrings(attr, type, values);
        } catch (HDF5Exception e) {
            throw failure("write attribute " + name + " of", object, e);
        } finally {
            close(attr, space, obj, type);
        }
    }

    private void writeAttr(String object, String name, long fileType, long[] dims, long memType, Object data)
            throws IOException {
        long space = -1;
        long obj = -1;
        long attr = -1;
        try {
            space = dims.length == 0 ? H5.H5Screate(HDF5Constants.H5S_SCALAR)
                    : H5.H5Screate_simple(dims.length, dims, null);
            obj = H5.H5Oopen(fid, object, HDF5Constants.H5P_DEFAULT);
            attr = H5.H5Acreate(obj, name, fileType, space, HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT);
            switch (data) {
                case byte[] b -> H5.H5Awrite(attr, memType, b);
                case long[] l -> H5.H5Awrite_long(attr, memType, l);
                case float[] f -> H5.H5Awrite_float(attr, memType, f);
                default -> throw new IllegalArgumentException("attribute data " + data.getClass());
            }
        } catch (HDF5Exception e) {
            throw failure("write attribute " + name + " of", object, e);
        } finally {
            close(attr, space, obj, -1);
        }
    }

    /** A float32 dataset of {@code rows.length x width} (or 1-D of {@code rows.length} when width is 0). */
    void floats(String path, float[][] rows, int width, Layout layout) throws IOException {
        int w = Math.max(1, width);
        float[] flat = new float[rows.length * w];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * w, w);
        }
        long[] dims = width == 0 ? new long[] {rows.length} : new long[] {rows.length, width};
        writeWhole(path, HDF5Constants.H5T_IEEE_F32LE, HDF5Constants.H5T_NATIVE_FLOAT, dims, flat, layout);
    }

    /** A 1-D float32 dataset. */
    void floats(String path, float[] values, Layout layout) throws IOException {
        writeWhole(path, HDF5Constants.H5T_IEEE_F32LE, HDF5Constants.H5T_NATIVE_FLOAT,
                new long[] {values.length}, values, layout);
    }

    /** A 2-D float32 dataset given row-major. */
    void floats(String path, float[] flat, long rows, long cols, Layout layout) throws IOException {
        writeWhole(path, HDF5Constants.H5T_IEEE_F32LE, HDF5Constants.H5T_NATIVE_FLOAT, new long[] {rows, cols},
                flat, layout);
    }

    /** A 1-D int64 dataset. */
    void longs(String path, long[] values, Layout layout) throws IOException {
        writeWhole(path, HDF5Constants.H5T_STD_I64LE, HDF5Constants.H5T_NATIVE_INT64, new long[] {values.length},
                values, layout);
    }

    /** A 1-D dataset of fixed-length, NUL-padded ASCII strings (numpy {@code dtype='S'}), possibly empty. */
    void fixedStrings(String path, List<String> values) throws IOException {
        int size = Math.max(1, values.stream().mapToInt(String::length).max().orElse(1));
        byte[] data = new byte[values.size() * size];
        for (int i = 0; i < values.size(); i++) {
            byte[] b = values.get(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, data, i * size, b.length);
        }
        long type = -1;
        try {
            type = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
            H5.H5Tset_size(type, size);
            H5.H5Tset_strpad(type, HDF5Constants.H5T_STR_NULLPAD);
            writeWhole(path, type, type, new long[] {values.size()}, data, Layout.CONTIGUOUS);
        } catch (HDF5Exception e) {
            throw failure("write", path, e);
        } finally {
            closeType(type);
        }
    }

    private void writeWhole(String path, long fileType, long memType, long[] dims, Object data, Layout layout)
            throws IOException {
        long space = -1;
        long dcpl = -1;
        long dset = -1;
        try {
            space = H5.H5Screate_simple(dims.length, dims, null);
            dcpl = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
            H5.H5Pset_obj_track_times(dcpl, false);
            boolean empty = java.util.Arrays.stream(dims).anyMatch(d -> d == 0);
            if (layout.gzip() > 0 && !empty) {
                H5.H5Pset_chunk(dcpl, dims.length, dims.clone());
                H5.H5Pset_deflate(dcpl, layout.gzip());
            }
            dset = H5.H5Dcreate(fid, path, fileType, space, HDF5Constants.H5P_DEFAULT, dcpl,
                    HDF5Constants.H5P_DEFAULT);
            if (!empty) {
                long all = HDF5Constants.H5S_ALL;
                long xfer = HDF5Constants.H5P_DEFAULT;
                switch (data) {
                    case byte[] b -> H5.H5Dwrite(dset, memType, all, all, xfer, b);
                    case long[] l -> H5.H5Dwrite_long(dset, memType, all, all, xfer, l);
                    case float[] f -> H5.H5Dwrite_float(dset, memType, all, all, xfer, f);
                    default -> throw new IllegalArgumentException("dataset data " + data.getClass());
                }
            }
        } catch (HDF5Exception e) {
            throw failure("write", path, e);
        } finally {
            close(dset, space, -1, -1);
            if (dcpl >= 0) {
                H5.H5Pclose(dcpl);
            }
        }
    }

    /** Reads a whole float32 dataset (row-major). */
    float[] readFloats(String path, int count) throws IOException {
        long dset = -1;
        try {
            dset = H5.H5Dopen(fid, path, HDF5Constants.H5P_DEFAULT);
            float[] out = new float[count];
            H5.H5Dread_float(dset, HDF5Constants.H5T_NATIVE_FLOAT, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL,
                    HDF5Constants.H5P_DEFAULT, out);
            return out;
        } catch (HDF5Exception e) {
            throw failure("read", path, e);
        } finally {
            close(dset, -1, -1, -1);
        }
    }

    /** Overwrites a whole float32 dataset of the same size. */
    void rewriteFloats(String path, float[] values) throws IOException {
        long dset = -1;
        try {
            dset = H5.H5Dopen(fid, path, HDF5Constants.H5P_DEFAULT);
            H5.H5Dwrite_float(dset, HDF5Constants.H5T_NATIVE_FLOAT, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL,
                    HDF5Constants.H5P_DEFAULT, values);
        } catch (HDF5Exception e) {
            throw failure("rewrite", path, e);
        } finally {
            close(dset, -1, -1, -1);
        }
    }

    /**
     * A uint8 dataset of {@code rows} frames of shape {@code frameDims}, written one frame at a time. Chunks are one
     * frame ({@code (1, *frameDims)}) when the layout is chunked or compressed.
     */
    FrameDataset frames(String path, long rows, long[] frameDims, Layout layout) throws IOException {
        FrameDataset d = FrameDataset.create(this, fid, path, rows, frameDims, layout);
        open.add(d);
        return d;
    }

    void closed(FrameDataset d) {
        open.remove(d);
    }

    IOException failure(String what, String path, HDF5Exception e) {
        return new IOException("HDF5: cannot " + what + " '" + path + "' in " + file + ": " + e.getMessage(), e);
    }

    /** Closes open frame datasets and the file; idempotent. */
    @Override
    public void close() throws IOException {
        if (fid < 0) {
            return;
        }
        IOException first = null;
        for (FrameDataset d : List.copyOf(open)) {
            try {
                d.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        try {
            H5.H5Fclose(fid);
        } catch (HDF5Exception e) {
            first = first == null ? failure("close", "/", e) : first;
        } finally {
            fid = -1;
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeType(long type) {
        if (type >= 0) {
            H5.H5Tclose(type);
        }
    }

    private static void close(long attrOrDataset, long space, long object, long type) {
        if (attrOrDataset >= 0) {
            if (H5.H5Iget_type(attrOrDataset) == HDF5Constants.H5I_ATTR) {
                H5.H5Aclose(attrOrDataset);
            } else {
                H5.H5Dclose(attrOrDataset);
            }
        }
        if (space >= 0) {
            H5.H5Sclose(space);
        }
        if (object >= 0) {
            H5.H5Oclose(object);
        }
        closeType(type);
    }
}
