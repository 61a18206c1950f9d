package org.trainingplayground.ui.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trainingplayground.session.MetricsHistory.Curve;
import org.trainingplayground.session.classroom.ClassRoster.StudentCurves;
import org.trainingplayground.ui.ChartOptions;
import org.trainingplayground.ui.chart.EChart;

/**
 * Every student's smoothed loss and test accuracy, overlaid, one line per student; hovering
 * one brings it forward and dims the others. Curves are downsampled, and only the lines of
 * students whose run moved are sent again.
 */
final class ClassCharts extends Composite<Div> {

    /** Points per student and curve: 40 students' lines stay a few tens of kilobytes. */
    static final int POINTS = 40;

    private static final List<String> COLOURS = List.of(
            "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22");

    private final EChart loss = chart("class-loss-chart");
    private final EChart accuracy = chart("class-accuracy-chart");
    private List<String> drawn = List.of();
    /** The newest step each student's line was sent with, by chart and nickname. */
    private final Map<String, Long> sentLoss = new HashMap<>();

    private final Map<String, Long> sentAccuracy = new HashMap<>();

    ClassCharts() {
        getContent().addClassName("class-charts");
        getContent().add(loss, accuracy);
    }

    private static EChart chart(String id) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.addClassName("class-chart");
        chart.getElement().setAttribute("data-series", "0");
        return chart;
    }

    /** Draws the students' curves as they are now (UI thread). */
    void show(List<StudentCurves> curves) {
        List<String> names = curves.stream().map(StudentCurves::nickname).toList();
        if (!names.equals(drawn)) {
            drawn = names;
            sentLoss.clear();
            sentAccuracy.clear();
            loss.setOption(option("Training loss of each student (smoothed)", "loss", false));
            accuracy.setOption(option("Test accuracy of each student", "accuracy %", true));
        }
        send(loss, curves, StudentCurves::loss, sentLoss, 1);
        send(accuracy, curves, StudentCurves::accuracy, sentAccuracy, 100);
    }

    private String option(String title, String yName, boolean percent) {
        ObjectNode option = ChartOptions.base(title, yName);
        if (percent) {
            ((ObjectNode) option.get("yAxis").get(0)).put("max", 100);
        }
        option.putObject("tooltip").put("trigger", "item");
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < drawn.size(); i++) {
            ObjectNode line =
                    ChartOptions.line(drawn.get(i), COLOURS.get(i % COLOURS.size()), 1.5, false);
            line.putObject("emphasis").put("focus", "series");
            line.putObject("blur").putObject("lineStyle").put("opacity", 0.15);
            series.add(line);
        }
        return option.toString();
    }

    private static void send(
            EChart chart,
            List<StudentCurves> curves,
            Function<StudentCurves, Curve> curveOf,
            Map<String, Long> sent,
            double scale) {
        int withPoints = 0;
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curveOf.apply(curves.get(i));
            withPoints += curve.steps().length > 0 ? 1 : 0;
            String nickname = curves.get(i).nickname();
            if (sent.getOrDefault(nickname, -1L) != curve.lastStep()) {
                sent.put(nickname, curve.lastStep());
                chart.setSeriesData(i, curve.json(scale));
            }
        }
        chart.getElement().setAttribute("data-series", Integer.toString(withPoints));
    }
}
