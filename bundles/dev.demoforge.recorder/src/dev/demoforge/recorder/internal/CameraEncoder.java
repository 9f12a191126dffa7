package dev.demoforge.recorder.internal;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;

import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.Sample;
import dev.demoforge.media.EncoderSettings;
import dev.demoforge.media.MediaException;
import dev.demoforge.media.VideoEncoder;

/**
 * Encodes one camera's frames on a thread of its own ("rec-enc-&lt;topic&gt;") into a fragmented MP4, and hands a
 * frame reference (index in the MP4 + the frame's times) to the MCAP writer for every frame encoded. Frames whose
 * size differs from the declared one are counted as drops. Until the {@link CameraStartGate} admits a frame, frames
 * are counted as pre-roll and not encoded (MP4 frame 0 is the first admitted one, so frame refs index MP4 frames);
 * after that each frame costs one boolean test more.
 */
final class CameraEncoder implements Runnable {

    /** A frame that reached the MP4: its index and the sample it came from. */
    record FrameRef(StreamQueue stream, long index, Sample sample) {
    }

    private final StreamQueue stream;
    private final Path file;
    private final BlockingQueue<FrameRef> refs;
    private final Runnable wakeWriter;
    private final RecorderFailure failure;
    private final CameraStartGate gate;
    private volatile boolean stopping;

    CameraEncoder(StreamQueue stream, Path file, BlockingQueue<FrameRef> refs, Runnable wakeWriter,
            RecorderFailure failure, CameraStartGate gate) {
        this.stream = stream;
        this.gate = gate;
        this.file = file;
        this.refs = refs;
        this.wakeWriter = wakeWriter;
        this.failure = failure;
    }

    /** Asks the thread to finish: it drains what is queued, closes the MP4 and ends. */
    void finish() {
        stopping = true;
    }

    @Override
    public void run() {
        int width = stream.stream.spec().imageWidth();
        int height = stream.stream.spec().imageHeight();
        int fps = (int) Math.round(stream.stream.spec().nominalRateHz());
        boolean started = false;
        try (VideoEncoder encoder = VideoEncoder.open(file, width, height, fps, EncoderSettings.capture())) {
            while (!failure.failed()) {
                Sample sample = stream.poll(20);
                if (sample == null) {
                    if (stopping) {
                        break;
                    }
                    continue;
                }
                if (!(sample instanceof ImageSample image) || image.width() != width || image.height() != height) {
                    stream.drops.incrementAndGet();
                    continue;
                }
                if (!started) {
                    if (!gate.admits(stream, sample)) {
                        stream.preRoll.incrementAndGet();
                        continue;
                    }
                    started = true;
                }
                long index = encoder.framesWritten();
                encoder.encodeBgr(image.bgr());
                stream.written.incrementAndGet();
                refs.put(new FrameRef(stream, index, sample));
                wakeWriter.run();
            }
        } catch (MediaException e) {
            failure.fail("encoding " + file.getFileName() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
