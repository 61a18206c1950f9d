package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.trainingplayground.session.classroom.StudentRow;

/**
 * The class's roster: one row per student with their run now, sortable by any column. Rows are
 * kept and only their changed cells rewritten, so a second's update of a class of 40 sends a
 * few hundred bytes, not the table.
 */
final class RosterTable extends Composite<NativeTable> {

    /** A column: its heading, what a cell shows, and the order it sorts by. */
    private record Column(
            String heading, Function<StudentRow, String> text, Comparator<StudentRow> order) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("Student", StudentRow::nickname, byText(StudentRow::nickname)),
            new Column("Status", RosterTable::status, byText(StudentRow::status)),
            new Column("Dataset", StudentRow::dataset, byText(StudentRow::dataset)),
            new Column("Network", StudentRow::network, byText(StudentRow::network)),
            new Column(
                    "Weights",
                    row -> row.parameters() == 0 ? "" : String.format("%,d", row.parameters()),
                    Comparator.comparingLong(StudentRow::parameters)),
            new Column("Optimizer", RosterTable::optimizer, byText(RosterTable::optimizer)),
            new Column(
                    "Epoch",
                    row -> row.epochs() == 0 ? "" : row.epoch() + " of " + row.epochs(),
                    Comparator.comparingInt(StudentRow::epoch)),
            new Column(
                    "Step",
                    row -> String.format("%,d", row.step()),
                    Comparator.comparingLong(StudentRow::step)),
            new Column(
                    "Loss",
                    row -> Double.isNaN(row.loss()) ? "–" : String.format("%.3f", row.loss()),
                    Comparator.comparingDouble(StudentRow::loss)),
            new Column(
                    "Test accuracy",
                    row -> Double.isNaN(row.accuracy())
                            ? "–"
                            : String.format("%.1f %%", row.accuracy() * 100),
                    Comparator.comparingDouble(StudentRow::accuracy)),
            // Its text needs the time of the update: written by lastSeen.
            new Column("Last seen", null, Comparator.comparingLong(StudentRow::lastSeen)));

    private final NativeTableBody body = new NativeTableBody();
    private final Map<String, RowCells> rows = new LinkedHashMap<>();
    private final List<NativeTableHeaderCell> headings = new ArrayList<>();
    private final Consumer<String> remove;
    private int sortColumn = 0;
    private boolean descending;
    private List<StudentRow> shown = List.of();
    private long now = System.currentTimeMillis();

    private final String code;

    /**
     * @param code the class's code, for the links to each student's run
     * @param remove asked to take the student of this nickname out of the class
     */
    RosterTable(String code, Consumer<String> remove) {
        this.code = code;
        this.remove = remove;
        NativeTable table = getContent();
        table.setId("class-roster");
        table.addClassName("class-roster");
        NativeTableRow head = new NativeTableRow();
        for (int i = 0; i < COLUMNS.size(); i++) {
            int column = i;
            Button sort = new Button(COLUMNS.get(i).heading(), e -> sortBy(column));
            sort.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            sort.addClassName("roster-sort");
            NativeTableHeaderCell cell = new NativeTableHeaderCell(sort);
            cell.getElement().setAttribute("scope", "col");
            headings.add(cell);
            head.add(cell);
        }
        NativeTableHeaderCell actions = new NativeTableHeaderCell("");
        actions.getElement().setAttribute("aria-label", "Actions");
        head.add(actions);
        table.add(new NativeTableHeader(head), body);
        markSorted();
    }

    private static Comparator<StudentRow> byText(Function<StudentRow, String> text) {
        return Comparator.comparing(row -> text.apply(row).toLowerCase(Locale.ROOT));
    }

    private static String status(StudentRow row) {
        return row.message() == null ? row.status() : row.status() + ": " + row.message();
    }

    private static String optimizer(StudentRow row) {
        return row.optimizer().isEmpty()
                ? ""
                : row.optimizer() + " "
                        + String.format(Locale.ROOT, "%g", row.learningRate())
                                .replaceAll("\\.?0+(e|$)", "$1");
    }

    private void sortBy(int column) {
        descending = column == sortColumn && !descending;
        sortColumn = column;
        markSorted();
        show(shown, now);
    }

    private void markSorted() {
        for (int i = 0; i < headings.size(); i++) {
            headings.get(i)
                    .getElement()
                    .setAttribute(
                            "aria-sort",
                            i != sortColumn ? "none" : descending ? "descending" : "ascending");
        }
    }

    /** Shows the roster, sorted as the teacher chose; {@code at} is now, for "last seen". */
    void show(List<StudentRow> roster, long at) {
        shown = roster;
        now = at;
        Comparator<StudentRow> order = COLUMNS.get(sortColumn).order();
        List<StudentRow> sorted = new ArrayList<>(roster);
        sorted.sort(descending ? order.reversed() : order);
        List<String> before = new ArrayList<>(rows.keySet());
        Map<String, RowCells> kept = new LinkedHashMap<>();
        for (StudentRow student : sorted) {
            RowCells cells = rows.get(student.nickname());
            if (cells == null) {
                cells = new RowCells(student.nickname());
            }
            cells.show(student, at);
            kept.put(student.nickname(), cells);
        }
        if (!before.equals(new ArrayList<>(kept.keySet()))) {
            body.removeAll();
            kept.values().forEach(cells -> body.add(cells.row));
        }
        rows.clear();
        rows.putAll(kept);
    }

    /** One student's row, its cells written only when their text changes. */
    private final class RowCells {
        final NativeTableRow row = new NativeTableRow();
        final List<NativeTableCell> cells = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        String step = "";
        String status = "";

        RowCells(String nickname) {
            row.addClassName("student-row");
            row.getElement().setAttribute("data-nickname", nickname);
            for (int i = 0; i < COLUMNS.size(); i++) {
                NativeTableCell cell = new NativeTableCell();
                cells.add(cell);
                texts.add(null);
                row.add(cell);
            }
            // The nickname opens the student's run, live and read-only ("over the shoulder").
            Anchor watch = new Anchor(
                    "teach/" + code + "/student/"
                            + URLEncoder.encode(nickname, StandardCharsets.UTF_8)
                                    .replace("+", "%20"),
                    nickname);
            watch.addClassName("watch-student");
            cells.get(0).add(watch);
            texts.set(0, nickname);
            Button removeButton = new Button("Remove", e -> remove.accept(nickname));
            removeButton.addClassName("remove-student");
            removeButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            removeButton.getElement().setAttribute("aria-label", "Remove " + nickname);
            row.add(new NativeTableCell(removeButton));
        }

        void show(StudentRow student, long at) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                Function<StudentRow, String> textOf = COLUMNS.get(i).text();
                String text = textOf == null ? lastSeen(student, at) : textOf.apply(student);
                if (!text.equals(texts.get(i))) {
                    texts.set(i, text);
                    cells.get(i).setText(text); // text, never markup: nicknames are typed
                }
            }
            String newStep = Long.toString(student.step());
            if (!newStep.equals(step)) {
                step = newStep;
                row.getElement().setAttribute("data-step", newStep);
            }
            if (!student.status().equals(status)) {
                status = student.status();
                row.getElement().setAttribute("data-status", status);
            }
        }
    }

    private static String lastSeen(StudentRow student, long at) {
        if (!student.away()) {
            return "now";
        }
        long minutes = Duration.ofMillis(Math.max(0, at - student.lastSeen())).toMinutes();
        return minutes < 1
                ? "just now"
                : minutes < 120 ? minutes + " min ago" : minutes / 60 + " h ago";
    }
}
