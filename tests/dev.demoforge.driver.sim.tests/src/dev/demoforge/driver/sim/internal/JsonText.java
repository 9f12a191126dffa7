package dev.demoforge.driver.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single fields out of the simulator's JSON events by key (keys are unique in them); test-side parser. */
final class JsonText {

    private JsonText() {
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?[0-9.eE+\\-]+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No number field " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    static long integer(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?[0-9]+)[,}]").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No integer field " + key + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No string field " + key + " in " + json);
        }
        return m.group(1);
    }

    static List<String> all(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\"([^\"]*)\"").matcher(json);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
