package dev.demoforge.review.ui.internal.editor;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Shell;

import dev.demoforge.catalog.api.RejectReason;

/**
 * A small list of reject reasons under the editor: a digit (1–6) or Enter chooses, Esc or leaving cancels.
 * UI thread only.
 */
public final class RejectReasonPopup {

    /** Widget data key value of the popup's list, for tests. */
    public static final String CONTROL = "rejectReasons";

    private RejectReasonPopup() {
    }

    /** Opens the popup at the mouse pointer; {@code chosen} gets the reason, or {@code null} when cancelled. */
    public static void open(Shell parent, String title, Consumer<RejectReason> chosen) {
        Shell shell = new Shell(parent, SWT.APPLICATION_MODAL | SWT.TITLE | SWT.BORDER);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        List list = new List(shell, SWT.SINGLE);
        list.setData(EpisodeEditorPart.CONTROL_KEY, CONTROL);
        RejectReason[] reasons = RejectReason.values();
        for (int i = 0; i < reasons.length; i++) {
            list.add((i + 1) + "  " + reasons[i].label());
        }
        list.select(0);
        boolean[] closed = new boolean[1];
        Consumer<RejectReason> choose = reason -> {
            if (!closed[0]) {
                closed[0] = true;
                shell.dispose();
                chosen.accept(reason);
            }
        };
        list.addListener(SWT.KeyDown, e -> {
            if (e.character >= '1' && e.character < '1' + reasons.length) {
                choose.accept(reasons[e.character - '1']);
            } else if (e.character == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                choose.accept(reasons[Math.max(0, list.getSelectionIndex())]);
            } else if (e.keyCode == SWT.ESC) {
                choose.accept(null);
            }
        });
        list.addListener(SWT.DefaultSelection, e -> choose.accept(reasons[Math.max(0, list.getSelectionIndex())]));
        shell.addListener(SWT.Close, e -> choose.accept(null));
        shell.pack();
        shell.setLocation(parent.getDisplay().getCursorLocation());
        shell.open();
        list.setFocus();
    }
}
