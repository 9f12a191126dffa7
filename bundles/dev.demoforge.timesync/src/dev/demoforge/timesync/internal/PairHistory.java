package dev.demoforge.timesync.internal;

/**
 * The most recent (device, host) pairs an estimator saw, oldest first: a ring of fixed capacity for online use, or
 * a view of the caller's arrays when a whole recording is estimated at once. Not thread-safe.
 */
abstract class PairHistory {

    abstract int size();

    abstract long device(int i);

    abstract long host(int i);

    /** Records the pair just added to the estimator (a view of arrays ignores it: the arrays hold it already). */
    abstract void push(long device, long host);

    /** A ring of the last {@code capacity} pairs. */
    static PairHistory ring(int capacity) {
        return new PairHistory() {
            private final long[] d = new long[capacity];
            private final long[] h = new long[capacity];
            private long pushed;

            @Override
            int size() {
                return (int) Math.min(pushed, capacity);
            }

            private int slot(int i) {
                return (int) ((pushed - size() + i) % capacity);
            }

            @Override
            long device(int i) {
                return d[slot(i)];
            }

            @Override
            long host(int i) {
                return h[slot(i)];
            }

            @Override
            void push(long device, long host) {
                int s = (int) (pushed % capacity);
                d[s] = device;
                h[s] = host;
                pushed++;
            }
        };
    }

    /** The pairs of the arrays added so far (one per {@link #push}). */
    static PairHistory of(long[] device, long[] host) {
        return new PairHistory() {
            private int n;

            @Override
            int size() {
                return n;
            }

            @Override
            long device(int i) {
                return device[i];
            }

            @Override
            long host(int i) {
                return host[i];
            }

            @Override
            void push(long d, long h) {
                n++;
            }
        };
    }
}
