/**
 * Video encode, decode, frame-exact seek and probe for camera streams, through JavaCV and the LGPL FFmpeg
 * build embedded in this bundle.
 * <p>
 * Pixels: frames cross this API as packed BGR24 {@code byte[]} of {@code width * height * 3} bytes, row-major,
 * top row first (the layout of {@code dev.demoforge.device.api.ImageSample} and of OpenCV's default). Files are
 * H.264 or AV1 in MP4, {@code yuv420p}, constant frame rate.
 * <p>
 * Time base: frame {@code i} of a file has presentation time {@code i / fps} seconds, exactly; the capture
 * time of each frame on the host clock is kept elsewhere (the episode's MCAP), never in the video.
 * <p>
 * Threads: encoders and decoders are single-threaded objects (one thread at a time) whose calls block while
 * FFmpeg works; different instances may be used from different threads concurrently.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.demoforge.media;
