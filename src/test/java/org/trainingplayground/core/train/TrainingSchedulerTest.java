package org.trainingplayground.core.train;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.schedule.BackgroundPriority;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

class TrainingSchedulerTest {

    /** Counts a run's steps and opens a latch once it has taken enough. */
    private static final class Counter implements RunListener {
        final AtomicInteger steps = new AtomicInteger();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch enough;
        volatile RunState state;

        Counter(int wanted) {
            enough = new CountDownLatch(wanted);
        }

        @Override
        public void onReady(float initialLoss, EvalMetrics untrained) {
            ready.countDown();
        }

        @Override
        public void onStep(StepMetrics step) {
            steps.incrementAndGet();
            enough.countDown();
        }

        @Override
        public void onStateChanged(RunState newState, String message) {
            state = newState;
        }
    }

    @Test
    void theTrainingThreadYieldsToTheWebServersThreads() throws Exception {
        assumeTrue(BackgroundPriority.currentThreadNiceness() != null, "Linux only");
        Integer training = TestEngine.onScheduler(BackgroundPriority::currentThreadNiceness);
        assertEquals(BackgroundPriority.NICENESS, training);
    }

    @Test
    void aRunThatStartsTakesTheNextTurnInsteadOfWaitingForAWholeRound() throws Exception {
        TrainingEngine engine = TestEngine.get();
        // Everything the scheduler reports, in its order (one thread: no interleaving).
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        List<RunHandle> others = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                RunHandle other =
                        engine.newRun(RunSpec.lesson().withSeed(10 + i), new RunListener() {
                            @Override
                            public void onStep(StepMetrics step) {
                                events.add("other");
                            }
                        });
                others.add(other);
                other.start();
            }
            Counter latecomer = new Counter(1);
            RunHandle late = engine.newRun(RunSpec.lesson(), new RunListener() {
                @Override
                public void onReady(float initialLoss, EvalMetrics untrained) {
                    latecomer.onReady(initialLoss, untrained);
                }

                @Override
                public void onStep(StepMetrics step) {
                    events.add("late step");
                    latecomer.onStep(step);
                }

                @Override
                public void onStateChanged(RunState state, String message) {
                    events.add("late " + state);
                }
            });
            assertTrue(latecomer.ready.await(30, TimeUnit.SECONDS));
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> events.size() > 50);
            late.start();
            assertTrue(latecomer.enough.await(30, TimeUnit.SECONDS));
            late.close();
            List<String> seen;
            synchronized (events) {
                seen = List.copyOf(events);
            }
            int running = seen.indexOf("late RUNNING");
            assertEquals(
                    "late step",
                    seen.get(running + 1),
                    "the step right after Start is the latecomer's: "
                            + seen.subList(running, Math.min(seen.size(), running + 8)));
        } finally {
            others.forEach(RunHandle::close);
        }
    }

    @Test
    void runsTrainingAtTheSameTimeGetEqualNumbersOfSteps() throws Exception {
        TrainingEngine engine = TestEngine.get();
        RunSpec spec = RunSpec.lesson().withEpochs(50);
        List<Counter> counters = new ArrayList<>();
        List<RunHandle> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Counter counter = new Counter(100);
            counters.add(counter);
            runs.add(engine.newRun(spec.withSeed(i), counter));
        }
        for (Counter counter : counters) {
            assertTrue(counter.ready.await(1, TimeUnit.MINUTES));
        }
        // Start them all in one scheduler command so no run gets a head start.
        CompletableFuture<Void> started = new CompletableFuture<>();
        engine.scheduler().execute(() -> {
            runs.forEach(RunHandle::startNow);
            started.complete(null);
        });
        started.get(1, TimeUnit.MINUTES);
        for (Counter counter : counters) {
            assertTrue(counter.enough.await(2, TimeUnit.MINUTES));
        }
        // Read all counts between two steps, on the scheduler thread.
        CompletableFuture<int[]> counts = new CompletableFuture<>();
        engine.scheduler()
                .execute(() -> counts.complete(
                        counters.stream().mapToInt(c -> c.steps.get()).toArray()));
        int[] snapshot = counts.get(1, TimeUnit.MINUTES);
        runs.forEach(RunHandle::close);
        int min = java.util.Arrays.stream(snapshot).min().orElseThrow();
        int max = java.util.Arrays.stream(snapshot).max().orElseThrow();
        assertTrue(
                max - min <= 1,
                "round-robin steps per run: " + java.util.Arrays.toString(snapshot));
    }

    @Test
    void aPausedRunTakesNoStepsAndResumesWhereItStopped() throws Exception {
        TrainingEngine engine = TestEngine.get();
        Counter counter = new Counter(20);
        RunHandle run = engine.newRun(RunSpec.lesson(), counter);
        assertTrue(counter.ready.await(1, TimeUnit.MINUTES));
        assertEquals(RunState.PAUSED, run.state());
        run.start();
        assertTrue(counter.enough.await(1, TimeUnit.MINUTES));
        run.pause();
        CompletableFuture<Integer> atPause = new CompletableFuture<>();
        engine.scheduler().execute(() -> atPause.complete(counter.steps.get()));
        int paused = atPause.get(1, TimeUnit.MINUTES);
        assertEquals(RunState.PAUSED, run.state());
        // Let other work pass through the scheduler; the paused run must not move.
        CompletableFuture<Integer> later = new CompletableFuture<>();
        engine.scheduler()
                .execute(() ->
                        engine.scheduler().execute(() -> later.complete(counter.steps.get())));
        assertEquals(paused, later.get(1, TimeUnit.MINUTES));
        run.close();
    }

    @Test
    void aRunFinishesAfterItsEpochsWithOneEpochLinePerEpoch() throws Exception {
        TrainingEngine engine = TestEngine.get();
        List<EpochMetrics> epochs = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        RunHandle run = engine.newRun(
                RunSpec.lesson().withEpochs(2).withOptimizer(OptimizerSpec.sgd(0.05)),
                new RunListener() {
                    @Override
                    public void onEpoch(EpochMetrics epoch) {
                        epochs.add(epoch);
                    }

                    @Override
                    public void onStateChanged(RunState state, String message) {
                        if (state == RunState.FINISHED) {
                            finished.countDown();
                        }
                    }
                });
        run.start();
        assertTrue(finished.await(2, TimeUnit.MINUTES));
        assertEquals(2, epochs.size());
        assertEquals(2 * 938, epochs.get(1).step());
        assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss());
        assertTrue(
                epochs.get(1).validation().accuracy() > 0.8,
                "accuracy after 2 epochs: " + epochs.get(1).validation().accuracy());
        run.close();
    }

    @Test
    void aHugeLearningRateOnTheLessonNetworkIsCaughtAsDivergence() throws Exception {
        TrainingEngine engine = TestEngine.get();
        CountDownLatch failed = new CountDownLatch(1);
        RunHandle run = engine.newRun(
                RunSpec.lesson().withOptimizer(OptimizerSpec.sgd(1000)), new RunListener() {
                    @Override
                    public void onStateChanged(RunState state, String message) {
                        if (state == RunState.FAILED) {
                            failed.countDown();
                        }
                    }
                });
        run.start();
        assertTrue(failed.await(1, TimeUnit.MINUTES), "learning rate 1000 diverges");
        assertTrue(run.message().startsWith("Training diverged: the loss "), run.message());
        assertTrue(run.message().contains("try a smaller one, for example 100."), run.message());
        run.close();
    }

    @Test
    void aDivergingRunStopsAtTheStepWhereTheLossExplodedWithASentence() throws Exception {
        TrainingEngine engine = TestEngine.get();
        // Far too large a step with heavy momentum: with this seed the loss explodes (and then
        // overflows) within the first epoch.
        RunSpec exploding = new RunSpec(
                NetworkSpec.of(784, List.of(128, 64), Activation.LEAKY_RELU, 10),
                LossKind.CROSS_ENTROPY,
                new OptimizerSpec(OptimizerKind.SGD, 10, 0.99, false, 0.9, 0.999, 0),
                64,
                1,
                1,
                0);
        List<StepMetrics> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch failed = new CountDownLatch(1);
        RunHandle run = engine.newRun(exploding, new RunListener() {
            @Override
            public void onStep(StepMetrics step) {
                steps.add(step);
            }

            @Override
            public void onStateChanged(RunState state, String message) {
                if (state == RunState.FAILED) {
                    failed.countDown();
                }
            }
        });
        run.start();
        assertTrue(failed.await(1, TimeUnit.MINUTES), "the run diverged and stopped");
        StepMetrics last = steps.get(steps.size() - 1);
        assertTrue(last.diverged(), "the last step reported is the diverged one");
        for (StepMetrics step : steps.subList(0, steps.size() - 1)) {
            assertTrue(!step.diverged(), "no step after the divergence");
        }
        assertTrue(run.message().contains("at step " + last.step() + " (epoch 1)"), run.message());
        assertTrue(run.message().contains("learning rate 10 is probably too high"), run.message());
        run.close();
    }
}
