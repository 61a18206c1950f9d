package org.trainingplayground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import org.trainingplayground.session.MetricsHistory;
import org.trainingplayground.session.MetricsHistory.EvalSeries;
import org.trainingplayground.session.MetricsHistory.StepSeries;
import org.trainingplayground.ui.chart.EChart;

/**
 * The live charts: training loss, test loss and accuracy, and per layer the gradient norm and
 * the update:weight ratio.
 */
@CssImport("./styles/panels.css")
class ChartsPanel extends Composite<Div> {

    private MetricsHistory shownHistory;
    private int stepCursor;
    private int evalCursor;
    private final EChart loss = chart("loss-chart");
    private final EChart accuracy = chart("accuracy-chart");
    private final EChart gradNorms = chart("grad-norm-chart");
    private final EChart updateRatios = chart("update-ratio-chart");
    private List<String> parameterNames = List.of();
    /** Each chart's latest values as text, for screen readers and anyone who cannot read it. */
    private final Paragraph lossLatest = latest("loss-latest");

    private final Paragraph accuracyLatest = latest("accuracy-latest");
    private final Paragraph gradNormsLatest = latest("grad-norm-latest");
    private final Paragraph updateRatiosLatest = latest("update-ratio-latest");
    /** Draws the learner's previous run on this dataset under the loss, or hides it. */
    private final Checkbox showPrevious =
            new Checkbox("Show my previous run on this dataset (dashed grey)", true);
    /** The previous run's smoothed loss as chart data, or null when there is none. */
    private String previousRun;

    ChartsPanel() {
        Div grid = getContent();
        grid.setWidthFull();
        grid.addClassName("charts-grid");
        loss.setOption(ChartOptions.trainingLoss());
        accuracy.setOption(ChartOptions.validation());
        showPrevious.setId("previous-run-toggle");
        showPrevious.setVisible(false);
        showPrevious.addValueChangeListener(e -> drawPreviousRun());
        Div lossCaptioned = captioned(
                loss,
                lossLatest,
                "The loss of each batch, measured in the forward pass before"
                        + " the optimizer's step. The dark line is a moving average.");
        lossCaptioned.add(showPrevious);
        grid.add(
                lossCaptioned,
                captioned(
                        accuracy,
                        accuracyLatest,
                        "Measured on the test split, which the network never trains on,"
                                + " several times an epoch and at its end: the fraction it"
                                + " classifies correctly, and its loss."),
                captioned(
                        gradNorms,
                        gradNormsLatest,
                        "The size (L2 norm) of the gradient backpropagation"
                                + " computes for each layer: fc1 is the first Linear layer, the last one"
                                + " produces the logits. Solid: weights, dashed: biases."),
                captioned(
                        updateRatios,
                        updateRatiosLatest,
                        "How much each step changes a layer compared with"
                                + " the layer's size: ‖update‖ / ‖weights‖. Around 1/1000 (the green"
                                + " band) is healthy; far below, the layer hardly learns (learning rate"
                                + " too small); far above, it is thrown around (too large). Measured"
                                + " every 25th step, and at every step when slowed down."));
    }

    private static Div captioned(EChart chart, Paragraph latest, String caption) {
        Paragraph text = new Paragraph(caption);
        text.addClassName("chart-caption");
        return new Div(chart, latest, text);
    }

    private static Paragraph latest(String id) {
        Paragraph latest = new Paragraph(NOTHING_YET);
        latest.setId(id);
        latest.addClassName("chart-latest");
        return latest;
    }

    private static final String NOTHING_YET = "Latest: nothing measured yet.";

    private static EChart chart(String id) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setWidthFull();
        chart.setHeight("320px");
        return chart;
    }

    /**
     * Starts the charts afresh when {@code history} is a new run's (after a Reset or a new
     * network), whose parameters have these names.
     *
     * @return true when it was a new history
     */
    boolean startIfNew(MetricsHistory history, List<String> names) {
        if (history == shownHistory) {
            return false;
        }
        shownHistory = history;
        stepCursor = 0;
        evalCursor = 0;
        clear(names);
        return true;
    }

    /**
     * Draws this smoothed loss ({@code [[step, loss], …]}) of the learner's previous run on the
     * same dataset under the current one; empty: there is none.
     */
    void showPreviousRun(java.util.Optional<String> line) {
        previousRun = line.orElse(null);
        showPrevious.setVisible(previousRun != null);
        drawPreviousRun();
    }

    private void drawPreviousRun() {
        loss.setSeriesData(2, previousRun != null && showPrevious.getValue() ? previousRun : "[]");
    }

    /** Appends what the history shown has measured since the last call. */
    void appendNew() {
        StepSeries steps = shownHistory.stepsSince(stepCursor);
        EvalSeries evals = shownHistory.evaluationsSince(evalCursor);
        stepCursor = steps.end();
        evalCursor = evals.end();
        append(steps, evals);
    }

    /** Forgets the history shown, so the next {@link #startIfNew} redraws from its start. */
    void forgetHistory() {
        shownHistory = null;
    }

    /** Empties every chart for a new run whose parameters have these names. */
    private void clear(List<String> names) {
        loss.clearPoints();
        accuracy.clearPoints();
        if (!names.equals(parameterNames)) {
            parameterNames = List.copyOf(names);
            gradNorms.setOption(ChartOptions.gradientNorms(parameterNames));
            updateRatios.setOption(ChartOptions.updateRatios(
                    parameterNames,
                    StepThroughPanel.HEALTHY_RATIO_LOW,
                    StepThroughPanel.HEALTHY_RATIO_HIGH));
        }
        gradNorms.clearPoints();
        updateRatios.clearPoints();
        for (Paragraph latest :
                List.of(lossLatest, accuracyLatest, gradNormsLatest, updateRatiosLatest)) {
            latest.setText(NOTHING_YET);
        }
    }

    /** Appends new points only; each chart gets one call however many steps arrived. */
    private void append(StepSeries steps, EvalSeries evals) {
        if (!steps.isEmpty()) {
            double[] xs = toDoubles(steps.steps());
            loss.appendPoints(
                    xs,
                    new double[][] {toDoubles(steps.losses()), toDoubles(steps.smoothedLosses())});
            gradNorms.appendPoints(xs, toDoubles(steps.gradNorms()));
            appendMeasured(updateRatios, xs, toDoubles(steps.updateRatios()));
            showLatestSteps(steps);
        }
        if (!evals.isEmpty()) {
            double[] percent = toDoubles(evals.accuracies());
            for (int i = 0; i < percent.length; i++) {
                percent[i] *= 100;
            }
            accuracy.appendPoints(
                    toDoubles(evals.steps()), new double[][] {toDoubles(evals.losses()), percent});
            int last = evals.steps().length - 1;
            accuracyLatest.setText(String.format(
                    Locale.ROOT,
                    "Latest: step %d, test accuracy %.1f %%, test loss %s.",
                    evals.steps()[last],
                    percent[last],
                    format(evals.losses()[last])));
        }
    }

    private void showLatestSteps(StepSeries steps) {
        int last = steps.steps().length - 1;
        lossLatest.setText("Latest: step " + steps.steps()[last] + ", loss "
                + format(steps.losses()[last]) + " (moving average "
                + format(steps.smoothedLosses()[last]) + ").");
        gradNormsLatest.setText("Latest, step " + steps.steps()[last] + ": "
                + perLayer(steps.gradNorms(), last) + ".");
        // The ratio is measured every 25th step only: show the newest step that has it.
        float[][] ratios = steps.updateRatios();
        for (int i = last; i >= 0; i--) {
            if (ratios.length > 0 && !Float.isNaN(ratios[0][i])) {
                updateRatiosLatest.setText(
                        "Latest, step " + steps.steps()[i] + ": " + perLayer(ratios, i) + ".");
                break;
            }
        }
    }

    private String perLayer(float[][] series, int index) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < series.length && p < parameterNames.size(); p++) {
            text.append(p == 0 ? "" : ", ")
                    .append(parameterNames.get(p))
                    .append(' ')
                    .append(format(series[p][index]));
        }
        return text.toString();
    }

    private static String format(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3g", value) : "not a number";
    }

    EChart lossChart() {
        return loss;
    }

    EChart gradNormChart() {
        return gradNorms;
    }

    EChart updateRatioChart() {
        return updateRatios;
    }

    private static double[][] toDoubles(float[][] rows) {
        double[][] result = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            result[r] = toDoubles(rows[r]);
        }
        return result;
    }

    /** Appends only the steps where the first series was measured (the others are NaN). */
    private static void appendMeasured(EChart chart, double[] xs, double[][] ys) {
        int measured = 0;
        for (int i = 0; i < xs.length; i++) {
            if (ys.length > 0 && !Double.isNaN(ys[0][i])) {
                measured++;
            }
        }
        if (measured == 0) {
            return;
        }
        double[] keptXs = new double[measured];
        double[][] keptYs = new double[ys.length][measured];
        int k = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isNaN(ys[0][i])) {
                keptXs[k] = xs[i];
                for (int s = 0; s < ys.length; s++) {
                    keptYs[s][k] = ys[s][i];
                }
                k++;
            }
        }
        chart.appendPoints(keptXs, keptYs);
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    private static double[] toDoubles(long[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
