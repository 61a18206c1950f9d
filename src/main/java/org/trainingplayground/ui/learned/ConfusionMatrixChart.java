package org.trainingplayground.ui.learned;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.ui.chart.EChart;

/**
 * The confusion matrix of the latest test predictions: rows are the true classes, columns the
 * predicted ones, each cell labelled with its count, or with its share of the row when
 * {@code confusion-normalise} is ticked. Updates send only the non-empty cells.
 */
@CssImport("./styles/panels.css")
public class ConfusionMatrixChart extends Composite<Div> {

    public static final String ID = "confusion-matrix-chart";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Names longer than this are slanted so that ten of them fit under the matrix. */
    private static final int UPRIGHT_NAME_LENGTH = 3;

    private final List<String> classNames;
    private final Span title = new Span();
    private final Checkbox normalise = new Checkbox("Row-normalised (% of each true class)");
    private final EChart chart = new EChart();
    private TestPredictions shown;
    /** The colour scale's top in counts: the largest class, so a perfect row is darkest. */
    private int largestClass = -1;

    public ConfusionMatrixChart(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        Div root = getContent();
        root.setId(ID);
        root.setWidthFull();
        normalise.setId("confusion-normalise");
        normalise.addValueChangeListener(e -> {
            largestClass = -1; // forces the option for the other scale
            redraw();
        });
        chart.setWidthFull();
        chart.setMaxWidth("560px");
        chart.setHeight(classNames.size() > 4 ? "460px" : "300px");
        root.add(
                header(),
                normalise,
                chart,
                ClassLegend.caption("Each row is a true class; the"
                        + " diagonal counts the test images the network gets right; off-diagonal cells"
                        + " show which classes it confuses. Empty cells are zero."));
        clear();
    }

    /** Shows an empty matrix, e.g. when a run is reset. */
    public void clear() {
        shown = null;
        largestClass = -1;
        title.setText("Not evaluated yet.");
        getElement().removeAttribute("data-step");
        chart.setOption(option(normalise.getValue(), 1));
        chart.setSeriesData(0, "[]");
    }

    /** Shows the matrix of one evaluation of the test split. */
    public void show(TestPredictions predictions) {
        if (predictions == null || predictions == shown) {
            return;
        }
        if (predictions.classes() != classNames.size()) {
            throw new IllegalArgumentException("The predictions have " + predictions.classes()
                    + " classes but the matrix shows " + classNames.size() + ".");
        }
        shown = predictions;
        title.setText(String.format(
                Locale.ROOT,
                "after step %,d (epoch %d), %,d test images",
                predictions.step(),
                predictions.epoch(),
                predictions.size()));
        getElement().setAttribute("data-step", Long.toString(predictions.step()));
        redraw();
    }

    EChart chart() {
        return chart;
    }

    /** The cells sent for {@code counts}: {@code [predicted, true, value]}, zeros left out. */
    static String cells(int[][] counts, boolean rowPercentages) {
        StringBuilder json = new StringBuilder("[");
        for (int row = 0; row < counts.length; row++) {
            int rowTotal = 0;
            for (int count : counts[row]) {
                rowTotal += count;
            }
            for (int column = 0; column < counts[row].length; column++) {
                int count = counts[row][column];
                if (count == 0) {
                    continue;
                }
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('[')
                        .append(column)
                        .append(',')
                        .append(row)
                        .append(',')
                        .append(rowPercentages ? percent(count, rowTotal) : count)
                        .append(']');
            }
        }
        return json.append(']').toString();
    }

    private void redraw() {
        if (shown == null) {
            clear();
            return;
        }
        int[][] counts = shown.confusionMatrix();
        int largest = 1;
        for (int[] row : counts) {
            largest = Math.max(largest, java.util.Arrays.stream(row).sum());
        }
        if (largest != largestClass) {
            largestClass = largest;
            chart.setOption(option(normalise.getValue(), largest));
        }
        chart.setSeriesData(0, cells(counts, normalise.getValue()));
    }

    /** Whole percent, but one decimal below 10 so that a few images still show. */
    private static String percent(int count, int total) {
        double share = 100.0 * count / total;
        return share >= 10
                ? Long.toString(Math.round(share))
                : String.format(Locale.ROOT, "%.1f", share);
    }

    private String option(boolean rowPercentages, int largest) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        boolean slanted = classNames.stream().anyMatch(n -> n.length() > UPRIGHT_NAME_LENGTH);
        option.putObject("grid")
                .put("left", slanted ? 90 : 64)
                .put("right", 16)
                .put("top", 16)
                .put("bottom", slanted ? 96 : 56);
        ObjectNode x = option.putObject("xAxis")
                .put("type", "category")
                .put("name", "predicted class")
                .put("nameLocation", "middle")
                .put("nameGap", slanted ? 72 : 30);
        x.putObject("nameTextStyle").put("fontWeight", "bold");
        x.putObject("axisLabel").put("rotate", slanted ? 40 : 0).put("interval", 0);
        x.putObject("splitArea").put("show", true);
        names(x.putArray("data"));
        ObjectNode y = option.putObject("yAxis")
                .put("type", "category")
                .put("name", "true class")
                .put("nameLocation", "middle")
                .put("nameGap", slanted ? 78 : 36)
                .put("inverse", true);
        y.putObject("nameTextStyle").put("fontWeight", "bold");
        y.putObject("axisLabel").put("interval", 0);
        y.putObject("splitArea").put("show", true);
        names(y.putArray("data"));
        ObjectNode scale = option.putObject("visualMap")
                .put("type", "continuous")
                .put("show", false)
                .put("min", 0)
                .put("max", rowPercentages ? 100 : largest)
                .put("dimension", 2);
        scale.putObject("inRange").putArray("color").add("#eef4fb").add("#08519c");
        ArrayNode series = option.putArray("series");
        ObjectNode cells = series.addObject().put("type", "heatmap").put("name", "test images");
        cells.putObject("label")
                .put("show", true)
                .put("fontSize", 11)
                .put("formatter", rowPercentages ? "{@[2]}%" : "{@[2]}");
        cells.putObject("itemStyle").put("borderColor", "#fff").put("borderWidth", 1);
        return option.toString();
    }

    private void names(ArrayNode data) {
        classNames.forEach(data::add);
    }

    private Div header() {
        H3 heading = new H3("Confusion matrix");
        title.setId("confusion-title");
        title.addClassName("panel-summary");
        Div header = new Div(heading, title);
        header.addClassName("panel-header");
        return header;
    }
}
