package dev.demoforge.capture.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.device.api.settings.DriverSettings;
import dev.demoforge.device.api.settings.SettingSpec;
import dev.demoforge.device.api.settings.SettingType;

/**
 * A form generated from a driver's settings schema: a check box per boolean, a read-only combo per choice, a text
 * field otherwise (numbers checked as typed). Edits go straight into the given property map (a blank field removes
 * the property, so the driver's default applies); every edit reports the form's problems. Settings under
 * {@code teleop.} are left to the {@link TeleopSection} (the same map). UI thread only. Each field's
 * {@code dev.demoforge.control} data is {@code setting:<key>}.
 */
final class SettingsForm {

    private final Composite body;
    private final DriverSettings schema;
    private final Map<String, String> values;
    private final Consumer<List<String>> onChange;

    SettingsForm(Composite parent, DriverSettings schema, Map<String, String> values,
            Consumer<List<String>> onChange) {
        this.schema = schema;
        this.values = values;
        this.onChange = onChange;
        body = new Composite(parent, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        body.setLayout(new GridLayout(4, false));
        for (SettingSpec spec : schema.settings()) {
            if (spec.key().startsWith(TeleopSection.PREFIX)) {
                continue;
            }
            Label label = new Label(body, SWT.NONE);
            label.setText(spec.label() + (spec.required() ? " *" : ""));
            label.setToolTipText(spec.key() + ": " + spec.description());
            field(spec);
        }
    }

    private void field(SettingSpec spec) {
        String current = values.get(spec.key());
        GridData layout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.widthHint = 140;
        if (spec.type() == SettingType.BOOLEAN) {
            Button check = new Button(body, SWT.CHECK);
            check.setSelection(Boolean.parseBoolean(current != null ? current : spec.fallback().orElse("false")));
            check.addListener(SWT.Selection, e -> set(spec, Boolean.toString(check.getSelection())));
            decorate(check, spec, layout);
        } else if (spec.isChoice()) {
            Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
            List<String> items = new ArrayList<>(spec.options());
            if (!spec.required()) {
                items.add(0, "");
            }
            combo.setItems(items.toArray(String[]::new));
            combo.select(Math.max(0, items.indexOf(current != null ? current : "")));
            combo.addListener(SWT.Selection, e -> set(spec, combo.getText()));
            decorate(combo, spec, layout);
        } else {
            Text text = new Text(body, SWT.BORDER | SWT.SINGLE);
            text.setText(current == null ? "" : current);
            text.setMessage(spec.fallback().orElse(""));
            text.addListener(SWT.Modify, e -> set(spec, text.getText()));
            decorate(text, spec, layout);
        }
    }

    private static void decorate(org.eclipse.swt.widgets.Control control, SettingSpec spec, GridData layout) {
        control.setData(StationEditor.CONTROL_KEY, "setting:" + spec.key());
        control.setToolTipText(spec.description());
        control.setLayoutData(layout);
    }

    private void set(SettingSpec spec, String value) {
        if (value == null || value.isBlank()) {
            values.remove(spec.key());
        } else {
            values.put(spec.key(), value.strip());
        }
        onChange.accept(problems());
    }

    /** The schema's problems with the current values (empty when the form can be saved). */
    List<String> problems() {
        return schema.problems(values);
    }

    void dispose() {
        body.dispose();
    }
}
