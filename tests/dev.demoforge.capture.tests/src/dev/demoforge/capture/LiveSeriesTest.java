package dev.demoforge.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.demoforge.device.api.StreamKind;
import dev.demoforge.device.api.StreamSpec;
import dev.demoforge.device.api.VectorSample;

class LiveSeriesTest {

    static final StreamSpec JOINTS = StreamSpec.vector("joints", StreamKind.JOINT_STATE, "rad", 1000,
            List.of("j1", "j2"));

    @Test
    void keepsTheNewestWindowDecimatedToTheMinimumInterval() {
        LiveSeries series = new LiveSeries(100, 5_000_000);
        long t0 = 1_000_000_000L;
        for (int i = 0; i < 1000; i++) {
            series.onSample("arm", JOINTS, new VectorSample(t0 + i * 1_000_000L, 0, "c", new double[] { i, -i }));
        }
        long now = t0 + 999_000_000L;
        LiveSeries.Window all = series.window("/arm/joints", now, 10_000_000_000L);
        assertEquals(99, all.seconds().length, "the ring shows its capacity less the slot being written");
        assertEquals(995, all.values()[0][98], "the newest kept sample (every 5th of 1 kHz)");
        assertEquals(505, all.values()[0][0]);
        assertEquals(-995, all.values()[1][98]);
        LiveSeries.Window recent = series.window("/arm/joints", now, 100_000_000L);
        assertEquals(20, recent.seconds().length, "the last 0.1 s at 200 Hz");
        assertTrue(recent.seconds()[0] >= -0.1 && recent.seconds()[recent.seconds().length - 1] <= 0, java.util.Arrays.toString(recent.seconds()));
        assertNull(series.window("/arm/none", now, 1));
        assertEquals(List.of("/arm/joints"), series.topics());
    }

    @Test
    void aReaderCopyingWhileTheDriverWritesSeesOnlyWholeSamplesInOrder() throws InterruptedException {
        LiveSeries series = new LiveSeries(64, 0);
        AtomicBoolean stop = new AtomicBoolean();
        Thread driver = new Thread(() -> {
            for (long i = 1; !stop.get(); i++) {
                series.onSample("arm", JOINTS, new VectorSample(i, 0, "c", new double[] { i, i }));
            }
        });
        driver.start();
        int copies = 0;
        try {
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                LiveSeries.Window w = series.window("/arm/joints", Long.MAX_VALUE / 2, Long.MAX_VALUE);
                if (w == null || w.seconds().length == 0) {
                    continue;
                }
                copies++;
                double[] a = w.values()[0];
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], w.values()[1][i], "a torn sample");
                    if (i > 0) {
                        assertTrue(a[i] > a[i - 1], "out of order: " + a[i - 1] + " then " + a[i]);
                    }
                }
            }
        } finally {
            stop.set(true);
            driver.join();
        }
        assertTrue(copies > 100, "only " + copies + " windows copied");
        assertArrayEquals(new String[] { "/arm/joints" }, series.topics().toArray());
    }
}
