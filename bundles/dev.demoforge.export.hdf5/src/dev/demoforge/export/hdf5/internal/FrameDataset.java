package dev.demoforge.export.hdf5.internal;

import java.io.IOException;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;

/**
 * A uint8 dataset {@code (rows, *frameDims)} written frame by frame through a one-frame hyperslab: memory is one
 * frame whatever the number of rows. Chunked one frame per chunk when the layout asks, so a chunk is complete (and
 * compressed, and evicted from HDF5's chunk cache) as soon as its frame is written. One thread.
 */
final class FrameDataset implements AutoCloseable {

    private final Hdf5File owner;
    private final String path;
    private final long rows;
    private final int frameBytes;
    private final long[] start;
    private final long[] count;
    private long dset;
    private long fileSpace;
    private long memSpace;

    private FrameDataset(Hdf5File owner, String path, long rows, long[] frameDims) {
        this.owner = owner;
        this.path = path;
        this.rows = rows;
        long bytes = 1;
        for (long d : frameDims) {
            bytes *= d;
        }
        this.frameBytes = Math.toIntExact(bytes);
        this.start = new long[frameDims.length + 1];
        this.count = new long[frameDims.length + 1];
        count[0] = 1;
        System.arraycopy(frameDims, 0, count, 1, frameDims.length);
    }

    static FrameDataset create(Hdf5File owner, long fid, String path, long rows, long[] frameDims, Layout layout)
            throws IOException {
        FrameDataset d = new FrameDataset(owner, path, rows, frameDims);
        long[] dims = new long[frameDims.length + 1];
        dims[0] = rows;
        System.arraycopy(frameDims, 0, dims, 1, frameDims.length);
        long dcpl = -1;
        try {
            d.fileSpace = H5.H5Screate_simple(dims.length, dims, null);
            d.memSpace = H5.H5Screate_simple(d.count.length, d.count.clone(), null);
            dcpl = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
            H5.H5Pset_obj_track_times(dcpl, false);
            if (layout.frameChunks()) {
                H5.H5Pset_chunk(dcpl, d.count.length, d.count.clone());
                if (layout.gzip() > 0) {
                    H5.H5Pset_deflate(dcpl, layout.gzip());
                }
            }
            d.dset = H5.H5Dcreate(fid, path, HDF5Constants.H5T_STD_U8LE, d.fileSpace, HDF5Constants.H5P_DEFAULT,
                    dcpl, HDF5Constants.H5P_DEFAULT);
            return d;
        } catch (HDF5Exception e) {
            d.release();
            throw owner.failure("create", path, e);
        } finally {
            if (dcpl >= 0) {
                H5.H5Pclose(dcpl);
            }
        }
    }

    /** Bytes in one frame. */
    int frameBytes() {
        return frameBytes;
    }

    /** Writes frame {@code row} ({@link #frameBytes()} bytes, C order). */
    void write(long row, byte[] frame) throws IOException {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row " + row + " outside 0.." + (rows - 1) + " of " + path);
        }
        if (frame.length != frameBytes) {
            throw new IllegalArgumentException(path + " frame has " + frame.length + " bytes, expected " + frameBytes);
        }
        start[0] = row;
        try {
            H5.H5Sselect_hyperslab(fileSpace, HDF5Constants.H5S_SELECT_SET, start, null, count, null);
            H5.H5Dwrite(dset, HDF5Constants.H5T_NATIVE_UINT8, memSpace, fileSpace, HDF5Constants.H5P_DEFAULT, frame);
        } catch (HDF5Exception e) {
            throw owner.failure("write frame " + row + " of", path, e);
        }
    }

    @Override
    public void close() throws IOException {
        owner.closed(this);
        try {
            release();
        } catch (HDF5Exception e) {
            throw owner.failure("close", path, e);
        }
    }

    private void release() {
        if (dset > 0) {
            H5.H5Dclose(dset);
        }
        if (memSpace > 0) {
            H5.H5Sclose(memSpace);
        }
        if (fileSpace > 0) {
            H5.H5Sclose(fileSpace);
        }
        dset = -1;
        memSpace = -1;
        fileSpace = -1;
    }
}
