package dev.demoforge.export.lerobot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Checks meta/stats.json against statistics the test computes itself from the synthetic data. */
class LeRobotStatsTest {

    @Test
    void vectorStatsMatchTheSyntheticData() throws Exception {
        JsonObject stats = SyntheticExport.json(SyntheticExport.dir().resolve("meta/stats.json"));
        JsonObject state = stats.getAsJsonObject(SyntheticEpisode.STATE);
        assertEquals(List.of("min", "max", "mean", "std", "count", "q01", "q10", "q50", "q90", "q99"),
                List.copyOf(state.keySet()));
        int n = SyntheticExport.total();
        double[] min = new double[6];
        double[] max = new double[6];
        double[] sum = new double[6];
        java.util.Arrays.fill(min, Double.MAX_VALUE);
        java.util.Arrays.fill(max, -Double.MAX_VALUE);
        for (int e = 0; e < 3; e++) {
            SyntheticEpisode ep = new SyntheticEpisode(e, SyntheticExport.LENGTHS[e], "t");
            for (int i = 0; i < SyntheticExport.LENGTHS[e]; i++) {
                float[] r = ep.row(SyntheticEpisode.STATE, i);
                for (int d = 0; d < 6; d++) {
                    min[d] = Math.min(min[d], r[d]);
                    max[d] = Math.max(max[d], r[d]);
                    sum[d] += r[d];
                }
            }
        }
        for (int d = 0; d < 6; d++) {
            assertEquals(min[d], state.getAsJsonArray("min").get(d).getAsDouble(), 0, "min " + d);
            assertEquals(max[d], state.getAsJsonArray("max").get(d).getAsDouble(), 0, "max " + d);
            assertEquals(sum[d] / n, state.getAsJsonArray("mean").get(d).getAsDouble(), 1e-9, "mean " + d);
            double q01 = state.getAsJsonArray("q01").get(d).getAsDouble();
            double q50 = state.getAsJsonArray("q50").get(d).getAsDouble();
            double q99 = state.getAsJsonArray("q99").get(d).getAsDouble();
            assertTrue(min[d] <= q01 && q01 <= q50 && q50 <= q99 && q99 <= max[d], "quantiles ordered " + d);
        }
        assertEquals("[" + n + "]", state.getAsJsonArray("count").toString());
        JsonObject index = stats.getAsJsonObject("index");
        assertEquals("[0]", index.getAsJsonArray("min").toString());
        assertEquals("[" + (n - 1) + "]", index.getAsJsonArray("max").toString());
        assertEquals((n - 1) / 2.0, index.getAsJsonArray("mean").get(0).getAsDouble(), 1e-9);
        assertEquals("[1]", stats.getAsJsonObject("task_index").getAsJsonArray("max").toString());
    }

    @Test
    void imageStatsArePerRgbChannelShape311InUnitRange() throws Exception {
        JsonObject scene = SyntheticExport.json(SyntheticExport.dir().resolve("meta/stats.json"))
                .getAsJsonObject(SyntheticEpisode.SCENE);
        JsonArray mean = scene.getAsJsonArray("mean");
        assertEquals(3, mean.size());
        double[] m = new double[3];
        for (int c = 0; c < 3; c++) {
            JsonArray inner = mean.get(c).getAsJsonArray();
            assertEquals(1, inner.size());
            assertEquals(1, inner.get(0).getAsJsonArray().size());
            m[c] = inner.get(0).getAsJsonArray().get(0).getAsDouble();
            assertTrue(m[c] >= 0 && m[c] <= 1, "mean in [0,1]");
        }
        // The background is R 200, G 60..160, B 40/120/200 by episode, so red is brightest and the order is RGB.
        assertEquals(200 / 255.0, m[0], 0.05, "red channel mean");
        assertEquals(110 / 255.0, m[1], 0.05, "green channel mean");
        assertTrue(m[2] < m[0], "blue below red: channel order is RGB");
        assertEquals("[[[1.0]],[[1.0]],[[1.0]]]", scene.getAsJsonArray("max").toString());
        // every episode is shorter than 100 frames or sampled at 100 frames: 90 + 100 + 61
        assertEquals("[251]", scene.getAsJsonArray("count").toString());
    }
}
