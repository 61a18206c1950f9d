package org.trainingplayground.ui.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.trainingplayground.core.metrics.LossSmoothing;
import org.trainingplayground.core.store.Series;
import org.trainingplayground.core.store.StoredRun;
import org.trainingplayground.ui.ChartOptions;

/**
 * The charts of kept runs, as ECharts options with their data: one run as the playground drew
 * it, and several runs overlaid. Built as JSON, never as script.
 */
final class HistoryCharts {

    /** What the x-axis of compared runs counts. */
    enum XAxis {
        STEP("step"),
        EPOCH("epoch"),
        TIME("seconds");

        final String label;

        XAxis(String label) {
            this.label = label;
        }
    }

    /** Colours of overlaid runs, the first eight of a palette readers can tell apart. */
    private static final List<String> RUN_COLOURS = List.of(
            "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf");

    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryCharts() {}

    /** The training loss of each step (or bucket) and its smoothed line. */
    static String loss(StoredRun run) {
        ObjectNode option = parse(ChartOptions.trainingLoss());
        List<Series.Point> points = run.series().getOrDefault(StoredRun.LOSS, List.of());
        ArrayNode series = (ArrayNode) option.get("series");
        fill(series.get(0), points, p -> p.firstStep(), Series.Point::mean);
        fill(series.get(1), smoothed(points), p -> p.firstStep(), Series.Point::mean);
        return option.toString();
    }

    /** Test loss and accuracy at every evaluation. */
    static String test(StoredRun run) {
        ObjectNode option = parse(ChartOptions.validation());
        ArrayNode series = (ArrayNode) option.get("series");
        ArrayNode loss = ((ObjectNode) series.get(0)).putArray("data");
        ArrayNode accuracy = ((ObjectNode) series.get(1)).putArray("data");
        for (StoredRun.Evaluation e : run.evaluations()) {
            point(loss, e.step(), e.loss());
            point(accuracy, e.step(), e.accuracy() * 100);
        }
        return option.toString();
    }

    /** One line per tensor of the series with this prefix (gradient norms or update ratios). */
    static String perTensor(StoredRun run, String prefix) {
        List<String> tensors = tensors(run, prefix);
        ObjectNode option = parse(
                prefix.equals(StoredRun.GRADIENT_PREFIX)
                        ? ChartOptions.gradientNorms(tensors)
                        : ChartOptions.updateRatios(tensors));
        ArrayNode series = (ArrayNode) option.get("series");
        for (int i = 0; i < tensors.size(); i++) {
            fill(
                    series.get(i),
                    run.series().get(prefix + tensors.get(i)),
                    p -> p.firstStep(),
                    Series.Point::mean);
        }
        return option.toString();
    }

    /** The tensors of the series with this prefix in the network's order: fc1.weight, fc1.bias… */
    static List<String> tensors(StoredRun run, String prefix) {
        List<String> tensors = new ArrayList<>();
        for (String name : run.series().keySet()) {
            if (name.startsWith(prefix)) {
                tensors.add(name.substring(prefix.length()));
            }
        }
        tensors.sort(Comparator.comparingInt(HistoryCharts::layerNumber)
                .thenComparing(name -> name.endsWith(".bias")));
        return tensors;
    }

    /** 3 for {@code fc3.weight}; names of another shape sort last. */
    private static int layerNumber(String tensor) {
        String digits = tensor.replaceFirst("^fc(\\d+)\\..*$", "$1");
        return digits.matches("\\d{1,6}") ? Integer.parseInt(digits) : Integer.MAX_VALUE;
    }

    /** The smoothed training loss of each run, overlaid. */
    static String comparedLoss(List<StoredRun> runs, List<String> names, XAxis x) {
        ObjectNode option = ChartOptions.base("Training loss (smoothed)", "loss");
        axis(option, x);
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < runs.size(); i++) {
            StoredRun run = runs.get(i);
            ObjectNode line = ChartOptions.line(names.get(i), colour(i), 2, false);
            fill(
                    line,
                    smoothed(run.series().getOrDefault(StoredRun.LOSS, List.of())),
                    p -> x(run, x, p.firstStep(), p.elapsedMs()),
                    Series.Point::mean);
            series.add(line);
        }
        return option.toString();
    }

    /** The test accuracy of each run, overlaid. */
    static String comparedAccuracy(List<StoredRun> runs, List<String> names, XAxis x) {
        ObjectNode option = ChartOptions.base("Test accuracy", "accuracy %");
        ((ObjectNode) option.get("yAxis").get(0)).put("max", 100);
        axis(option, x);
        ArrayNode series = option.putArray("series");
        for (int i = 0; i < runs.size(); i++) {
            StoredRun run = runs.get(i);
            ObjectNode line = ChartOptions.line(names.get(i), colour(i), 2, true);
            ArrayNode data = line.putArray("data");
            for (StoredRun.Evaluation e : run.evaluations()) {
                point(data, x(run, x, e.step(), e.elapsedMs()), e.accuracy() * 100);
            }
            series.add(line);
        }
        return option.toString();
    }

    static String colour(int index) {
        return RUN_COLOURS.get(index % RUN_COLOURS.size());
    }

    private static void axis(ObjectNode option, XAxis x) {
        ObjectNode axis = (ObjectNode) option.get("xAxis");
        axis.put("name", x.label);
        if (x != XAxis.STEP) {
            axis.remove("minInterval");
        }
    }

    private static double x(StoredRun run, XAxis x, long step, long elapsedMs) {
        return switch (x) {
            case STEP -> step;
            case EPOCH -> {
                int perEpoch = run.summary().start().stepsPerEpoch();
                yield perEpoch > 0 ? (double) step / perEpoch : Double.NaN;
            }
            case TIME -> elapsedMs / 1000.0;
        };
    }

    /** The smoothed loss the playground draws, over the kept points (buckets' means). */
    static List<Series.Point> smoothed(List<Series.Point> points) {
        List<Series.Point> smoothed = new ArrayList<>(points.size());
        LossSmoothing smoothing = new LossSmoothing();
        for (Series.Point p : points) {
            double value = smoothing.next(p.mean());
            smoothed.add(new Series.Point(
                    p.firstStep(), p.lastStep(), p.elapsedMs(), p.samples(), value, value, value));
        }
        return smoothed;
    }

    private static void fill(
            Object series,
            List<Series.Point> points,
            ToDoubleFunction<Series.Point> x,
            ToDoubleFunction<Series.Point> y) {
        ArrayNode data = ((ObjectNode) series).putArray("data");
        if (points != null) {
            points.forEach(p -> point(data, x.applyAsDouble(p), y.applyAsDouble(p)));
        }
    }

    private static void point(ArrayNode data, double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            data.addArray().add(x).add(y);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Our own chart option is not JSON", e);
        }
    }
}
