package dev.demoforge.driver.camera.internal;

import org.osgi.service.component.annotations.Component;

import dev.demoforge.device.api.DeviceConfig;
import dev.demoforge.device.api.DeviceDriver;
import dev.demoforge.device.api.DeviceDriverFactory;

/** Creates {@link CameraDriver}s: V4L2 webcams, RTSP/HTTP/UDP cameras, files and FFmpeg test sources. */
@Component(service = DeviceDriverFactory.class)
public final class CameraFactory implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "camera";
    }

    @Override
    public String label() {
        return "Camera (V4L2, RTSP/HTTP/UDP, file) through FFmpeg";
    }

    @Override
    public DeviceDriver create(DeviceConfig config) {
        return new CameraDriver(config);
    }
}
