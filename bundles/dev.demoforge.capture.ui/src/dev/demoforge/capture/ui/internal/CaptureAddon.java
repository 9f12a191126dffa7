package dev.demoforge.capture.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;

import dev.demoforge.catalog.api.Catalog;
import dev.demoforge.device.api.StationManager;
import dev.demoforge.episode.api.EpisodeStore;
import dev.demoforge.episode.api.Recorder;
import dev.demoforge.quality.api.QualityService;
import dev.demoforge.ui.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Application add-on of the Capture perspective: owns the {@link CaptureSession}, puts it into the application
 * context for the parts and handlers, feeds it the OSGi services as they come and go, and connects the station
 * named by the system property {@value #STATION_PROPERTY} (default {@code sim}) at startup.
 */
public final class CaptureAddon {

    /** System property naming the station to connect. */
    public static final String STATION_PROPERTY = "demoforge.station";

    private final CaptureSession session;

    @Inject
    public CaptureAddon(IEventBroker events, @Translation Messages messages) {
        session = new CaptureSession(System.getProperty(STATION_PROPERTY, "sim"), Workspace.episodes(), events,
                messages);
    }

    @Inject
    void stationManager(@Optional @Service StationManager manager) {
        session.setStationManager(manager);
    }

    @Inject
    void recorder(@Optional @Service Recorder recorder) {
        session.setRecorder(recorder);
    }

    @Inject
    void catalog(@Optional @Service Catalog catalog) {
        session.setCatalog(catalog);
    }

    @Inject
    void quality(@Optional @Service QualityService quality) {
        session.setQuality(quality);
    }

    @Inject
    void episodeStore(@Optional @Service EpisodeStore store) {
        session.setEpisodeStore(store);
    }

    @PostConstruct
    void start(MApplication application) {
        application.getContext().set(CaptureSession.class, session);
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
        session.close();
    }

    @PreDestroy
    void stop() {
        session.close();
    }
}
