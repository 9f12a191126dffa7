package dev.demoforge.ui;

/**
 * Event topics of the workbench, posted through the e4 {@code IEventBroker} (which rides on OSGi EventAdmin).
 * <p>
 * Threading: post from any thread; subscribers that touch SWT use {@code @UIEventTopic}.
 *
 * @since 0.1
 */
public final class UiEvents {

    /** A one-line message for the status line; the event data is the text (String). */
    public static final String STATUS = "dev/demoforge/ui/STATUS";

    /** The catalog changed (an episode was added or reviewed); the event data is the episode id (String). */
    public static final String CATALOG_CHANGED = "dev/demoforge/ui/CATALOG_CHANGED";

    private UiEvents() {
    }
}
