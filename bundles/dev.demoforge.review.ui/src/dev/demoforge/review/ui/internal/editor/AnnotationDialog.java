package dev.demoforge.review.ui.internal.editor;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.catalog.api.AnnotationKind;

/**
 * Asks for a time-ranged annotation: kind (subtask label or language instruction), text, start and end in episode
 * seconds (prefilled from the mark and the cursor). Enter confirms, Esc cancels. UI thread only.
 */
final class AnnotationDialog {

    /** What the reviewer entered. */
    record Entry(AnnotationKind kind, String text, double start, double end) {
    }

    /** Widget data key values, for tests. */
    static final String TEXT = "annotationText";

    private AnnotationDialog() {
    }

    static void open(Shell parent, double start, double end, java.util.function.Consumer<Entry> entered) {
        Shell shell = new Shell(parent, SWT.APPLICATION_MODAL | SWT.DIALOG_TRIM);
        shell.setText("Annotate a span");
        shell.setLayout(new GridLayout(2, false));
        new Label(shell, SWT.NONE).setText("Kind");
        Combo kind = new Combo(shell, SWT.READ_ONLY);
        kind.setItems("subtask label", "language instruction");
        kind.select(0);
        new Label(shell, SWT.NONE).setText("Text");
        Text text = new Text(shell, SWT.BORDER);
        text.setData(EpisodeEditorPart.CONTROL_KEY, TEXT);
        text.setLayoutData(new GridData(320, SWT.DEFAULT));
        new Label(shell, SWT.NONE).setText("From (s)");
        Text from = new Text(shell, SWT.BORDER);
        from.setText(String.format(Locale.ROOT, "%.3f", start));
        new Label(shell, SWT.NONE).setText("To (s)");
        Text to = new Text(shell, SWT.BORDER);
        to.setText(String.format(Locale.ROOT, "%.3f", end));
        Label problem = new Label(shell, SWT.NONE);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Button ok = new Button(shell, SWT.PUSH);
        ok.setText("Add");
        shell.setDefaultButton(ok);
        ok.addListener(SWT.Selection, e -> {
            try {
                double a = Double.parseDouble(from.getText().strip());
                double b = Double.parseDouble(to.getText().strip());
                if (text.getText().isBlank() || !(a >= 0 && b >= a)) {
                    problem.setText("Needs text and 0 ≤ from ≤ to");
                    return;
                }
                Entry entry = new Entry(kind.getSelectionIndex() == 0 ? AnnotationKind.SUBTASK
                        : AnnotationKind.INSTRUCTION, text.getText().strip(), a, b);
                shell.dispose();
                entered.accept(entry);
            } catch (NumberFormatException x) {
                problem.setText("From and to are seconds, e.g. 1.25");
            }
        });
        shell.pack();
        shell.open();
        text.setFocus();
    }
}
