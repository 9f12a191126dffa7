package dev.demoforge.device.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StreamSpecTest {

    @Test
    void vectorStreamTakesWidthFromNames() {
        StreamSpec spec = StreamSpec.vector("joints", StreamKind.JOINT_STATE, "rad", 200, List.of("a", "b", "c"));
        assertEquals(3, spec.width());
        assertEquals("float32", spec.dtype().numpyName());
    }

    @Test
    void cameraShapeIsHeightWidthChannels() {
        StreamSpec spec = StreamSpec.camera("scene", 640, 480, 30);
        assertEquals(List.of(480, 640, 3), spec.shape());
        assertEquals(640, spec.imageWidth());
        assertEquals(480, spec.imageHeight());
    }

    @Test
    void rejectsSlashInNameBecauseDatasetsFlattenOnIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamSpec.vector("a/b", StreamKind.WRENCH, "N", 1000, List.of("fx")));
        assertTrue(e.getMessage().contains("a/b"));
    }

    @Test
    void rejectsNonPositiveRate() {
        assertThrows(IllegalArgumentException.class,
                () -> StreamSpec.vector("w", StreamKind.WRENCH, "N", 0, List.of("fx")));
    }

    @Test
    void rejectsElementNameCountDifferentFromWidth() {
        assertThrows(IllegalArgumentException.class, () -> new StreamSpec("w", StreamKind.WRENCH, DType.FLOAT32,
                List.of(6), "N", 1000, List.of("fx")));
    }

    @Test
    void imageSampleChecksBufferSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSample(0, Sample.NO_DEVICE_TIME, null, 4, 4, new byte[10]));
    }
}
