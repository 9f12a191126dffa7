package dev.demoforge.capture.ui.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for a new device of the station: its id (checked as typed: non-empty, {@code [a-z0-9_]+}, not yet in the
 * station) and its driver (one of the installed drivers). Add stays disabled while the entry is invalid; the reason
 * is shown. Application-modal but not blocking: {@link #open} returns the shell at once and Add calls back. UI thread.
 * Controls' {@code dev.demoforge.control} data: the shell {@code add-device}, {@code new-device-id},
 * {@code new-device-driver}, {@code new-device-problem}, {@code new-device-add}, {@code new-device-cancel}.
 */
final class AddDeviceDialog {

    private final Shell shell;
    private final Function<String, Optional<String>> idProblem;
    private final Text id;
    private final Combo driver;
    private final Label problem;
    private final Button add;

    private AddDeviceDialog(Shell parent, Messages messages, String stationId, List<String> driverIds,
            Function<String, Optional<String>> idProblem, BiConsumer<String, String> onAdd) {
        this.idProblem = idProblem;
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        shell.setText(MessageFormat.format(messages.addDeviceTitle, stationId));
        shell.setData(StationEditor.CONTROL_KEY, "add-device");
        shell.setLayout(new GridLayout(2, false));
        new Label(shell, SWT.NONE).setText(messages.addDeviceId);
        id = new Text(shell, SWT.BORDER | SWT.SINGLE);
        id.setLayoutData(wide());
        id.setData(StationEditor.CONTROL_KEY, "new-device-id");
        new Label(shell, SWT.NONE).setText(messages.addDeviceDriver);
        driver = new Combo(shell, SWT.READ_ONLY | SWT.DROP_DOWN);
        driver.setItems(driverIds.toArray(String[]::new));
        driver.setLayoutData(wide());
        driver.setData(StationEditor.CONTROL_KEY, "new-device-driver");
        problem = new Label(shell, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        problem.setData(StationEditor.CONTROL_KEY, "new-device-problem");
        Button cancel = new Button(shell, SWT.PUSH);
        cancel.setText(messages.addDeviceCancel);
        cancel.setData(StationEditor.CONTROL_KEY, "new-device-cancel");
        add = new Button(shell, SWT.PUSH);
        add.setText(messages.addDeviceAdd);
        add.setData(StationEditor.CONTROL_KEY, "new-device-add");
        add.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        shell.setDefaultButton(add);
        id.addListener(SWT.Modify, e -> check(messages));
        driver.addListener(SWT.Selection, e -> check(messages));
        cancel.addListener(SWT.Selection, e -> shell.dispose());
        add.addListener(SWT.Selection, e -> {
            if (check(messages)) {
                String newId = id.getText().strip();
                String newDriver = driver.getText();
                shell.dispose();
                onAdd.accept(newId, newDriver);
            }
        });
        check(messages);
    }

    /**
     * Opens the dialog and returns its shell at once.
     *
     * @param idProblem what is wrong with an id, empty when it can be added
     * @param onAdd     called with the id and driver when Add is pressed on a valid entry (the dialog is closed)
     */
    static Shell open(Shell parent, Messages messages, String stationId, List<String> driverIds,
            Function<String, Optional<String>> idProblem, BiConsumer<String, String> onAdd) {
        AddDeviceDialog dialog = new AddDeviceDialog(parent, messages, stationId, driverIds, idProblem, onAdd);
        dialog.shell.pack();
        dialog.shell.setSize(Math.max(420, dialog.shell.getSize().x), dialog.shell.getSize().y);
        dialog.shell.open();
        return dialog.shell;
    }

    private boolean check(Messages messages) {
        Optional<String> wrong = idProblem.apply(id.getText().strip());
        if (wrong.isEmpty() && driver.getSelectionIndex() < 0) {
            wrong = Optional.of(messages.addDeviceNoDriver);
        }
        problem.setText(wrong.orElse(""));
        add.setEnabled(wrong.isEmpty());
        return wrong.isEmpty();
    }

    private static GridData wide() {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 220;
        return data;
    }
}
