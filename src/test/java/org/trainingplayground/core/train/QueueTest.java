package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.RunSpec;

/** The cap on runs taking turns, and the queue that runs started beyond it wait in. */
class QueueTest {

    private final TrainingScheduler scheduler = TestEngine.get().scheduler();
    private final List<RunHandle> runs = new ArrayList<>();
    private final List<Counter> counters = new ArrayList<>();
    private int capBefore;

    /** Counts a run's steps and remembers the state it was last told. */
    private static final class Counter implements RunListener {
        final AtomicInteger steps = new AtomicInteger();
        final AtomicInteger queueNotices = new AtomicInteger();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        volatile RunState state;

        @Override
        public void onReady(float initialLoss, EvalMetrics untrained) {
            ready.countDown();
        }

        @Override
        public void onStep(StepMetrics step) {
            steps.incrementAndGet();
        }

        @Override
        public void onStateChanged(RunState newState, String message) {
            state = newState;
            if (newState == RunState.QUEUED) {
                queueNotices.incrementAndGet();
            } else if (newState == RunState.RUNNING) {
                running.countDown();
            } else if (newState == RunState.FINISHED) {
                finished.countDown();
            }
        }
    }

    @BeforeEach
    void rememberTheCap() {
        capBefore = scheduler.maxActiveRuns();
    }

    @AfterEach
    void closeTheRunsAndRestoreTheCap() throws Exception {
        runs.forEach(RunHandle::close);
        // Closing goes through the scheduler, so this waits until every run is gone.
        TestEngine.onScheduler(() -> null);
        scheduler.setMaxActiveRuns(capBefore);
    }

    /** Builds {@code count} paused runs of {@code spec} and waits until they are ready. */
    private void buildRuns(int count, RunSpec spec) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Counter counter = new Counter();
            counters.add(counter);
            runs.add(TestEngine.get().newRun(spec.withSeed(i), counter));
        }
        for (Counter counter : counters) {
            assertTrue(counter.ready.await(1, TimeUnit.MINUTES));
        }
    }

    /** Starts the runs in order in one scheduler command, so no run gets a head start. */
    private void startAll() throws Exception {
        TestEngine.onScheduler(() -> {
            runs.forEach(RunHandle::startNow);
            return null;
        });
    }

    private RunState[] states() {
        return runs.stream().map(RunHandle::state).toArray(RunState[]::new);
    }

    private int[] positions() {
        return runs.stream().mapToInt(RunHandle::queuePosition).toArray();
    }

    @Test
    void withRoomForTwoOfFourStartedRunsTwoTrainAndTheOthersWaitFirstAndSecondInLine()
            throws Exception {
        scheduler.setMaxActiveRuns(2);
        buildRuns(4, RunSpec.lesson().withEpochs(50));
        startAll();
        RunState[] states = TestEngine.onScheduler(this::states);
        assertEquals(
                List.of(RunState.RUNNING, RunState.RUNNING, RunState.QUEUED, RunState.QUEUED),
                List.of(states));
        assertEquals("[0, 0, 1, 2]", Arrays.toString(positions()));
        assertEquals(2, scheduler.activeRuns());
        assertEquals(2, scheduler.queuedRuns());
        assertEquals(RunState.QUEUED, counters.get(3).state, "the listener was told");
    }

    @Test
    void pausingARunningRunStartsTheFirstInLineAndMovesTheRestUp() throws Exception {
        scheduler.setMaxActiveRuns(2);
        buildRuns(4, RunSpec.lesson().withEpochs(50));
        startAll();
        int noticesBefore = counters.get(3).queueNotices.get();
        runs.get(0).pause();
        RunState[] states = TestEngine.onScheduler(this::states);
        assertEquals(
                List.of(RunState.PAUSED, RunState.RUNNING, RunState.RUNNING, RunState.QUEUED),
                List.of(states));
        assertEquals("[0, 0, 0, 1]", Arrays.toString(positions()));
        assertEquals(RunState.RUNNING, counters.get(2).state, "the started run's listener knows");
        assertTrue(
                counters.get(3).queueNotices.get() > noticesBefore,
                "the run still waiting heard that its place moved");
    }

    @Test
    void aRunThatFinishesGivesItsPlaceToTheFirstInLine() throws Exception {
        scheduler.setMaxActiveRuns(1);
        // One epoch of the lesson: 125 steps, then it finishes.
        buildRuns(2, RunSpec.lesson().withEpochs(1));
        startAll();
        assertEquals(RunState.QUEUED, runs.get(1).state());
        assertTrue(counters.get(0).finished.await(2, TimeUnit.MINUTES));
        assertTrue(counters.get(1).running.await(1, TimeUnit.MINUTES));
        assertEquals(0, runs.get(1).queuePosition());
    }

    @Test
    void closingOrPausingAWaitingRunTakesItOutOfTheQueueAndRenumbersTheOthers() throws Exception {
        scheduler.setMaxActiveRuns(1);
        buildRuns(4, RunSpec.lesson().withEpochs(50));
        startAll();
        assertEquals("[0, 1, 2, 3]", Arrays.toString(positions()));

        runs.get(1).close();
        TestEngine.onScheduler(() -> null);
        assertEquals(RunState.CLOSED, runs.get(1).state());
        assertEquals("[0, 0, 1, 2]", Arrays.toString(positions()));

        runs.get(2).pause();
        RunState[] states = TestEngine.onScheduler(this::states);
        assertEquals(
                List.of(RunState.RUNNING, RunState.CLOSED, RunState.PAUSED, RunState.QUEUED),
                List.of(states));
        assertEquals("[0, 0, 0, 1]", Arrays.toString(positions()));
        assertEquals(1, scheduler.activeRuns(), "the running run kept its place");
    }

    @Test
    void aRunStartedAgainAfterLeavingTheQueueWaitsAtTheBack() throws Exception {
        scheduler.setMaxActiveRuns(1);
        buildRuns(3, RunSpec.lesson().withEpochs(50));
        startAll();
        runs.get(1).pause();
        runs.get(1).start();
        TestEngine.onScheduler(() -> null);
        assertEquals("[0, 2, 1]", Arrays.toString(positions()));
    }

    @Test
    void raisingTheCapStartsWaitingRunsAtOnce() throws Exception {
        scheduler.setMaxActiveRuns(1);
        buildRuns(3, RunSpec.lesson().withEpochs(50));
        startAll();
        scheduler.setMaxActiveRuns(3);
        RunState[] states = TestEngine.onScheduler(this::states);
        assertEquals(
                List.of(RunState.RUNNING, RunState.RUNNING, RunState.RUNNING), List.of(states));
    }

    @Test
    void runsTakingTurnsUnderTheCapGetEqualStepsAndWaitingRunsNone() throws Exception {
        scheduler.setMaxActiveRuns(2);
        buildRuns(4, RunSpec.lesson().withEpochs(50));
        startAll();
        // Counted between two steps, on the scheduler thread.
        int[] counts = TestEngine.onScheduler(
                () -> counters.stream().mapToInt(c -> c.steps.get()).toArray());
        while (Math.min(counts[0], counts[1]) < 50) {
            counts = TestEngine.onScheduler(
                    () -> counters.stream().mapToInt(c -> c.steps.get()).toArray());
        }
        assertTrue(
                Math.abs(counts[0] - counts[1]) <= 1,
                "round-robin steps per active run: " + Arrays.toString(counts));
        assertEquals(0, counts[2] + counts[3], "waiting runs take no steps");
    }

    @Test
    void fortyStepClicksInOneMessageTakeOneStepInTurnAndLeaveAnotherStudentsStartPrompt()
            throws Exception {
        scheduler.setMaxActiveRuns(2);
        buildRuns(2, RunSpec.lesson().withEpochs(50));
        TestEngine.onScheduler(() -> {
            for (int click = 0; click < 40; click++) {
                runs.get(0).step();
            }
            runs.get(1).start();
            return null;
        });
        assertTrue(counters.get(1).running.await(1, TimeUnit.MINUTES));
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> counters.get(1).steps.get() >= 20);
        assertEquals(1, counters.get(0).steps.get(), "one pending step per run");
        assertEquals(RunState.PAUSED, TestEngine.onScheduler(() -> runs.get(0).state()));
    }

    @Test
    void aStepWaitsInTheQueueWhenEveryPlaceIsTakenAndIsTakenOnceOneFrees() throws Exception {
        scheduler.setMaxActiveRuns(1);
        buildRuns(2, RunSpec.lesson().withEpochs(50));
        runs.get(0).start();
        assertTrue(counters.get(0).running.await(1, TimeUnit.MINUTES));
        runs.get(1).step();
        assertEquals(RunState.QUEUED, TestEngine.onScheduler(() -> runs.get(1).state()));
        assertEquals(0, counters.get(1).steps.get());

        runs.get(0).pause();
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> counters.get(1).state == RunState.PAUSED);
        assertEquals(1, counters.get(1).steps.get());
        assertEquals(0, scheduler.activeRuns(), "the stepped run left the rotation again");
    }

    @Test
    void aCapBelowOneIsRefusedWithASentence() {
        var refused =
                assertThrows(IllegalArgumentException.class, () -> scheduler.setMaxActiveRuns(0));
        assertEquals(
                "At least one run must be able to train at once, so the most active runs"
                        + " must be 1 or more, not 0.",
                refused.getMessage());
    }
}
