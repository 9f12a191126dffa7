package dev.demoforge.dataset.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.demoforge.export.api.OptionSpec;

/** An exporter's options as form fields (text, check box or choice), read back as the options map. UI thread only. */
final class OptionsForm {

    private final Composite area;
    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();

    OptionsForm(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        area.setLayout(layout);
    }

    Composite control() {
        return area;
    }

    /** Replaces the fields with those of the given options, filled with their defaults. */
    void show(List<OptionSpec> options) {
        for (Control child : area.getChildren()) {
            child.dispose();
        }
        values.clear();
        for (OptionSpec option : options) {
            new Label(area, SWT.NONE).setText(option.label());
            String initial = option.defaultValue() == null ? "" : option.defaultValue();
            switch (option.type()) {
                case OptionSpec.BOOL -> {
                    Button check = new Button(area, SWT.CHECK);
                    check.setSelection(Boolean.parseBoolean(initial));
                    values.put(option.key(), () -> Boolean.toString(check.getSelection()));
                }
                case OptionSpec.CHOICE -> {
                    Combo combo = new Combo(area, SWT.READ_ONLY);
                    option.choices().forEach(combo::add);
                    combo.select(Math.max(0, option.choices().indexOf(initial)));
                    values.put(option.key(), combo::getText);
                }
                default -> {
                    Text text = new Text(area, SWT.BORDER);
                    text.setText(initial);
                    text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                    values.put(option.key(), () -> text.getText().strip());
                }
            }
        }
        area.getParent().layout(true, true);
    }

    /** The values entered, keyed by option key. */
    Map<String, String> values() {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((key, value) -> result.put(key, value.get()));
        return result;
    }
}
