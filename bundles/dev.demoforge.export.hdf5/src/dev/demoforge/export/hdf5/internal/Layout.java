package dev.demoforge.export.hdf5.internal;

/**
 * How a dataset is stored: gzip (deflate) level, 0 for none, and whether frame datasets are chunked one frame per
 * chunk. Compression needs chunks, so {@code gzip > 0} implies chunked frames; whole-episode vector datasets are one
 * chunk when compressed and contiguous otherwise.
 *
 * @param gzip    deflate level 0-9, 0 = no filter
 * @param chunked frame datasets chunked {@code (1, *frame)} (ALOHA's layout) rather than contiguous
 */
record Layout(int gzip, boolean chunked) {

    /** Contiguous, no filter. */
    static final Layout CONTIGUOUS = new Layout(0, false);

    Layout {
        if (gzip < 0 || gzip > 9) {
            throw new IllegalArgumentException("gzip level must be 0-9, got " + gzip);
        }
    }

    /** Whether frame datasets get chunks. */
    boolean frameChunks() {
        return chunked || gzip > 0;
    }
}
