package org.trainingplayground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.RunHandle;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * {@code train}'s output: one JSON line per epoch and a summary, in the shape of
 * {@code shared/bench/pytorch_reference.py}, so the two can be compared line by line.
 */
final class ReferenceLines {

    private ReferenceLines() {}

    /**
     * Trains {@code runSpec} at full speed and prints its JSON lines; a run that fails ends
     * with its sentence as an exception, after its lines.
     */
    static int train(TrainingEngine engine, RunSpec runSpec, int threads, PrintStream out)
            throws InterruptedException {
        return train(engine, runSpec, threads, out, new RunListener() {});
    }

    /** The same, also telling {@code also} (the run history's journal) what the run measures. */
    static int train(
            TrainingEngine engine, RunSpec runSpec, int threads, PrintStream out, RunListener also)
            throws InterruptedException {
        ObjectMapper json = new ObjectMapper();
        CountDownLatch done = new CountDownLatch(1);
        long[][] stepNanos = {new long[4096]};
        int[] steps = {0};
        String[] failure = {null};
        RunListener listener = new RunListener() {
            @Override
            public void onReady(float initialLoss, EvalMetrics untrained) {
                also.onReady(initialLoss, untrained);
                ObjectNode line = json.createObjectNode();
                line.put("epoch", 0);
                line.put("trainLoss", round(initialLoss));
                out.println(line);
            }

            @Override
            public void onStep(StepMetrics step) {
                also.onStep(step);
                if (steps[0] == stepNanos[0].length) {
                    stepNanos[0] = Arrays.copyOf(stepNanos[0], steps[0] * 2);
                }
                stepNanos[0][steps[0]++] = step.nanos();
            }

            @Override
            public void onEvaluation(EvalMetrics evaluation) {
                also.onEvaluation(evaluation);
            }

            @Override
            public void onEpoch(EpochMetrics epoch) {
                also.onEpoch(epoch);
                ObjectNode line = json.createObjectNode();
                line.put("epoch", epoch.epoch());
                line.put("trainLoss", round(epoch.trainLoss()));
                line.put("valLoss", round(epoch.validation().loss()));
                line.put("valAccuracy", round(epoch.validation().accuracy()));
                out.println(line);
            }

            @Override
            public void onStateChanged(RunState state, String message) {
                also.onStateChanged(state, message);
                if (state == RunState.FAILED) {
                    failure[0] = message;
                }
                if (state == RunState.FINISHED
                        || state == RunState.FAILED
                        || state == RunState.CLOSED) {
                    done.countDown();
                }
            }
        };
        RunHandle run = engine.newRun(runSpec, listener);
        run.start();
        done.await();
        run.close();

        ObjectNode summary = json.createObjectNode();
        summary.put("summary", "djl");
        summary.put("engine", engine.engineVersion());
        summary.put("threads", threads);
        summary.put("steps", steps[0]);
        summary.put("msPerStepMedian", round(medianOfWarmSteps(stepNanos[0], steps[0]) / 1e6));
        out.println(summary);
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return 0;
    }

    /** Median over all but the first 10 % of steps, as the PyTorch reference computes it. */
    static double medianOfWarmSteps(long[] nanos, int count) {
        int n = Math.min(count, nanos.length);
        long[] warm = Arrays.copyOfRange(nanos, n / 10, n);
        if (warm.length == 0) {
            return 0;
        }
        Arrays.sort(warm);
        int mid = warm.length / 2;
        return warm.length % 2 == 1 ? warm[mid] : (warm[mid - 1] + warm[mid]) / 2.0;
    }

    /** Four decimals, as the reference prints; NaN stays NaN so a diverged run is visible. */
    private static double round(double value) {
        // Beyond 1e12 four decimals mean nothing, and value × 1e4 would overflow a long.
        return Double.isFinite(value) && Math.abs(value) < 1e12
                ? Math.round(value * 1e4) / 1e4
                : value;
    }
}
