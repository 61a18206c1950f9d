package org.trainingplayground.ui.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.trainingplayground.Services;
import org.trainingplayground.core.store.RunExport;
import org.trainingplayground.core.store.RunStart;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.StoredRun;
import org.trainingplayground.ui.UserSessions;
import org.trainingplayground.ui.chart.EChart;

/**
 * One kept run as it was: its charts (read-only), its settings, a link that opens them in the
 * playground, its metrics as CSV or JSON, and a way to delete it. Only its own learner sees it.
 */
@Route("runs/:runId")
@PageTitle("A run · Training Playground")
@CssImport("./styles/history.css")
public class RunView extends Main implements BeforeEnterObserver {

    public RunView() {
        addClassName("history-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String runId = event.getRouteParameters().get("runId").orElse("");
        Anchor back = new Anchor("runs", "All your runs");
        back.setId("runs-link");
        Optional<StoredRun> found;
        try {
            found = store().run(UserSessions.learnerId(), runId);
        } catch (RuntimeException unreachable) {
            add(new H1("A run"), HistoryTexts.unavailable(), back);
            return;
        }
        if (found.isEmpty()) {
            Paragraph sentence = new Paragraph("There is no such run in your history. A run"
                    + " belongs to the browser that trained it, and it may have been deleted.");
            sentence.setId("run-not-found");
            sentence.addClassName("history-problem");
            add(new H1("No such run"), sentence, back);
            return;
        }
        show(found.get(), back);
    }

    private void show(StoredRun run, Anchor back) {
        RunStart start = run.summary().start();
        add(new H1("Run of " + HistoryTexts.when(start.startedAt(), ZoneId.of("UTC"))));
        Paragraph summary = new Paragraph(String.join(
                " · ",
                start.dataset(),
                start.network(),
                HistoryTexts.optimizer(start),
                HistoryTexts.steps(run.summary()),
                "test accuracy " + HistoryTexts.accuracy(run.summary().testAccuracy()),
                HistoryTexts.status(run.summary())));
        summary.setId("run-summary");
        add(summary, actions(run), back);
        Div charts = new Div(
                chart("run-loss-chart", HistoryCharts.loss(run)),
                chart("run-test-chart", HistoryCharts.test(run)),
                chart(
                        "run-gradient-chart",
                        HistoryCharts.perTensor(run, StoredRun.GRADIENT_PREFIX)),
                chart("run-ratio-chart", HistoryCharts.perTensor(run, StoredRun.RATIO_PREFIX)));
        charts.addClassName("history-charts");
        H2 settingsTitle = new H2("Settings");
        add(charts, settingsTitle, SettingsTable.of(start));
    }

    private Div actions(StoredRun run) {
        String id = run.summary().id();
        Anchor open = new Anchor(
                HistoryTexts.playgroundLink(run.summary().start()), "Open in the playground");
        open.setId("open-run-settings");
        Anchor csv = download(run, "csv", "text/csv", RunExport.csv(run));
        csv.setId("export-run-csv");
        csv.setText("Export metrics (.csv)");
        Anchor json = download(run, "json", "application/json", RunExport.json(run));
        json.setId("export-run-json");
        json.setText("Export metrics (.json)");
        Button delete = new Button("Delete this run", e -> confirmDelete(id));
        delete.setId("delete-run");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(open, csv, json, delete);
        actions.addClassName("history-actions");
        return actions;
    }

    private static Anchor download(StoredRun run, String extension, String type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Anchor anchor = new Anchor();
        anchor.setHref(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(bytes),
                        RunExport.fileName(run, extension),
                        type,
                        bytes.length)),
                AttachmentType.DOWNLOAD);
        return anchor;
    }

    private void confirmDelete(String runId) {
        ConfirmDialog dialog = new ConfirmDialog(
                "Delete this run?",
                "Its charts and metrics are removed from your history for good.",
                "Delete",
                e -> {
                    store().delete(UserSessions.learnerId(), runId);
                    getUI().ifPresent(ui -> ui.navigate(RunsView.class));
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.open();
    }

    static EChart chart(String id, String option) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.addClassName("history-chart");
        chart.setOption(option);
        return chart;
    }

    private static RunStore store() {
        return Services.get().history().store();
    }
}
