package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.math.BigDecimal;
import java.util.Map;

/** The building blocks the settings form's groups share: number fields, rows, notes. */
public final class SettingsFields {

    private SettingsFields() {}

    /**
     * A field for a number, checked when it is left or Enter is pressed, not on every key (a
     * half-typed value such as "0." never reaches the run).
     */
    public static TextField numberField(String id, String label, Runnable onEdit) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.addValueChangeListener(e -> onEdit.run());
        return field;
    }

    public static HorizontalLayout row(Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setWidthFull();
        row.setSpacing(false);
        row.addClassName("settings-row");
        for (Component field : fields) {
            if (field instanceof TextField text) {
                // Share the column: a text field is 12em wide by default, three would spill
                // over into the charts.
                text.setWidth("0");
                text.setMinWidth("0");
                row.setFlexGrow(1, field);
            }
        }
        return row;
    }

    public static H4 heading(String text) {
        H4 heading = new H4(text);
        heading.addClassName("settings-heading");
        return heading;
    }

    public static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("settings-note");
        return note;
    }

    /** A number as the form shows it: "0.003", not "0.0030" or "3.0E-3". */
    public static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Puts a field's text under its property key, when the field is shown. */
    public static void put(Map<String, String> values, String key, TextField field) {
        if (field.isVisible()) {
            values.put(key, field.getValue());
        }
    }
}
