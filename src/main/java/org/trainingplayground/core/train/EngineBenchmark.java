package org.trainingplayground.core.train;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.trainingplayground.core.spec.RunSpec;

/**
 * Times the training step of one run on the scheduler thread, with and without its
 * instrumentation (gradient norms every step, update ratios every 25th step), for
 * {@code bench engine}.
 *
 * <p>The two kinds of step alternate in blocks on the same run, so a noisy neighbour on the
 * machine slows both alike instead of skewing one side of the comparison.
 */
public final class EngineBenchmark {

    /** Steps of each kind between two switches. */
    private static final int BLOCK = 200;

    /** Medians in milliseconds per step. */
    public record Result(int stepsEach, double instrumentedMs, double plainMs) {

        /** The instrumentation's share of an instrumented step. */
        public double instrumentationShare() {
            return 1 - plainMs / instrumentedMs;
        }
    }

    private EngineBenchmark() {}

    /**
     * Trains {@code spec} for {@code warmupSteps}, then {@code stepsEach} steps of each kind.
     *
     * @throws IllegalArgumentException if the run would finish before the benchmark does
     */
    public static Result measure(
            TrainingEngine engine, RunSpec spec, int warmupSteps, int stepsEach)
            throws InterruptedException {
        CompletableFuture<Result> result = new CompletableFuture<>();
        engine.scheduler().execute(() -> {
            try {
                result.complete(measureHere(engine, spec, warmupSteps, stepsEach));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** On the scheduler thread: nothing else steps meanwhile. */
    private static Result measureHere(
            TrainingEngine engine, RunSpec spec, int warmupSteps, int stepsEach) {
        DatasetTensors data = engine.tensorSource().tensors(engine.dataset(spec));
        try (TrainingRun run = new TrainingRun(spec, data, engine.root())) {
            long needed = warmupSteps + 2L * stepsEach;
            if ((long) run.stepsPerEpoch() * spec.epochs() < needed) {
                throw new IllegalArgumentException("The run has only "
                        + (long) run.stepsPerEpoch() * spec.epochs() + " steps; the benchmark"
                        + " needs " + needed + ".");
            }
            for (int i = 0; i < warmupSteps; i++) {
                step(run);
            }
            long[] instrumented = new long[stepsEach];
            long[] plain = new long[stepsEach];
            int done = 0;
            while (done < stepsEach) {
                int block = Math.min(BLOCK, stepsEach - done);
                run.setInstrumented(true);
                for (int i = 0; i < block; i++) {
                    instrumented[done + i] = step(run);
                }
                run.setInstrumented(false);
                for (int i = 0; i < block; i++) {
                    plain[done + i] = step(run);
                }
                done += block;
            }
            return new Result(stepsEach, median(instrumented), median(plain));
        } finally {
            engine.tensorSource().release(data);
        }
    }

    private static long step(TrainingRun run) {
        long nanos = run.step().nanos();
        if (run.epochComplete()) {
            run.finishEpoch();
        }
        return nanos;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
