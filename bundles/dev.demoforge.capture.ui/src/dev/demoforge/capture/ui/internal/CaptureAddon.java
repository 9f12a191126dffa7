package dev.demoforge.capture.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import java.time.Duration;

import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Preference;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;

import dev.demoforge.capture.EpisodeLoop;
import dev.demoforge.capture.LoopKeys;
import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.catalog.api.tasks.SessionLog;
import dev.demoforge.catalog.api.tasks.TaskCatalog;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.teleop.TeleopService;
import dev.demoforge.ui.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Application add-on of the Capture perspective: owns the {@link CaptureSession} and the episode loop's
 * {@link LoopControl}, puts them into the application context for the parts and handlers, binds the loop keys, feeds it the OSGi services as they come and go, and connects the station
 * named by the system property {@value #STATION_PROPERTY} (default {@code sim}) at startup.
 */
public final class CaptureAddon {

    /** System property naming the station to connect. */
    public static final String STATION_PROPERTY = "demoforge.station";

    /** Preference node and key (instance scope) of the loop keys, e.g. {@code START_STOP=F12;SUCCESS=S;...}. */
    public static final String PREFERENCE_NODE = "dev.demoforge.capture.ui";
    public static final String KEYS_PREFERENCE = "loop.keys";

    /** System property overriding the loop keys preference (same form). */
    public static final String KEYS_PROPERTY = "demoforge.capture.keys";

    /** System properties: the loop's warm-up and countdown, seconds (default 3 and 3). */
    public static final String WARM_UP_PROPERTY = "demoforge.capture.warmup_s";
    public static final String COUNTDOWN_PROPERTY = "demoforge.capture.countdown_s";

    /** System property: serial port of a button box driving the loop (e.g. /dev/ttyACM0), and its baud rate. */
    public static final String SERIAL_PROPERTY = "demoforge.capture.serial";
    public static final String SERIAL_BAUD_PROPERTY = "demoforge.capture.serial_baud";

    private final CaptureSession session;
    private final LoopControl loop;

    @Inject
    public CaptureAddon(IEventBroker events, @Translation Messages messages) {
        session = new CaptureSession(System.getProperty(STATION_PROPERTY, "sim"), Workspace.episodes(), events,
                messages);
        loop = new LoopControl(session, Workspace.episodes(), events, messages, new EpisodeLoop.Timing(
                seconds(WARM_UP_PROPERTY, 3), seconds(COUNTDOWN_PROPERTY, 3)));
    }

    private static Duration seconds(String property, double fallback) {
        String value = System.getProperty(property);
        try {
            return Duration.ofMillis(Math.round(1000 * (value == null ? fallback : Double.parseDouble(value))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + property + " must be seconds, not " + value, e);
        }
    }

    @Inject
    void tasks(@Optional @Service TaskCatalog tasks) {
        loop.setTasks(tasks);
    }

    @Inject
    void sessionLog(@Optional @Service SessionLog log) {
        loop.setLog(log);
    }

    @Inject
    void stationManager(@Optional @Service StationManager manager) {
        session.setStationManager(manager);
    }

    @Inject
    void teleop(@Optional @Service TeleopService teleop) {
        session.setTeleop(teleop);
    }

    @Inject
    void recorder(@Optional @Service Recorder recorder) {
        session.setRecorder(recorder);
    }

    @Inject
    void catalog(@Optional @Service Catalog catalog) {
        session.setCatalog(catalog);
        loop.setCatalog(catalog);
    }

    @Inject
    void quality(@Optional @Service QualityService quality) {
        session.setQuality(quality);
    }

    @Inject
    void episodeStore(@Optional @Service EpisodeStore store) {
        session.setEpisodeStore(store);
        loop.setStore(store);
    }

    @PostConstruct
    void start(MApplication application,
            @Optional @Preference(nodePath = PREFERENCE_NODE, value = KEYS_PREFERENCE) String keysPreference) {
        application.getContext().set(CaptureSession.class, session);
        application.getContext().set(LoopControl.class, loop);
        String configured = System.getProperty(KEYS_PROPERTY, keysPreference);
        LoopKeys keys;
        try {
            keys = LoopKeys.parse(configured);
        } catch (IllegalArgumentException e) {
            System.getLogger(getClass().getName()).log(System.Logger.Level.WARNING,
                    "Ignoring the loop keys '" + configured + "': " + e.getMessage());
            keys = LoopKeys.DEFAULTS;
        }
        LoopKeyBindings.apply(application, keys);
        loop.setKeys(keys);
        String serialPort = System.getProperty(SERIAL_PROPERTY);
        if (serialPort != null && !serialPort.isBlank()) {
            loop.listenToSerialButtons(serialPort, Integer.getInteger(SERIAL_BAUD_PROPERTY, 115200));
        }
        session.connect();
    }

    /** Repeats the session's latest message once the window (and its status line) exists. */
    @Inject
    @Optional
    void started(@EventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object ignored) {
        session.repostMessage();
    }

    @Inject
    @Optional
    void shutdown(@EventTopic(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED) Object ignored) {
        loop.close();
        session.close();
    }

    @PreDestroy
    void stop() {
        loop.close();
        session.close();
    }
}
