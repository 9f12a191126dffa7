package dev.demoforge.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The running workbench as the tests see it: the e4 model, its services and helpers that spin the display loop.
 * UI thread only.
 */
final class Workbench {

    final Display display;
    final MApplication application;
    final MWindow window;
    final EModelService models;
    final EPartService parts;

    private Workbench(Display display, MApplication application, MWindow window) {
        this.display = display;
        this.application = application;
        this.window = window;
        IEclipseContext context = window.getContext();
        this.models = context.get(EModelService.class);
        this.parts = context.get(EPartService.class);
    }

    /** Finds the workbench (an OSGi service of the e4 runtime) and its main window. */
    static Workbench find() {
        Display display = Display.getCurrent();
        assertNotNull(display, "tests must run on the UI thread (useUIThread=true)");
        IWorkbench workbench = service(IWorkbench.class, Duration.ofSeconds(10));
        MApplication application = workbench.getApplication();
        MWindow window = application.getSelectedElement() != null ? application.getSelectedElement()
                : application.getChildren().get(0);
        return new Workbench(display, application, window);
    }

    static <T> T service(Class<T> type, Duration timeout) {
        BundleContext context = FrameworkUtil.getBundle(Workbench.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeout.toMillis());
            assertNotNull(service, "no " + type.getName() + " service within " + timeout);
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            tracker.close();
        }
    }

    /** Every registered service of a type, now. */
    static <T> List<T> services(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Workbench.class).getBundleContext();
        List<T> found = new ArrayList<>();
        try {
            for (var reference : context.getServiceReferences(type, null)) {
                found.add(context.getService(reference));
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    MPerspective perspective(String id) {
        List<MPerspective> found = models.findElements(window, id, MPerspective.class);
        if (found.isEmpty()) {
            fail("no perspective " + id + " in the model");
        }
        return found.get(0);
    }

    MPerspective activePerspective() {
        return models.getActivePerspective(window);
    }

    /** Switches perspective the way the switcher does, then lets the UI settle. */
    void show(String perspectiveId) {
        parts.switchPerspective(perspective(perspectiveId));
        spin(Duration.ofMillis(300));
    }

    MPart part(String id) {
        MPart part = parts.findPart(id);
        assertNotNull(part, "no part " + id + " in the model");
        assertNotNull(part.getObject(), "part " + id + " was not created");
        assertNotNull(part.getWidget(), "part " + id + " has no widget");
        return part;
    }

    Shell shell() {
        return (Shell) window.getWidget();
    }

    /** Runs the event loop for a while (timers included). */
    void spin(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            dispatchOrPause();
        }
    }

    /** Runs the event loop until the condition holds; returns its last value (null on timeout). */
    <T> T spinUntil(Supplier<T> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        T value = condition.get();
        while (value == null && System.nanoTime() < end) {
            dispatchOrPause();
            value = condition.get();
        }
        return value;
    }

    private void dispatchOrPause() {
        if (!display.readAndDispatch()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Types a key (with modifiers such as {@code SWT.MOD1}) through the OS event queue, as a user would. */
    void press(int modifier, char character) {
        Shell shell = shell();
        shell.forceActive();
        if (display.getFocusControl() == null && parts.getActivePart() != null) {
            parts.activate(parts.getActivePart(), true);
        }
        if (display.getFocusControl() == null) {
            shell.forceFocus();
        }
        spin(Duration.ofMillis(100));
        if (modifier != 0) {
            post(SWT.KeyDown, modifier, '\0');
        }
        post(SWT.KeyDown, 0, character);
        post(SWT.KeyUp, 0, character);
        if (modifier != 0) {
            post(SWT.KeyUp, modifier, '\0');
        }
        spin(Duration.ofMillis(300));
    }

    private void post(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        if (!display.post(event)) {
            fail("the display refused a posted key event");
        }
        spin(Duration.ofMillis(20));
    }

    /** The control below a part's widget whose {@code dev.demoforge.control} data is the key. */
    static <T extends Control> T control(Object partWidget, Class<T> type, String key) {
        return descendants((Control) partWidget, type).stream()
                .filter(c -> key.equals(c.getData("dev.demoforge.control"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " '" + key + "' in the part"));
    }

    /** Clicks a button the way SWT reports a click. */
    static void click(Button button) {
        assertTrue(button.isEnabled(), "button '" + button.getText() + "' is disabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Every control of a type below a composite, depth first. */
    static <T extends Control> List<T> descendants(Control root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Control> void collect(Control control, Class<T> type, List<T> found) {
        if (type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, found);
            }
        }
    }
}
