package org.trainingplayground.ui.history;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainingplayground.Services;
import org.trainingplayground.core.store.RunStart;
import org.trainingplayground.core.store.RunSummary;
import org.trainingplayground.ui.UserSessions;

/**
 * The learner's runs, newest first: when, what, how far and how well; a run opens its own
 * page, and two to eight of them can be compared.
 */
@Route("runs")
@PageTitle("Your runs · Training Playground")
@CssImport("./styles/history.css")
public class RunsView extends Main {

    static final int MOST_COMPARED = 8;

    private final Set<String> selected = new LinkedHashSet<>();
    private final Button compare = new Button("Compare selected");
    private final Paragraph compareHint = new Paragraph();
    private final NativeTableBody rows = new NativeTableBody();
    private ZoneId zone = ZoneId.of("UTC");
    private List<RunSummary> runs = List.of();
    /** Rewrite each row's time in {@link #zone}. */
    private final List<Runnable> times = new ArrayList<>();

    public RunsView() {
        addClassName("history-page");
        H1 title = new H1("Your runs");
        Paragraph intro = new Paragraph("Every run you train in this browser is kept here, newest"
                + " first. They belong to this browser, not to an account: another browser, or"
                + " clearing this one's cookies, starts a new list.");
        Anchor back = new Anchor("./", "Back to the playground");
        back.setId("playground-link");
        compare.setId("compare-selected");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClickListener(e -> compareSelected());
        compareHint.setId("compare-hint");
        compareHint.addClassName("history-hint");
        add(title, intro, back, table(), compare, compareHint);
        try {
            runs = Services.get().history().store().runsOf(UserSessions.learnerId());
            showRows();
        } catch (RuntimeException unreachable) {
            add(HistoryTexts.unavailable());
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Times in the student's own time zone, once the browser has said which it is.
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                zone = ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException unknown) {
                return; // an unknown or missing zone: UTC, named as such
            }
            // Only the times are rewritten: rows replaced under a student's click would lose it.
            times.forEach(Runnable::run);
        });
    }

    private NativeTable table() {
        NativeTable table = new NativeTable();
        table.setId("runs-table");
        table.addClassName("history-table");
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow header = new NativeTableRow();
        for (String column : List.of(
                "Compare",
                "When",
                "Dataset",
                "Network",
                "Optimizer",
                "Steps",
                "Test accuracy",
                "Status")) {
            header.add(new NativeTableHeaderCell(column));
        }
        head.add(header);
        table.add(head, rows);
        return table;
    }

    private void showRows() {
        if (runs.isEmpty()) {
            NativeTableCell none = new NativeTableCell(
                    "No runs yet: press Start in the playground, and the run appears here.");
            none.getElement().setAttribute("colspan", "8");
            none.setId("no-runs");
            NativeTableRow row = new NativeTableRow();
            row.add(none);
            rows.add(row);
        }
        for (RunSummary run : runs) {
            rows.add(row(run));
        }
        showCompareState();
    }

    private NativeTableRow row(RunSummary run) {
        RunStart start = run.start();
        NativeTableRow row = new NativeTableRow();
        row.addClassName("run-row");
        row.getElement().setAttribute("data-run-id", run.id());
        String when = HistoryTexts.when(start.startedAt(), zone);
        Checkbox select = new Checkbox(selected.contains(run.id()));
        select.addClassName("run-select");
        select.setAriaLabel("Compare the run of " + when);
        select.addValueChangeListener(e -> {
            if (e.getValue()) {
                selected.add(run.id());
            } else {
                selected.remove(run.id());
            }
            showCompareState();
        });
        Anchor open = new Anchor("runs/" + run.id(), when);
        open.addClassName("run-link");
        times.add(() -> {
            String local = HistoryTexts.when(start.startedAt(), zone);
            open.setText(local);
            select.setAriaLabel("Compare the run of " + local);
        });
        row.add(
                cell(select),
                cell(open),
                new NativeTableCell(start.dataset()),
                new NativeTableCell(start.network()),
                new NativeTableCell(HistoryTexts.optimizer(start)),
                new NativeTableCell(HistoryTexts.steps(run)),
                new NativeTableCell(HistoryTexts.accuracy(run.testAccuracy())),
                new NativeTableCell(HistoryTexts.status(run)));
        return row;
    }

    private static NativeTableCell cell(com.vaadin.flow.component.Component content) {
        NativeTableCell cell = new NativeTableCell();
        cell.add(content);
        return cell;
    }

    private void showCompareState() {
        int count = selected.size();
        compare.setEnabled(count >= 2 && count <= MOST_COMPARED);
        compareHint.setText(
                count > MOST_COMPARED
                        ? count + " runs are selected; compare at most " + MOST_COMPARED
                                + " at once."
                        : count < 2 ? "Tick two to eight runs to compare them side by side." : "");
    }

    private void compareSelected() {
        if (selected.size() < 2 || selected.size() > MOST_COMPARED) {
            return;
        }
        List<String> ids = new ArrayList<>(selected);
        getUI().ifPresent(ui -> ui.navigate(
                CompareView.class,
                new QueryParameters(Map.of("runs", List.of(String.join(",", ids))))));
    }
}
