package dev.demoforge.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.demoforge.device.api.EventSample;
import dev.demoforge.device.api.ImageSample;
import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;
import dev.demoforge.test.support.CollectingDeviceContext.Received;

/** Checks that a received sample matches its stream's declaration (type, width, image size, finite values). */
final class SampleShapes {

    private SampleShapes() {
    }

    static void check(StreamSpec spec, Received r) {
        String where = "stream '" + spec.name() + "'";
        if (r.sample() == null) {
            assertEquals(StreamKind.CAMERA, spec.kind(), where + ": empty sample");
            return;
        }
        switch (r.sample()) {
            case VectorSample v -> {
                assertTrue(spec.kind() != StreamKind.CAMERA && spec.kind() != StreamKind.EVENT,
                        where + ": vector sample on a " + spec.kind() + " stream");
                assertEquals(spec.width(), v.values().length, where + ": vector width");
                for (double d : v.values()) {
                    assertTrue(Double.isFinite(d), where + ": non-finite value " + d);
                }
            }
            case ImageSample i -> {
                assertEquals(StreamKind.CAMERA, spec.kind(), where + ": image on a " + spec.kind() + " stream");
                assertEquals(spec.imageWidth(), i.width(), where + ": image width");
                assertEquals(spec.imageHeight(), i.height(), where + ": image height");
            }
            case EventSample e -> {
                assertEquals(StreamKind.EVENT, spec.kind(), where + ": event on a " + spec.kind() + " stream");
                assertNotNull(e.text(), where + ": event without text");
            }
        }
    }
}
