package org.trainingplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.session.SessionStatus;

/** The progress line's estimate of the time a run has left. */
class StatusPanelTimeLeftTest {

    private static SessionStatus at(RunState state, long step, double stepsPerSecond) {
        return new SessionStatus(
                state,
                (int) (step / 938) + 1,
                5,
                step,
                (int) (step % 938),
                938,
                0.5f,
                0.8f,
                LossKind.CROSS_ENTROPY,
                10,
                2.3f,
                stepsPerSecond,
                null,
                0,
                1,
                null,
                null);
    }

    @Test
    void aTrainingRunSaysHowLongItsRemainingStepsTakeAtItsSpeed() {
        // 5 epochs of 938 steps = 4,690; 690 left at 13 steps/s = 53 s.
        assertEquals(
                "Epoch 5 of 5: step 248 of 938 · about 53 s left",
                StatusPanel.progressLine(at(RunState.RUNNING, 4_000, 13)));
        // 4,690 left at 13 steps/s = 361 s.
        assertEquals(
                "Epoch 1 of 5: step 0 of 938 · about 6 min left",
                StatusPanel.progressLine(at(RunState.RUNNING, 0, 13)));
    }

    @Test
    void aPausedOrWaitingRunOrOneWithoutASpeedYetGivesNoEstimate() {
        assertEquals(
                "Epoch 2 of 5: step 62 of 938",
                StatusPanel.progressLine(at(RunState.PAUSED, 1_000, 0)));
        assertEquals(
                "Epoch 2 of 5: step 62 of 938",
                StatusPanel.progressLine(at(RunState.RUNNING, 1_000, 0)));
    }

    @Test
    void timesAreRoundedAsAPersonWouldSayThem() {
        assertEquals("about 1 s left", StatusPanel.timeLeft(0.2));
        assertEquals("about 40 s left", StatusPanel.timeLeft(40.4));
        assertEquals("about 3 min 20 s left", StatusPanel.timeLeft(197));
        assertEquals("about 12 min left", StatusPanel.timeLeft(12 * 60 + 10));
        assertEquals("about 1 h 5 min left", StatusPanel.timeLeft(3_900));
    }
}
