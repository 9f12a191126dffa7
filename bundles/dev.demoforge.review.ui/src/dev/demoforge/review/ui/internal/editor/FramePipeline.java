package dev.demoforge.review.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.demoforge.media.MediaException;
import dev.demoforge.media.VideoDecoder;

/**
 * Decodes the frames of every camera of an episode at the editor's cursor on its own thread ("review-decode"),
 * never on the UI thread. Requests are coalesced: only the newest pending cursor is decoded (older ones are
 * dropped, so scrubbing never queues up work). Decoded frames go into a bounded cache per camera
 * ({@link #CACHE_FRAMES} frames, least recently used evicted); while playing, the thread prefetches the next
 * {@link #PREFETCH_FRAMES} frames of each camera sequentially (cheap: no seek) after serving the cursor.
 * Results are handed to a consumer on the decode thread; it must hop to the UI thread itself.
 */
final class FramePipeline implements AutoCloseable {

    static final int CACHE_FRAMES = 24;
    static final int PREFETCH_FRAMES = 8;

    /** One camera's frame at the cursor, packed BGR24. */
    record Frame(int camera, int index, int width, int height, byte[] bgr) {
    }

    /** The frames for one cursor position, one per camera (a camera that failed is missing). */
    record Frames(double seconds, List<Frame> frames, String problem) {
    }

    private final List<EpisodeView.Camera> cameras;
    private final List<VideoDecoder> decoders = new ArrayList<>();
    private final List<Map<Integer, byte[]>> caches = new ArrayList<>();
    private final AtomicReference<Double> pending = new AtomicReference<>();
    private final Consumer<Frames> consumer;
    private final Thread thread;
    private volatile boolean playing;
    private volatile boolean closed;

    FramePipeline(List<EpisodeView.Camera> cameras, Consumer<Frames> consumer) {
        this.cameras = List.copyOf(cameras);
        this.consumer = consumer;
        for (int i = 0; i < cameras.size(); i++) {
            caches.add(new LinkedHashMap<>(CACHE_FRAMES * 2, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                    return size() > CACHE_FRAMES;
                }
            });
        }
        thread = new Thread(this::run, "review-decode");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for the frames at an instant; replaces any request not yet started. Any thread. */
    void request(double seconds) {
        pending.set(seconds);
        synchronized (pending) {
            pending.notifyAll();
        }
    }

    void playing(boolean on) {
        playing = on;
    }

    private void run() {
        String opening = open();
        double last = -1;
        while (!closed) {
            Double next = pending.getAndSet(null);
            if (next == null) {
                if (playing && last >= 0 && opening == null) {
                    prefetch(last);
                }
                synchronized (pending) {
                    if (pending.get() == null && !closed) {
                        try {
                            pending.wait(playing ? 5 : 200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                continue;
            }
            last = next;
            consumer.accept(opening != null ? new Frames(next, List.of(), opening) : decode(next));
        }
        closeDecoders();
    }

    private String open() {
        try {
            for (EpisodeView.Camera camera : cameras) {
                decoders.add(VideoDecoder.open(camera.video()));
            }
            return null;
        } catch (MediaException e) {
            return e.getMessage();
        }
    }

    private Frames decode(double seconds) {
        List<Frame> frames = new ArrayList<>();
        String problem = null;
        for (int c = 0; c < cameras.size(); c++) {
            int index = cameras.get(c).frameAt(seconds);
            try {
                byte[] bgr = frame(c, index);
                VideoDecoder decoder = decoders.get(c);
                frames.add(new Frame(c, index, decoder.info().width(), decoder.info().height(), bgr));
            } catch (MediaException e) {
                problem = e.getMessage();
            }
        }
        return new Frames(seconds, frames, problem);
    }

    private byte[] frame(int camera, int index) throws MediaException {
        Map<Integer, byte[]> cache = caches.get(camera);
        byte[] cached = cache.get(index);
        if (cached != null) {
            return cached;
        }
        VideoDecoder decoder = decoders.get(camera);
        byte[] bgr = index == decoder.nextIndex() ? decoder.nextBgr() : decoder.frameBgr(index);
        if (bgr == null) {
            throw new MediaException("Frame " + index + " of " + decoder.file() + " could not be decoded");
        }
        cache.put(index, bgr);
        return bgr;
    }

    /** Decodes the next frame after the cursor that is not cached yet, one camera at a time; stops at a request. */
    private void prefetch(double seconds) {
        for (int c = 0; c < cameras.size() && pending.get() == null; c++) {
            int at = cameras.get(c).frameAt(seconds);
            int last = Math.min(cameras.get(c).frameSeconds().length - 1, at + PREFETCH_FRAMES);
            for (int i = at + 1; i <= last; i++) {
                if (!caches.get(c).containsKey(i)) {
                    try {
                        frame(c, i);
                    } catch (MediaException e) {
                        return;
                    }
                    return;
                }
            }
        }
    }

    private void closeDecoders() {
        for (VideoDecoder decoder : decoders) {
            try {
                decoder.close();
            } catch (MediaException e) {
                System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING, e.getMessage(), e);
            }
        }
    }

    /** Stops the thread (it closes the decoders); returns at once. */
    @Override
    public void close() {
        closed = true;
        synchronized (pending) {
            pending.notifyAll();
        }
    }
}
