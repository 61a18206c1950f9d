package org.trainingplayground.ui.history;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.trainingplayground.core.store.RunStart;

/** Settings as a table: one run's, or several side by side (optionally only where they differ). */
final class SettingsTable {

    private SettingsTable() {}

    static NativeTable of(RunStart start) {
        return sideBySide(List.of("Value"), List.of(HistoryTexts.settingValues(start)), false);
    }

    /**
     * @param columns a heading per run
     * @param values each run's settings, key to value
     * @param differencesOnly leave out the settings every run has alike
     */
    static NativeTable sideBySide(
            List<String> columns,
            List<? extends Map<String, String>> values,
            boolean differencesOnly) {
        NativeTable table = new NativeTable();
        table.addClassName("history-table");
        NativeTableRow header = new NativeTableRow(new NativeTableHeaderCell("Setting"));
        columns.forEach(column -> header.add(new NativeTableHeaderCell(column)));
        NativeTableHeader head = new NativeTableHeader();
        head.add(header);
        NativeTableBody body = new NativeTableBody();
        Set<String> keys = new LinkedHashSet<>();
        values.forEach(run -> keys.addAll(run.keySet()));
        for (String key : keys) {
            boolean alike = values.stream().map(run -> run.get(key)).distinct().count() == 1;
            if (differencesOnly && alike) {
                continue;
            }
            NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(key));
            row.addClassName("setting-row");
            row.getElement().setAttribute("data-setting", key);
            for (Map<String, String> run : values) {
                row.add(new NativeTableCell(Objects.requireNonNullElse(run.get(key), "–")));
            }
            body.add(row);
        }
        if (body.getChildren().findAny().isEmpty()) {
            NativeTableCell none = new NativeTableCell("These runs have the same settings.");
            none.getElement().setAttribute("colspan", Integer.toString(columns.size() + 1));
            body.add(new NativeTableRow(none));
        }
        table.add(head, body);
        return table;
    }
}
