package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.demoforge.catalog.api.tasks.SceneFactor;
import dev.demoforge.catalog.api.tasks.TaskSpec;
import dev.demoforge.quality.api.QualityCheck;

/**
 * The task specification editor: name, instruction, success criterion (a registered quality check with its
 * parameters as a JSON object), time limit, reset time, target, seed, and the scene factors, one per line as
 * {@code name | prompt with {0} | level, level, ...}. Every entry is checked as typed: OK stays disabled while one is
 * invalid and the reason, naming the field (and the factor line), is shown. OK hands the task to a save function
 * (a catalog write in a job); the dialog stays open, disabled, until it completes, closes on success and shows the
 * catalog's refusal otherwise. Modal but without a nested event loop; UI thread only. No catalog call is made on
 * the UI thread: name clashes are checked against the task list the caller last read, and again by the catalog.
 *
 * <p>Controls carry {@link RecordPart#CONTROL_KEY} data: the shell {@value #SHELL_KEY}, then {@code task-name},
 * {@code task-instruction}, {@code task-check}, {@code task-params}, {@code task-time-limit}, {@code task-reset},
 * {@code task-target}, {@code task-seed}, {@code task-factors}, {@code task-problem}, {@code task-ok},
 * {@code task-cancel}.
 */
final class TaskDialog {

    /** Control key of the dialog's shell. */
    static final String SHELL_KEY = "task-dialog";

    private final Shell shell;
    private final Messages messages;
    private final TaskSpec original;
    private final List<TaskSpec> known;
    private final Function<TaskSpec, CompletableFuture<TaskSpec>> save;
    private final List<String> checkIds = checkIds();
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
    private boolean saving;

    private TaskDialog(Shell parent, Messages messages, TaskSpec original, List<TaskSpec> known,
            Function<TaskSpec, CompletableFuture<TaskSpec>> save) {
        this.shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL | SWT.RESIZE);
        this.messages = messages;
        this.original = original;
        this.known = List.copyOf(known);
        this.save = save;
    }

    /**
     * Opens the editor on a task (null: a new one) and returns at once. {@code known} are the tasks in the catalog
     * as last read (for the name check); {@code save} stores the edited task off the UI thread, completing with the
     * stored task or exceptionally with the catalog's reason.
     */
    static Shell open(Shell parent, Messages messages, TaskSpec task, List<TaskSpec> known,
            Function<TaskSpec, CompletableFuture<TaskSpec>> save) {
        TaskDialog dialog = new TaskDialog(parent, messages, task, known, save);
        dialog.create();
        return dialog.shell;
    }

    private void create() {
        shell.setText(original == null ? messages.taskNew : messages.taskEdit);
        shell.setData(RecordPart.CONTROL_KEY, SHELL_KEY);
        shell.setLayout(new GridLayout(2, false));
        TaskSpec t = original;
        name = field("task-name", messages.taskName, t == null ? "" : t.name(), SWT.SINGLE);
        instruction = field("task-instruction", messages.taskInstruction, t == null ? "" : t.instruction(),
                SWT.MULTI | SWT.WRAP);
        ((GridData) instruction.getLayoutData()).heightHint = 50;
        new Label(shell, SWT.NONE).setText(messages.taskCheck);
        check = new Combo(shell, SWT.DROP_DOWN);
        check.setData(RecordPart.CONTROL_KEY, "task-check");
        check.setItems(checkIds.toArray(String[]::new));
        check.setText(t == null ? "success" : t.successCheck());
        check.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        check.addModifyListener(e -> validate());
        params = field("task-params", messages.taskParams, t == null ? "{}" : t.successParams(), SWT.SINGLE);
        timeLimit = field("task-time-limit", messages.taskTimeLimit, t == null ? "60" : number(t.timeLimitSeconds()),
                SWT.SINGLE);
        reset = field("task-reset", messages.taskReset, t == null ? "10" : number(t.resetSeconds()), SWT.SINGLE);
        target = field("task-target", messages.taskTarget, t == null ? "10" : Integer.toString(t.targetEpisodes()),
                SWT.SINGLE);
        seed = field("task-seed", messages.taskSeed, t == null ? "1" : Long.toString(t.seed()), SWT.SINGLE);
        factors = field("task-factors", messages.taskFactors, t == null ? "" : t.factors().stream().map(f -> f.name()
                + " | " + f.prompt() + " | " + String.join(", ", f.levels())).collect(Collectors.joining("\n")),
                SWT.MULTI | SWT.V_SCROLL);
        ((GridData) factors.getLayoutData()).heightHint = 90;
        new Label(shell, SWT.NONE);
        Label hint = new Label(shell, SWT.WRAP);
        hint.setText(messages.taskFactorsHint);
        hint.setLayoutData(wrapping(1));
        problem = new Label(shell, SWT.WRAP);
        problem.setData(RecordPart.CONTROL_KEY, "task-problem");
        problem.setLayoutData(wrapping(2));
        ((GridData) problem.getLayoutData()).heightHint = 3 * problem.getFont().getFontData()[0].getHeight() * 2;
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        ok = button(buttons, "task-ok", messages.taskOk);
        ok.addListener(SWT.Selection, e -> store());
        button(buttons, "task-cancel", messages.taskCancel).addListener(SWT.Selection, e -> shell.close());
        shell.setDefaultButton(ok);
        validate();
        Point size = shell.computeSize(700, SWT.DEFAULT);
        Rectangle owner = shell.getParent().getBounds();
        shell.setBounds(owner.x + Math.max(0, (owner.width - size.x) / 2),
                owner.y + Math.max(0, (owner.height - size.y) / 3), size.x, size.y);
        shell.open();
        name.setFocus();
    }

    private Text field(String key, String title, String value, int style) {
        boolean multi = (style & SWT.MULTI) != 0;
        Label label = new Label(shell, SWT.NONE);
        label.setText(title);
        label.setLayoutData(new GridData(SWT.BEGINNING, multi ? SWT.TOP : SWT.CENTER, false, false));
        Text text = new Text(shell, SWT.BORDER | style);
        text.setData(RecordPart.CONTROL_KEY, key);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, multi ? SWT.FILL : SWT.CENTER, true, multi));
        text.addModifyListener(e -> validate());
        if (multi) {
            // Tab moves on, as in the single-line fields; Enter in the (one-line) instruction presses OK.
            text.addListener(SWT.Traverse, e -> e.doit = e.detail == SWT.TRAVERSE_TAB_NEXT
                    || e.detail == SWT.TRAVERSE_TAB_PREVIOUS || e.detail == SWT.TRAVERSE_RETURN && text == instruction
                    || e.detail == SWT.TRAVERSE_ESCAPE);
        }
        return text;
    }

    /** Wrapping text takes the width the fields give it, instead of widening the dialog to its one-line length. */
    private static GridData wrapping(int columns) {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
        data.widthHint = 200;
        return data;
    }

    private static Button button(Composite parent, String key, String text) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setData(RecordPart.CONTROL_KEY, key);
        return button;
    }

    private void validate() {
        if (ok == null || saving) {
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
    }

    /** OK: stores the task in the caller's job; closes when stored, shows the reason when the catalog refuses. */
    private void store() {
        TaskSpec task;
        try {
            task = parse();
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        saving = true;
        ok.setEnabled(false);
        problem.setText(MessageFormat.format(messages.taskSaving, task.name()));
        Display display = shell.getDisplay();
        save.apply(task).whenComplete((stored, failure) -> display.asyncExec(() -> {
            if (shell.isDisposed()) {
                return;
            }
            saving = false;
            if (failure == null) {
                shell.close();
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                validate();
                if (ok.isEnabled()) {
                    problem.setText(MessageFormat.format(messages.taskSaveFailed, cause.getMessage()));
                }
            }
        }));
    }

    /** The task the fields describe; an {@link IllegalArgumentException} names the bad field. */
    private TaskSpec parse() {
        String taskName = name.getText().strip();
        if (taskName.isEmpty()) {
            throw new IllegalArgumentException(messages.taskName + ": a task needs a name");
        }
        for (TaskSpec other : known) {
            if (other.name().equals(taskName) && (original == null || !Objects.equals(other.id(), original.id()))) {
                throw new IllegalArgumentException(messages.taskName + ": a task named '" + taskName
                        + "' exists already");
            }
        }
        String text = instruction.getText().strip().replaceAll("\\s*\\R\\s*", " ");
        if (text.isEmpty()) {
            throw new IllegalArgumentException(messages.taskInstruction
                    + ": the text the operator (and the dataset) gets as the task is missing");
        }
        String checkId = check.getText().strip();
        if (!checkIds.isEmpty() && !checkIds.contains(checkId)) {
            throw new IllegalArgumentException(messages.taskCheck + ": '" + checkId + "' is not a registered quality"
                    + " check; choose one of " + checkIds);
        }
        String json = params.getText().strip();
        checkJsonObject(json.isEmpty() ? "{}" : json);
        double limit = seconds(timeLimit, messages.taskTimeLimit);
        double resetTime = seconds(reset, messages.taskReset);
        long episodes = whole(target, messages.taskTarget);
        if (episodes < 1 || episodes > 1_000_000) {
            throw new IllegalArgumentException(messages.taskTarget + " must be between 1 and 1000000, not "
                    + episodes);
        }
        return new TaskSpec(original == null ? null : original.id(), taskName, text, checkId, json, limit, resetTime,
                (int) episodes, parseFactors(), whole(seed, messages.taskSeed));
    }

    private List<SceneFactor> parseFactors() {
        List<SceneFactor> parsed = new ArrayList<>();
        String[] lines = factors.getText().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = messages.taskFactors.replaceFirst("\\s*\\(.*", "") + ", line " + (i + 1) + ": ";
            String[] cells = lines[i].split("\\|", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException(where + "expected 'name | prompt with {0} | level, level', got '"
                        + lines[i].strip() + "'");
            }
            SceneFactor factor;
            try {
                factor = new SceneFactor(cells[0].strip(), cells[1].strip(), Arrays.stream(cells[2].split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            checkPrompt(factor, where);
            if (parsed.stream().anyMatch(f -> f.name().equals(factor.name()))) {
                throw new IllegalArgumentException(where + "scene factor '" + factor.name() + "' is named twice");
            }
            parsed.add(factor);
        }
        return parsed;
    }

    /** A prompt is a MessageFormat pattern that must show the level ({0}); an apostrophe has to be doubled. */
    private static void checkPrompt(SceneFactor factor, String where) {
        if (factor.prompt().isEmpty()) {
            return;
        }
        String probe = "\u0001level\u0001";
        String shown;
        try {
            shown = new MessageFormat(factor.prompt(), Locale.ROOT).format(new Object[] { probe });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "the prompt of '" + factor.name() + "' is not a valid pattern ("
                    + e.getMessage() + ")", e);
        }
        if (!shown.contains(probe)) {
            throw new IllegalArgumentException(where + "the prompt of '" + factor.name() + "' must show the level as"
                    + " {0} (write '' for an apostrophe)");
        }
    }

    private void checkJsonObject(String json) {
        try {
            if (!JsonParser.parseString(json).isJsonObject()) {
                throw new IllegalArgumentException(messages.taskParams + " must be a JSON object, e.g. {\"bin\": {...}}");
            }
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(messages.taskParams + " are not valid JSON: " + e.getMessage(), e);
        }
    }

    private static double seconds(Text text, String field) {
        double value;
        try {
            value = Double.parseDouble(text.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of seconds, not '" + text.getText() + "'", e);
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a finite number of seconds, at least 0, not '"
                    + text.getText() + "'");
        }
        return value;
    }

    private static long whole(Text text, String field) {
        try {
            return Long.parseLong(text.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text.getText() + "'", e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    /** Ids of the registered quality checks (the success criteria to pick from), sorted; a service-registry read. */
    private static List<String> checkIds() {
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
        return ids.stream().distinct().sorted().toList();
    }
}
