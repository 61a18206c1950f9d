package org.trainingplayground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
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

    ChartsPanel() {
        Div grid = getContent();
        grid.setWidthFull();
        grid.addClassName("charts-grid");
        loss.setOption(ChartOptions.trainingLoss());
        accuracy.setOption(ChartOptions.validation());
        grid.add(
                captioned(
                        loss,
                        "The loss of each batch, measured in the forward pass before"
                                + " the optimizer's step. The dark line is a moving average."),
                captioned(
                        accuracy,
                        "Measured every 25 steps on the test split, which the"
                                + " network never trains on: the fraction it classifies correctly, and"
                                + " its loss."),
                captioned(
                        gradNorms,
                        "The size (L2 norm) of the gradient backpropagation"
                                + " computes for each layer: fc1 is the first Linear layer, the last one"
                                + " produces the logits. Solid: weights, dashed: biases."),
                captioned(
                        updateRatios,
                        "How much each step changes a layer compared with"
                                + " the layer's size: ‖update‖ / ‖weights‖. Around 1/1000 (the green"
                                + " band) is healthy; far below, the layer hardly learns (learning rate"
                                + " too small); far above, it is thrown around (too large). Measured"
                                + " every 25th step, and at every step when slowed down."));
    }

    private static Div captioned(EChart chart, String caption) {
        Paragraph text = new Paragraph(caption);
        text.addClassName("chart-caption");
        return new Div(chart, text);
    }

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
        }
        if (!evals.isEmpty()) {
            double[] percent = toDoubles(evals.accuracies());
            for (int i = 0; i < percent.length; i++) {
                percent[i] *= 100;
            }
            accuracy.appendPoints(
                    toDoubles(evals.steps()), new double[][] {toDoubles(evals.losses()), percent});
        }
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
