package dev.demoforge.driver.camera.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off between a camera's grab thread and its publishing thread. Overflow policy: drop the
 * oldest frame (a live camera keeps its newest frames; the grab thread never waits), counted in {@link #dropped()}.
 * Thread-safe: one producer, one consumer.
 *
 * @param <T> the frame type
 */
final class FrameHandoff<T> {

    private final int capacity;
    private final ArrayDeque<T> frames;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long dropped;

    FrameHandoff(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.frames = new ArrayDeque<>(capacity);
    }

    /** Adds a frame without blocking; when full, the oldest frame is dropped first. */
    void offer(T frame) {
        lock.lock();
        try {
            if (frames.size() == capacity) {
                frames.pollFirst();
                dropped++;
            }
            frames.addLast(frame);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest frame, waiting up to {@code timeoutMillis}; null if none came. */
    T poll(long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (frames.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return frames.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Frames dropped because the consumer fell behind. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            frames.clear();
        } finally {
            lock.unlock();
        }
    }
}
