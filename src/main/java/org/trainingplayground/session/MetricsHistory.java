package org.trainingplayground.session;

import java.util.Arrays;
import java.util.Locale;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.LossSmoothing;
import org.trainingplayground.core.metrics.StepMetrics;

/**
 * Everything one run has measured so far, kept so that a reloaded page can redraw its charts, and
 * read incrementally so that a chart receives only what is new. Written by the scheduler thread,
 * read by UI threads.
 */
public final class MetricsHistory {

    private final int parameters;
    private long[] steps = new long[1024];
    private float[] losses = new float[1024];
    private float[] smoothed = new float[1024];
    private float[][] gradNorms;
    private float[][] updateRatios;
    private int stepCount;
    private final LossSmoothing smoothing = new LossSmoothing();

    private long[] evalSteps = new long[64];
    private float[] evalLosses = new float[64];
    private float[] evalAccuracies = new float[64];
    private int evalCount;

    public MetricsHistory(int parameters) {
        this.parameters = parameters;
        this.gradNorms = new float[parameters][1024];
        this.updateRatios = new float[parameters][1024];
    }

    synchronized void addStep(StepMetrics step) {
        if (stepCount == steps.length) {
            int capacity = stepCount * 2;
            steps = Arrays.copyOf(steps, capacity);
            losses = Arrays.copyOf(losses, capacity);
            smoothed = Arrays.copyOf(smoothed, capacity);
            for (int p = 0; p < parameters; p++) {
                gradNorms[p] = Arrays.copyOf(gradNorms[p], capacity);
                updateRatios[p] = Arrays.copyOf(updateRatios[p], capacity);
            }
        }
        steps[stepCount] = step.step();
        losses[stepCount] = step.loss();
        smoothed[stepCount] = (float) smoothing.next(step.loss());
        for (int p = 0; p < parameters; p++) {
            gradNorms[p][stepCount] = step.gradNorms()[p];
            updateRatios[p][stepCount] = step.updateRatios()[p];
        }
        stepCount++;
    }

    synchronized void addEvaluation(EvalMetrics eval) {
        if (evalCount == evalSteps.length) {
            int capacity = evalCount * 2;
            evalSteps = Arrays.copyOf(evalSteps, capacity);
            evalLosses = Arrays.copyOf(evalLosses, capacity);
            evalAccuracies = Arrays.copyOf(evalAccuracies, capacity);
        }
        evalSteps[evalCount] = eval.step();
        evalLosses[evalCount] = eval.loss();
        evalAccuracies[evalCount] = eval.accuracy();
        evalCount++;
    }

    public synchronized int stepCount() {
        return stepCount;
    }

    /** Training steps from index {@code from} on: step numbers, loss, smoothed loss, norms. */
    public synchronized StepSeries stepsSince(int from) {
        int to = stepCount;
        int start = Math.min(from, to);
        float[][] norms = new float[parameters][];
        float[][] ratios = new float[parameters][];
        for (int p = 0; p < parameters; p++) {
            norms[p] = Arrays.copyOfRange(gradNorms[p], start, to);
            ratios[p] = Arrays.copyOfRange(updateRatios[p], start, to);
        }
        return new StepSeries(
                to,
                Arrays.copyOfRange(steps, start, to),
                Arrays.copyOfRange(losses, start, to),
                Arrays.copyOfRange(smoothed, start, to),
                norms,
                ratios);
    }

    /** Evaluations from index {@code from} on. */
    public synchronized EvalSeries evaluationsSince(int from) {
        int to = evalCount;
        int start = Math.min(from, to);
        return new EvalSeries(
                to,
                Arrays.copyOfRange(evalSteps, start, to),
                Arrays.copyOfRange(evalLosses, start, to),
                Arrays.copyOfRange(evalAccuracies, start, to));
    }

    /**
     * At most {@code points} points of the smoothed training loss, evenly spaced over the run
     * and ending at its newest step: a class's overview draws forty of these at once.
     */
    public synchronized Curve lossCurve(int points) {
        return Curve.sampled(steps, smoothed, stepCount, points);
    }

    /** At most {@code points} test accuracies (0 to 1), evenly spaced, the newest last. */
    public synchronized Curve accuracyCurve(int points) {
        return Curve.sampled(evalSteps, evalAccuracies, evalCount, points);
    }

    /** A curve by step, downsampled: {@code steps[i]} has {@code values[i]}. */
    public record Curve(long[] steps, float[] values) {

        static Curve sampled(long[] steps, float[] values, int count, int points) {
            int n = Math.min(count, points);
            long[] sampledSteps = new long[n];
            float[] sampledValues = new float[n];
            for (int k = 0; k < n; k++) {
                // Always the first and the newest point; evenly between them.
                int i = n == 1 ? count - 1 : (int) Math.round((double) k * (count - 1) / (n - 1));
                sampledSteps[k] = steps[i];
                sampledValues[k] = values[i];
            }
            return new Curve(sampledSteps, sampledValues);
        }

        /**
         * {@code [[step,value],…]} with each value times {@code scale}, to four significant
         * digits: as much as a line on a class's overview needs.
         */
        public String json(double scale) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < steps.length; i++) {
                double value = values[i] * scale;
                if (Double.isFinite(value)) {
                    json.append(json.length() > 1 ? ",[" : "[")
                            .append(steps[i])
                            .append(',')
                            .append(fourDigits(value))
                            .append(']');
                }
            }
            return json.append(']').toString();
        }

        private static String fourDigits(double value) {
            String text = String.format(Locale.ROOT, "%.4g", value);
            if (text.indexOf('.') < 0 || text.indexOf('e') >= 0) {
                return text; // 1000, 1.200e-05: as they are
            }
            // 2.300 is 2.3, 100.0 is 100 (no regular expression: 3,200 of these a second).
            int end = text.length();
            while (text.charAt(end - 1) == '0') {
                end--;
            }
            return text.substring(0, text.charAt(end - 1) == '.' ? end - 1 : end);
        }

        /** The step of the newest point; -1 when there is none. */
        public long lastStep() {
            return steps.length == 0 ? -1 : steps[steps.length - 1];
        }
    }

    /** The newest evaluation, or null before the first. */
    public synchronized EvalMetrics latestEvaluation() {
        if (evalCount == 0) {
            return null;
        }
        int i = evalCount - 1;
        return new EvalMetrics(evalSteps[i], 0, evalLosses[i], evalAccuracies[i]);
    }

    /**
     * A slice of the per-step series.
     *
     * @param end index to read from next time
     */
    public record StepSeries(
            int end,
            long[] steps,
            float[] losses,
            float[] smoothedLosses,
            float[][] gradNorms,
            float[][] updateRatios) {
        public boolean isEmpty() {
            return steps.length == 0;
        }
    }

    /** A slice of the evaluations; {@code end} is the index to read from next time. */
    public record EvalSeries(int end, long[] steps, float[] losses, float[] accuracies) {
        public boolean isEmpty() {
            return steps.length == 0;
        }
    }
}
