package dev.demoforge.driver.sim.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import dev.demoforge.driver.sim.SimArmModel;

/**
 * The simulated worlds of this runtime, by id (device property {@code world}, default {@value #DEFAULT_WORLD}), and
 * the bridge from the recorder: when a recording starts (Event Admin topic {@value #STARTED_TOPIC}, properties
 * {@code episode.id} (String) and optionally {@code episode.seed} (Long)) every world begins a trial drawn from that
 * seed, or from a 64-bit FNV-1a hash of the episode id when the seed is absent.
 * <p>
 * Thread-safe; {@link #handleEvent} draws the trial (about a millisecond) and returns.
 */
@Component(service = {SimWorlds.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + SimWorlds.STARTED_TOPIC)
public final class SimWorlds implements EventHandler {

    static final String STARTED_TOPIC = "dev/demoforge/recording/STARTED";
    static final String DEFAULT_WORLD = "default";

    private final ConcurrentMap<String, SimWorld> worlds = new ConcurrentHashMap<>();

    /** The world with this id, created on first use (its scene drawn from the id). */
    SimWorld world(String id) {
        return worlds.computeIfAbsent(id, k -> new SimWorld(k, SimArmModel.DEFAULT, seedOf(k)));
    }

    /** The worlds created so far. */
    List<SimWorld> all() {
        return List.copyOf(worlds.values());
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty("episode.id");
        Object seed = event.getProperty("episode.seed");
        String episodeId = id == null ? null : id.toString();
        long s = seed instanceof Number n ? n.longValue() : seedOf(episodeId == null ? "" : episodeId);
        for (SimWorld w : worlds.values()) {
            w.beginTrial(s, episodeId);
        }
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a stable seed for a text. */
    static long seedOf(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
