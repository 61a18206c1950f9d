package org.trainingplayground.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The ECharts options of the playground's charts, built as JSON (never as script). */
public final class ChartOptions {

    /** One colour per layer; a layer's weight and bias share it (bias dashed). */
    private static final List<String> LAYER_COLOURS =
            List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartOptions() {}

    public static String trainingLoss() {
        ObjectNode option = base("Training loss per step (cross-entropy)", "loss");
        ArrayNode series = option.putArray("series");
        series.add(line("loss of each batch", "#9ecae1", 1, false));
        series.add(line("smoothed", "#08519c", 2.5, false));
        ObjectNode previous = line("your previous run (smoothed)", "#9e9e9e", 1.5, false);
        ((ObjectNode) previous.get("lineStyle")).put("type", "dashed").put("opacity", 0.7);
        series.add(previous);
        return option.toString();
    }

    public static String validation() {
        ObjectNode option = base("Test split: loss and accuracy", "loss");
        ObjectNode accuracyAxis = ((ArrayNode) option.get("yAxis")).addObject();
        accuracyAxis
                .put("type", "value")
                .put("name", "accuracy %")
                .put("min", 0)
                .put("max", 100)
                .put("position", "right");
        accuracyAxis.putObject("splitLine").put("show", false);
        ArrayNode series = option.putArray("series");
        series.add(line("test loss", "#d62728", 2, true));
        series.add(line("test accuracy (%)", "#2ca02c", 2, true).put("yAxisIndex", 1));
        return option.toString();
    }

    public static String gradientNorms(List<String> parameterNames) {
        return perTensor("Gradient norm per layer (log scale)", "‖gradient‖", parameterNames)
                .toString();
    }

    /** Update:weight ratios with the step-through's healthy band. */
    public static String updateRatios(List<String> parameterNames) {
        return updateRatios(
                parameterNames,
                StepThroughPanel.HEALTHY_RATIO_LOW,
                StepThroughPanel.HEALTHY_RATIO_HIGH);
    }

    /**
     * Update:weight ratio per tensor on a log axis, with a shaded band from {@code healthyLow}
     * to {@code healthyHigh} around the rule of thumb of 1e-3.
     */
    public static String updateRatios(
            List<String> parameterNames, double healthyLow, double healthyHigh) {
        ObjectNode option = perTensor(
                "Update : weight ratio per layer (log scale)",
                "‖update‖ / ‖weight‖",
                parameterNames);
        ArrayNode series = (ArrayNode) option.get("series");
        if (!series.isEmpty()) {
            // The band belongs to the first series only so that it is drawn once.
            ObjectNode band = ((ObjectNode) series.get(0)).putObject("markArea");
            band.put("silent", true);
            band.putObject("itemStyle").put("color", "rgba(44, 160, 44, 0.10)");
            band.putObject("label")
                    .put("position", "insideBottomRight")
                    .put("color", "#2c7a2c")
                    .put("fontSize", 11);
            ArrayNode area = band.putArray("data").addArray();
            area.addObject().put("name", "healthy ≈ 1e-3").put("yAxis", healthyLow);
            area.addObject().put("yAxis", healthyHigh);
        }
        return option.toString();
    }

    /** One line per parameter tensor on a log axis: a layer's colour, its bias dashed. */
    private static ObjectNode perTensor(String title, String yName, List<String> names) {
        ObjectNode option = base(title, yName);
        ((ObjectNode) option.get("yAxis").get(0)).put("type", "log").remove("min");
        // Six or more names: let the legend wrap instead of paging.
        ((ObjectNode) option.get("legend")).put("type", "plain");
        ((ObjectNode) option.get("grid")).put("bottom", 84);
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < names.size(); i++) {
            String colour = LAYER_COLOURS.get((i / 2) % LAYER_COLOURS.size());
            ObjectNode s = line(names.get(i), colour, 1.5, false);
            if (names.get(i).endsWith(".bias")) {
                ((ObjectNode) s.get("lineStyle")).put("type", "dashed");
            }
            series.add(s);
        }
        return option;
    }

    public static ObjectNode base(String title, String yName) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0).put("type", "scroll");
        // The axes' names sit above the plot: a grid top of 60 keeps them below the title, which
        // on a phone spans the whole chart's width.
        option.putObject("grid").put("left", 56).put("right", 56).put("top", 60).put("bottom", 64);
        option.putObject("xAxis")
                .put("type", "value")
                .put("name", "step")
                .put("nameLocation", "middle")
                .put("nameGap", 24)
                .put("min", 0)
                .put("minInterval", 1);
        option.putArray("yAxis")
                .addObject()
                .put("type", "value")
                .put("name", yName)
                .put("min", 0);
        return option;
    }

    public static ObjectNode line(String name, String colour, double width, boolean symbols) {
        ObjectNode series = JSON.createObjectNode();
        series.put("name", name)
                .put("type", "line")
                .put("showSymbol", symbols)
                .put("color", colour)
                .put("sampling", "lttb");
        series.putObject("lineStyle").put("width", width);
        series.putArray("data");
        return series;
    }
}
