package dev.demoforge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopKeysTest {

    @Test
    void defaultsRoundTripThroughTheStoredForm() {
        assertEquals("SPACE", LoopKeys.DEFAULTS.key(LoopAction.START_STOP));
        assertEquals(LoopKeys.DEFAULTS, LoopKeys.parse(LoopKeys.DEFAULTS.format()));
        assertEquals(LoopKeys.DEFAULTS, LoopKeys.parse(""));
    }

    @Test
    void aPedalKeyReplacesOneActionAndTheOthersKeepTheirDefaults() {
        LoopKeys keys = LoopKeys.parse("start_stop=f12");
        assertEquals("F12", keys.key(LoopAction.START_STOP));
        assertEquals("S", keys.key(LoopAction.SUCCESS));
    }

    @Test
    void badEntriesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopKeys.parse("JUMP=J"));
        assertTrue(e.getMessage().contains("JUMP"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoopKeys.parse("SUCCESS=SPACE"));
        assertTrue(e.getMessage().contains("share a key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoopKeys.parse("SUCCESS"));
        assertTrue(e.getMessage().contains("'SUCCESS'"), e.getMessage());
    }
}
