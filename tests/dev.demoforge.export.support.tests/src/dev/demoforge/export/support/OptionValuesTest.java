package dev.demoforge.export.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.demoforge.export.api.OptionSpec;

/** Option values checked against a schema: defaults, normalisation, and errors naming option, value and rule. */
class OptionValuesTest {

    static final List<OptionSpec> SPECS = List.of(
            new OptionSpec("codec", "Codec", OptionSpec.CHOICE, "jpeg", List.of("jpeg", "png")),
            new OptionSpec("quality", "Quality", OptionSpec.INT, "90", List.of()),
            new OptionSpec("sim", "Simulation", OptionSpec.BOOL, "false", List.of()),
            new OptionSpec("valid", "Validation share", OptionSpec.STRING, "0.1", List.of()),
            new OptionSpec("name", "Name", OptionSpec.STRING, "data", List.of()));

    static OptionValues values(Map<String, String> v) {
        return new OptionValues("test", SPECS, v);
    }

    static void refused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void missingKeysTakeTheirDefaults() {
        OptionValues o = values(null);
        assertEquals("jpeg", o.choice("codec"));
        assertEquals(90, o.integer("quality", 1, 100));
        assertFalse(o.bool("sim"));
        assertEquals(0.1, o.fraction("valid"));
        assertEquals("data", o.string("name"));
    }

    @Test
    void valuesAreTrimmedAndChoicesAndBooleansIgnoreCase() {
        OptionValues o = values(Map.of("codec", " PNG ", "quality", " 7", "sim", "True", "name", " x y "));
        assertEquals("png", o.choice("codec"));
        assertEquals(7, o.integer("quality", 1, 100));
        assertTrue(o.bool("sim"));
        assertEquals("x y", o.string("name"));
    }

    @Test
    void anUndeclaredKeyIsRefusedListingTheOptions() {
        refused("unknown test export option 'colour'; options: [codec, quality, sim, valid, name]",
                () -> values(Map.of("colour", "red")));
    }

    @Test
    void badValuesAreRefusedNamingOptionValueAndRule() {
        refused("test export option codec='gif' is not one of [jpeg, png]",
                () -> values(Map.of("codec", "gif")).choice("codec"));
        refused("test export option quality='0' must be a whole number from 1 to 100",
                () -> values(Map.of("quality", "0")).integer("quality", 1, 100));
        refused("test export option quality='high' must be a whole number from 1 to 100",
                () -> values(Map.of("quality", "high")).integer("quality", 1, 100));
        refused("test export option sim='yes' must be true or false", () -> values(Map.of("sim", "yes")).bool("sim"));
        refused("test export option valid='1' must be a number from 0 (inclusive) to 1 (exclusive)",
                () -> values(Map.of("valid", "1")).fraction("valid"));
        assertEquals("test export option name='a/b' may not contain '/'",
                values(Map.of("name", "a/b")).bad("name", "may not contain '/'").getMessage());
    }

    @Test
    void aNullValueFromAFormMeansTheDefault() {
        Map<String, String> form = new HashMap<>();
        form.put("quality", null);
        assertEquals(90, values(form).integer("quality", 1, 100));
    }
}
