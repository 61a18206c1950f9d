package org.trainingplayground.ui.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.MetricsHistory;
import org.trainingplayground.session.Race;
import org.trainingplayground.session.SessionStatus;
import org.trainingplayground.ui.ChartOptions;
import org.trainingplayground.ui.chart.EChart;

/** A race's lanes on the page: a line of the table each, and a line on each chart. */
final class RaceLanes {

    /** Points a lane's line keeps on the page; longer runs are thinned evenly. */
    private static final int MOST_POINTS = 500;

    private final List<String> names;
    private final List<RunSpec> specs;
    private final List<NativeTableCell> states = new ArrayList<>();
    private final long[] shownVersions;

    /** The lanes a race will have; their runs are built when it starts. */
    RaceLanes(List<String> names, List<RunSpec> specs) {
        this.names = List.copyOf(names);
        this.specs = List.copyOf(specs);
        this.shownVersions = new long[specs.size()];
    }

    NativeTable table() {
        NativeTable table = new NativeTable();
        table.setId("race-lanes");
        table.addClassName("history-table");
        NativeTableRow header = new NativeTableRow();
        for (String column : List.of("Lane", "Optimizer", "Progress")) {
            header.add(new NativeTableHeaderCell(column));
        }
        NativeTableHeader head = new NativeTableHeader();
        head.add(header);
        NativeTableBody body = new NativeTableBody();
        for (int i = 0; i < specs.size(); i++) {
            NativeTableCell state = new NativeTableCell("Ready: press Start the race");
            states.add(state);
            NativeTableRow row = new NativeTableRow(
                    new NativeTableCell(names.get(i)),
                    new NativeTableCell(
                            HistoryTexts.optimizerDetails(specs.get(i).optimizer())),
                    state);
            row.addClassName("race-lane");
            row.getElement().getStyle().set("border-left", "6px solid " + HistoryCharts.colour(i));
            body.add(row);
        }
        table.add(head, body);
        return table;
    }

    String lossOption() {
        return option("Training loss (smoothed)", "loss", false).toString();
    }

    String accuracyOption() {
        ObjectNode option = option("Test accuracy", "accuracy %", true);
        ((ObjectNode) option.get("yAxis").get(0)).put("max", 100);
        return option.toString();
    }

    private ObjectNode option(String title, String yName, boolean symbols) {
        ObjectNode option = ChartOptions.base(title, yName);
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < names.size(); i++) {
            series.add(ChartOptions.line(names.get(i), HistoryCharts.colour(i), 2, symbols));
        }
        return option;
    }

    static boolean anyTraining(Race race) {
        return race.lanes().stream().anyMatch(lane -> {
            RunState state = lane.session().state();
            return state == RunState.RUNNING || state == RunState.QUEUED;
        });
    }

    /** Sends each lane whose run moved since the last push its new lines and progress. */
    void refresh(Race race, EChart loss, EChart accuracy) {
        for (int i = 0; i < race.lanes().size(); i++) {
            Race.Lane lane = race.lanes().get(i);
            long version = lane.session().version();
            if (version == shownVersions[i]) {
                continue;
            }
            shownVersions[i] = version;
            MetricsHistory history = lane.session().history();
            MetricsHistory.StepSeries steps = history.stepsSince(0);
            loss.setSeriesData(i, points(steps.steps(), steps.smoothedLosses(), 1));
            MetricsHistory.EvalSeries evaluations = history.evaluationsSince(0);
            accuracy.setSeriesData(i, points(evaluations.steps(), evaluations.accuracies(), 100));
            states.get(i).setText(progress(lane.session().status()));
        }
    }

    private static String progress(SessionStatus s) {
        String where = String.format(
                Locale.ROOT, "epoch %d of %d, step %,d", s.epoch(), s.epochs(), s.step());
        String accuracy = Float.isFinite(s.latestAccuracy())
                ? String.format(Locale.ROOT, ", test accuracy %.1f %%", s.latestAccuracy() * 100)
                : "";
        return switch (s.state()) {
            case FINISHED -> "Finished: " + where + accuracy;
            case FAILED -> "Stopped: " + (s.message() == null ? where : s.message());
            case RUNNING -> "Training: " + where + accuracy;
            case QUEUED -> "Waiting for a free place";
            default -> "Ready: " + where + accuracy;
        };
    }

    /** {@code [[x,y],…]}, at most {@link #MOST_POINTS} of them, the last always included. */
    private static String points(long[] xs, float[] ys, double scale) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        int every = Math.max(1, (int) Math.ceil(xs.length / (double) MOST_POINTS));
        for (int i = 0; i < xs.length; i++) {
            if ((i % every == 0 || i == xs.length - 1) && Float.isFinite(ys[i])) {
                data.addArray().add(xs[i]).add(ys[i] * scale);
            }
        }
        return data.toString();
    }
}
