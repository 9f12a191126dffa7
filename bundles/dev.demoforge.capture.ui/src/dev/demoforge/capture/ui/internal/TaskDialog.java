package dev.demoforge.capture.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.TaskSpec;
import dev.demoforge.quality.api.QualityCheck;

/**
 * The task specification editor: name, instruction, success criterion (a registered quality check with its
 * parameters as JSON), time limit, reset time, target, seed, and the scene factors, one per line as
 * {@code name | prompt with {0} | level, level, ...}. OK stays disabled while an entry is invalid; the reason is
 * shown. Modal; UI thread.
 */
final class TaskDialog {

    private final Shell shell;
    private final Messages messages;
    private final TaskSpec original;
    private Text name;
    private Text instruction;
    private Combo check;
    private Text params;
    private Text timeLimit;
    private Text reset;
    private Text target;
    private Text seed;
    private Text factors;
    private Label problem;
    private Button ok;
    private TaskSpec result;

    private TaskDialog(Shell parent, Messages messages, TaskSpec original) {
        this.shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL | SWT.RESIZE);
        this.messages = messages;
        this.original = original;
    }

    /** Opens the editor on a task (null: a new one) and returns the edited task, empty when cancelled. */
    static Optional<TaskSpec> open(Shell parent, Messages messages, TaskSpec task) {
        TaskDialog dialog = new TaskDialog(parent, messages, task);
        dialog.create();
        Display display = parent.getDisplay();
        while (!dialog.shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        return Optional.ofNullable(dialog.result);
    }

    private void create() {
        shell.setText(original == null ? messages.taskNew : messages.taskEdit);
        shell.setLayout(new GridLayout(2, false));
        TaskSpec t = original;
        name = field(messages.taskName, t == null ? "" : t.name(), SWT.SINGLE);
        instruction = field(messages.taskInstruction, t == null ? "" : t.instruction(), SWT.MULTI | SWT.WRAP);
        new Label(shell, SWT.NONE).setText(messages.taskCheck);
        check = new Combo(shell, SWT.DROP_DOWN);
        check.setItems(checkIds());
        check.setText(t == null ? "success" : t.successCheck());
        check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        check.addModifyListener(e -> validate());
        params = field(messages.taskParams, t == null ? "{}" : t.successParams(), SWT.SINGLE);
        timeLimit = field(messages.taskTimeLimit, t == null ? "60" : number(t.timeLimitSeconds()), SWT.SINGLE);
        reset = field(messages.taskReset, t == null ? "10" : number(t.resetSeconds()), SWT.SINGLE);
        target = field(messages.taskTarget, t == null ? "10" : Integer.toString(t.targetEpisodes()), SWT.SINGLE);
        seed = field(messages.taskSeed, t == null ? "1" : Long.toString(t.seed()), SWT.SINGLE);
        factors = field(messages.taskFactors, t == null ? "" : t.factors().stream().map(f -> f.name() + " | "
                + f.prompt() + " | " + String.join(", ", f.levels())).collect(Collectors.joining("\n")),
                SWT.MULTI | SWT.V_SCROLL);
        ((GridData) factors.getLayoutData()).heightHint = 90;
        problem = new Label(shell, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        ok = new Button(shell, SWT.PUSH);
        ok.setText(messages.taskOk);
        ok.addListener(SWT.Selection, e -> {
            result = parse();
            shell.close();
        });
        Button cancel = new Button(shell, SWT.PUSH);
        cancel.setText(messages.taskCancel);
        cancel.addListener(SWT.Selection, e -> shell.close());
        shell.setDefaultButton(ok);
        validate();
        shell.setSize(640, 560);
        shell.open();
    }

    private Text field(String title, String value, int style) {
        new Label(shell, SWT.NONE).setText(title);
        Text text = new Text(shell, SWT.BORDER | style);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, (style & SWT.MULTI) != 0 ? SWT.FILL : SWT.CENTER, true,
                (style & SWT.MULTI) != 0));
        text.addModifyListener(e -> validate());
        return text;
    }

    private void validate() {
        if (ok == null) {
            return;
        }
        try {
            parse();
            problem.setText("");
            ok.setEnabled(true);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            ok.setEnabled(false);
        }
        shell.layout();
    }

    /** The task the fields describe; an {@link IllegalArgumentException} names the bad field. */
    private TaskSpec parse() {
        List<SceneFactor> parsed = new ArrayList<>();
        String[] lines = factors.getText().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\\|", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException("Scene factor line " + (i + 1)
                        + ": expected 'name | prompt | level, level', got '" + lines[i] + "'");
            }
            parsed.add(new SceneFactor(cells[0].strip(), cells[1].strip(), Arrays.stream(cells[2].split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        }
        String json = params.getText().strip();
        if (!json.isEmpty() && !json.startsWith("{")) {
            throw new IllegalArgumentException("Success parameters must be a JSON object, e.g. {\"bin\": {...}}");
        }
        return new TaskSpec(original == null ? null : original.id(), name.getText().strip(), instruction.getText()
                .strip(), check.getText().strip(), json, decimal(timeLimit, messages.taskTimeLimit),
                decimal(reset, messages.taskReset), (int) whole(target, messages.taskTarget), parsed,
                whole(seed, messages.taskSeed));
    }

    private static double decimal(Text text, String field) {
        try {
            return Double.parseDouble(text.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of seconds, not '" + text.getText() + "'");
        }
    }

    private static long whole(Text text, String field) {
        try {
            return Long.parseLong(text.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text.getText() + "'");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    /** Ids of the registered quality checks (the success criteria to pick from). */
    private static String[] checkIds() {
        BundleContext context = FrameworkUtil.getBundle(TaskDialog.class).getBundleContext();
        List<String> ids = new ArrayList<>();
        try {
            for (ServiceReference<QualityCheck> ref : context.getServiceReferences(QualityCheck.class, null)) {
                QualityCheck c = context.getService(ref);
                if (c != null) {
                    ids.add(c.id());
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ids.stream().sorted().toArray(String[]::new);
    }
}
