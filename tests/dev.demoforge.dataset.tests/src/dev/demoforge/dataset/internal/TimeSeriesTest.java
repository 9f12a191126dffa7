package dev.demoforge.dataset.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.demoforge.timesync.Quaternions;

/** Interpolation of a recorded stream at a row's time. */
class TimeSeriesTest {

    private static double[] pose(double x, double yawDeg) {
        double half = Math.toRadians(yawDeg) / 2;
        return new double[] {x, 0, 0, Math.sin(half), Math.cos(half)};
    }

    @Test
    void orientationsAreInterpolatedSphericallyAndPositionsLinearly() {
        TimeSeries s = new TimeSeries(Quaternions.groups(List.of("x", "tool.qx", "tool.qy", "tool.qz", "tool.qw")));
        s.add(1_000, pose(0.0, 0));
        s.add(2_000, pose(1.0, 90));
        float[] out = new float[5];
        s.interpolate(1_250, out, 0, 5);
        double[] expected = pose(0.25, 22.5);
        for (int k = 0; k < 5; k++) {
            assertEquals(expected[k], out[k], 1e-6, "element " + k);
        }
        // a linear blend would leave the quaternion short of unit length (0.92 half-way between 0° and 90°)
        s.interpolate(1_500, out, 0, 5);
        double norm = Math.sqrt(out[1] * out[1] + out[2] * out[2] + out[3] * out[3] + out[4] * out[4]);
        assertEquals(1, norm, 1e-6);
        assertEquals(Math.sin(Math.toRadians(22.5)), out[3], 1e-6);
    }

    @Test
    void theShortWayRoundIsTakenWhenTheSignFlips() {
        TimeSeries s = new TimeSeries(new int[] {1});
        double[] b = pose(0, 40);
        s.add(0, pose(0, 20));
        s.add(10, new double[] {0, -b[1], -b[2], -b[3], -b[4]});
        float[] out = new float[5];
        s.interpolate(5, out, 0, 5);
        double[] mid = pose(0, 30);
        assertArrayEquals(new float[] {0, 0, 0, (float) mid[3], (float) mid[4]}, out, 1e-6f);
    }

    @Test
    void samplesOutOfOrderAreLeftOutAndCounted() {
        TimeSeries s = new TimeSeries();
        s.add(10, new double[] {1});
        s.add(10, new double[] {5});
        s.add(5, new double[] {7});
        s.add(20, new double[] {3});
        assertEquals(2, s.size());
        assertEquals(2, s.outOfOrder());
        float[] out = new float[1];
        s.interpolate(15, out, 0, 1);
        assertEquals(2f, out[0]);
        s.interpolate(40, out, 0, 1);
        assertEquals(3f, out[0], "held after the last sample");
    }
}
