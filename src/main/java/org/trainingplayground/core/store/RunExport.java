package org.trainingplayground.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A kept run's metrics as a file: CSV (one row per measurement, for a spreadsheet) or JSON
 * (everything, with the run's settings). The page's export links and {@code runs export}
 * write the same files. A value that was not measured, or not finite, is empty (CSV) or null
 * (JSON).
 */
public final class RunExport {

    /** The CSV's header: {@code record} is point, evaluation or epoch. */
    public static final String CSV_HEADER =
            "record,series,step,last_step,elapsed_ms,samples,value,min,max";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunExport() {}

    public static String csv(StoredRun run) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Map.Entry<String, List<Series.Point>> series : run.series().entrySet()) {
            for (Series.Point p : series.getValue()) {
                row(
                        csv,
                        "point",
                        series.getKey(),
                        p.firstStep(),
                        p.lastStep(),
                        p.elapsedMs(),
                        p.samples(),
                        p.mean(),
                        p.min(),
                        p.max());
            }
        }
        for (StoredRun.Evaluation e : run.evaluations()) {
            row(
                    csv,
                    "evaluation",
                    "test_loss",
                    e.step(),
                    e.step(),
                    e.elapsedMs(),
                    1,
                    e.loss(),
                    Double.NaN,
                    Double.NaN);
            row(
                    csv,
                    "evaluation",
                    "test_accuracy",
                    e.step(),
                    e.step(),
                    e.elapsedMs(),
                    1,
                    e.accuracy(),
                    Double.NaN,
                    Double.NaN);
        }
        for (StoredRun.Epoch e : run.epochs()) {
            row(
                    csv,
                    "epoch",
                    "train_loss",
                    e.step(),
                    e.step(),
                    e.elapsedMs(),
                    1,
                    e.trainLoss(),
                    Double.NaN,
                    Double.NaN);
        }
        return csv.toString();
    }

    private static void row(
            StringBuilder csv,
            String record,
            String series,
            long step,
            long lastStep,
            long elapsedMs,
            int samples,
            double value,
            double min,
            double max) {
        // Series names are ours (loss, grad:fc1.weight…): no commas or quotes to escape.
        csv.append(record)
                .append(',')
                .append(series)
                .append(',')
                .append(step)
                .append(',')
                .append(lastStep)
                .append(',')
                .append(elapsedMs)
                .append(',')
                .append(samples)
                .append(',')
                .append(number(value))
                .append(',')
                .append(number(min))
                .append(',')
                .append(number(max))
                .append('\n');
    }

    private static String number(double value) {
        return Double.isFinite(value)
                ? String.format(Locale.ROOT, "%.7g", value).trim()
                : "";
    }

    public static String json(StoredRun run) {
        RunSummary summary = run.summary();
        RunStart start = summary.start();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "training-playground-run").put("version", 1);
        root.put("id", start.id())
                .put("startedAt", start.startedAt().toString())
                .put(
                        "endedAt",
                        summary.endedAt() == null ? null : summary.endedAt().toString())
                .put("status", summary.status().word())
                .put("message", summary.message())
                .put("dataset", start.dataset())
                .put("network", start.network())
                .put("optimizer", start.optimizer())
                .put("learningRate", start.learningRate())
                .put("seed", start.seed())
                .put("parameters", start.parameters())
                .put("epochs", start.epochs())
                .put("steps", summary.steps())
                .put("epochsDone", summary.epochsDone());
        put(root, "testAccuracy", summary.testAccuracy());
        root.set("settings", settings(start.settingsJson()));
        ArrayNode evaluations = root.putArray("evaluations");
        for (StoredRun.Evaluation e : run.evaluations()) {
            ObjectNode row = evaluations
                    .addObject()
                    .put("step", e.step())
                    .put("epoch", e.epoch())
                    .put("elapsedMs", e.elapsedMs());
            put(row, "loss", e.loss());
            put(row, "accuracy", e.accuracy());
        }
        ArrayNode epochs = root.putArray("epochs");
        for (StoredRun.Epoch e : run.epochs()) {
            ObjectNode row = epochs.addObject()
                    .put("epoch", e.epoch())
                    .put("step", e.step())
                    .put("elapsedMs", e.elapsedMs());
            put(row, "trainLoss", e.trainLoss());
            put(row, "testLoss", e.testLoss());
            put(row, "testAccuracy", e.testAccuracy());
        }
        ObjectNode series = root.putObject("series");
        run.series().forEach((name, points) -> {
            ArrayNode rows = series.putArray(name);
            for (Series.Point p : points) {
                ObjectNode row = rows.addObject()
                        .put("step", p.firstStep())
                        .put("lastStep", p.lastStep())
                        .put("elapsedMs", p.elapsedMs())
                        .put("samples", p.samples());
                put(row, "mean", p.mean());
                put(row, "min", p.min());
                put(row, "max", p.max());
            }
        });
        return root.toPrettyString();
    }

    private static JsonNode settings(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** A file name for the download: {@code run-<id>.csv}. */
    public static String fileName(StoredRun run, String extension) {
        return "run-" + run.summary().id() + "." + extension;
    }
}
