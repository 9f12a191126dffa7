package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;

/**
 * Non-character keys (arrows, Page Down, Enter) typed through the OS event queue, as a user would. Enter goes as
 * key code {@code SWT.CR} (GTK maps it to Return; as a bare character it has no X key). The window is activated and
 * the loop spun first: X delivers keys to the window that has the input focus. UI thread.
 */
final class Keys {

    private Keys() {
    }

    /** Types a key by key code (e.g. {@code SWT.ARROW_RIGHT}) with an optional modifier, then lets the UI settle. */
    static void type(Workbench workbench, int modifier, int keyCode) {
        workbench.shell().forceActive();
        workbench.spin(Duration.ofMillis(100));
        if (modifier != 0) {
            post(workbench, SWT.KeyDown, modifier);
        }
        post(workbench, SWT.KeyDown, keyCode);
        post(workbench, SWT.KeyUp, keyCode);
        if (modifier != 0) {
            post(workbench, SWT.KeyUp, modifier);
        }
        workbench.spin(Duration.ofMillis(200));
    }

    /** Types a character into whatever has the focus now (e.g. a popup), without activating the main window. */
    static void character(Workbench workbench, char character) {
        post(workbench, SWT.KeyDown, 0, character);
        post(workbench, SWT.KeyUp, 0, character);
        workbench.spin(Duration.ofMillis(200));
    }

    private static void post(Workbench workbench, int type, int keyCode) {
        post(workbench, type, keyCode, keyCode == SWT.CR ? SWT.CR : '\0');
    }

    private static void post(Workbench workbench, int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        if (!workbench.display.post(event)) {
            fail("the display refused a posted key event");
        }
        workbench.spin(Duration.ofMillis(20));
    }
}
