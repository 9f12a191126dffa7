/**
 * Cameras through FFmpeg (JavaCV, the LGPL build embedded in {@code dev.demoforge.media}): Video4Linux2 webcams,
 * RTSP/HTTP/UDP/TCP/SRT network cameras, video files and FFmpeg filter graphs, as the driver "camera".
 * <p>
 * {@link dev.demoforge.driver.camera.CameraSettings} reads a device's properties,
 * {@link dev.demoforge.driver.camera.VideoDevices} lists {@code /dev/video*} nodes, and
 * {@link dev.demoforge.driver.camera.CameraProbe} opens a camera once to show what it grants.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.demoforge.driver.camera;
