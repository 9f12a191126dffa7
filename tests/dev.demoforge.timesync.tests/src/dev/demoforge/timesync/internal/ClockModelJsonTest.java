package dev.demoforge.timesync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.demoforge.timesync.ClockModel;

/** The clock model as stored with episodes and datasets. */
class ClockModelJsonTest {

    @Test
    void aModelWithAStepSurvivesTheRoundTripAndMapsTheSame() {
        long stepAt = Crafted.T0 + 6_000_000_000L;
        Crafted c = Crafted.generate(21, 200, 12, 123_456_789L, 33.3, 20_000,
                Crafted.exponential(200_000, 500_000, 3_000_000), t -> t >= stepAt ? 40_000_000L : 0);
        ClockModel m = c.estimate(200_000);
        ClockModel back = ClockModel.fromJson(m.toJson());
        assertEquals(m, back);
        for (int i = 0; i < c.n; i += 97) {
            assertEquals(m.captureNanos(c.device[i], c.host[i]), back.captureNanos(c.device[i], c.host[i]));
        }
        assertTrue(m.toJson().contains("\"drift_ppm\""), m.toJson());
    }

    @Test
    void aMissingFieldIsNamed() {
        Crafted c = Crafted.generate(22, 100, 3, 0, 0, Crafted.constant(0));
        String json = c.estimate(0).toJson().replace("\"offset_ns\":", "\"offset\":");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClockModel.fromJson(json));
        assertTrue(e.getMessage().contains("segments[0].offset_ns"), e.getMessage());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> ClockModel.fromJson("[1,2]"));
        assertTrue(notJson.getMessage().contains("not an object"), notJson.getMessage());
    }
}
