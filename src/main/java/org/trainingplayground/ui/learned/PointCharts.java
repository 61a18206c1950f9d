package org.trainingplayground.ui.learned;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.ui.chart.EChart;

/**
 * The ECharts options shared by the charts of 2-D points: a square plot with axes x1 and x2,
 * points in their class colour, and optionally the decision boundary heatmap behind them.
 *
 * <p>ECharts draws heatmaps only on category axes, so the heatmap lives in a grid of its own,
 * with hidden axes, exactly under the grid of the points with their value axes.
 */
final class PointCharts {

    /** Confidence shades per class in the heatmap: from "barely more than a guess" to "sure". */
    static final int CONFIDENCE_LEVELS = 4;

    static final String TRAINING = "training points";
    static final String TEST = "test points";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext COORDINATE_PRECISION = new MathContext(4);

    /** Plot margins in % of the chart; with the chart's aspect ratio they make the plot square. */
    private static final String LEFT = "13%";

    private static final String RIGHT = "3%";
    private static final String TOP = "3%";
    private static final String BOTTOM = "19%";

    private PointCharts() {}

    /**
     * A chart element sized so that its plot is square: the stylesheet's {@code .point-chart}
     * aspect ratio matches the margins above.
     */
    static EChart squareChart(String maxWidth) {
        EChart chart = new EChart();
        chart.setWidthFull();
        chart.setMaxWidth(maxWidth);
        chart.setHeight(null);
        chart.addClassName("point-chart");
        return chart;
    }

    /**
     * The boundary chart: series 0 is the heatmap, then the training points of each class, then
     * the test points of each class (see {@link #pointSeriesData}).
     */
    static String boundaryOption(PointDataset data, double min, double max, int resolution) {
        int classes = data.classes();
        ObjectNode option = base();
        ArrayNode legend = option.putObject("legend").put("bottom", 0).putArray("data");
        legend.addObject()
                .put("name", TRAINING)
                .put("icon", "circle")
                .putObject("itemStyle")
                .put("color", "#555")
                .put("borderColor", "#fff");
        legend.addObject()
                .put("name", TEST)
                .put("icon", "diamond")
                .putObject("itemStyle")
                .put("color", "#fff")
                .put("borderColor", "#333")
                .put("borderWidth", 2);
        ArrayNode grids = option.putArray("grid");
        grid(grids);
        grid(grids);
        ArrayNode xAxes = option.putArray("xAxis");
        ArrayNode yAxes = option.putArray("yAxis");
        cellAxis(xAxes.addObject(), resolution);
        cellAxis(yAxes.addObject(), resolution);
        valueAxis(xAxes.addObject(), "x1", min, max).put("gridIndex", 1);
        valueAxis(yAxes.addObject(), "x2", min, max).put("gridIndex", 1);
        ObjectNode shades = option.putObject("visualMap")
                .put("type", "piecewise")
                .put("show", false)
                .put("seriesIndex", 0)
                .put("dimension", 2);
        ArrayNode pieces = shades.putArray("pieces");
        for (int c = 0; c < classes; c++) {
            for (int level = 0; level < CONFIDENCE_LEVELS; level++) {
                // Pale where the network is unsure, so the boundary's uncertain band shows.
                double strength = 0.18 + 0.42 * level / (CONFIDENCE_LEVELS - 1);
                pieces.addObject()
                        .put("value", c * CONFIDENCE_LEVELS + level)
                        .put("color", ClassColours.light(c, strength));
            }
        }
        ArrayNode series = option.putArray("series");
        series.addObject()
                .put("type", "heatmap")
                .put("xAxisIndex", 0)
                .put("yAxisIndex", 0)
                .put("silent", true)
                .put("progressive", 0);
        for (int c = 0; c < classes; c++) {
            trainingSeries(series.addObject(), c).put("name", TRAINING);
        }
        for (int c = 0; c < classes; c++) {
            ObjectNode test = series.addObject()
                    .put("type", "scatter")
                    .put("name", TEST)
                    .put("xAxisIndex", 1)
                    .put("yAxisIndex", 1)
                    .put("symbol", "diamond")
                    .put("symbolSize", 9)
                    .put("silent", true);
            test.putObject("itemStyle")
                    .put("color", "rgba(255,255,255,0.85)")
                    .put("borderColor", ClassColours.dark(c))
                    .put("borderWidth", 2);
        }
        return option.toString();
    }

    /** The preview chart: one series of training points per class, named by the class. */
    static String previewOption(PointDataset data) {
        double[] bounds = data.bounds();
        ObjectNode option = base();
        option.putObject("legend").put("bottom", 0).put("type", "scroll");
        grid(option.putArray("grid"));
        valueAxis(option.putObject("xAxis"), "x1", bounds[0], bounds[1]);
        valueAxis(option.putObject("yAxis"), "x2", bounds[0], bounds[1]);
        ArrayNode series = option.putArray("series");
        for (int c = 0; c < data.classes(); c++) {
            trainingSeries(series.addObject(), c)
                    .put("name", data.classNames().get(c))
                    .put("xAxisIndex", 0)
                    .put("yAxisIndex", 0);
        }
        return option.toString();
    }

    /** The points of class {@code cls} as ECharts data, {@code [[x,y],…]}. */
    static String pointSeriesData(float[] points, int[] labels, int cls) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != cls) {
                continue;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('[')
                    .append(coordinate(points[2 * i]))
                    .append(',')
                    .append(coordinate(points[2 * i + 1]))
                    .append(']');
        }
        return json.append(']').toString();
    }

    private static ObjectNode trainingSeries(ObjectNode series, int cls) {
        series.put("type", "scatter")
                .put("xAxisIndex", 1)
                .put("yAxisIndex", 1)
                .put("symbolSize", 7)
                .put("silent", true);
        series.putObject("itemStyle")
                .put("color", ClassColours.dark(cls))
                .put("borderColor", "#fff")
                .put("borderWidth", 1);
        return series;
    }

    private static ObjectNode base() {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        return option;
    }

    private static void grid(ArrayNode grids) {
        grids.addObject()
                .put("left", LEFT)
                .put("right", RIGHT)
                .put("top", TOP)
                .put("bottom", BOTTOM);
    }

    private static void cellAxis(ObjectNode axis, int resolution) {
        axis.put("type", "category").put("show", false).put("gridIndex", 0);
        ArrayNode cells = axis.putArray("data");
        for (int i = 0; i < resolution; i++) {
            cells.add(i);
        }
    }

    private static ObjectNode valueAxis(ObjectNode axis, String name, double min, double max) {
        axis.put("type", "value")
                .put("name", name)
                .put("nameLocation", "middle")
                .put("nameGap", 28)
                .put("min", min)
                .put("max", max);
        axis.putObject("nameTextStyle").put("fontWeight", "bold");
        // At the plot's edge, not through the origin where it would hide points.
        axis.putObject("axisLine").put("onZero", false);
        // The bounds are arbitrary numbers; labels only at the round ticks inside them.
        axis.putObject("axisLabel").put("showMinLabel", false).put("showMaxLabel", false);
        axis.putObject("splitLine").put("show", false);
        return axis;
    }

    private static String coordinate(float value) {
        if (!Float.isFinite(value)) {
            return "null";
        }
        return new BigDecimal(value, COORDINATE_PRECISION).stripTrailingZeros().toPlainString();
    }
}
