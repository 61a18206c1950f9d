package org.trainingplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.session.SessionStatus;

/** The status line of a run waiting for a free place. */
class StatusPanelQueueTest {

    private static SessionStatus waiting(long step, int position, int activeRuns) {
        return new SessionStatus(
                RunState.QUEUED,
                2,
                5,
                step,
                10,
                125,
                Float.NaN,
                Float.NaN,
                LossKind.CROSS_ENTROPY,
                10,
                2.3f,
                0,
                null,
                position,
                activeRuns,
                null,
                null);
    }

    @Test
    void aWaitingRunIsToldItsPlaceAndHowManyRunsTrain() {
        assertEquals(
                "Waiting for a free place: 3rd in line. 40 runs are training; yours starts"
                        + " by itself when one of them pauses or finishes.",
                StatusPanel.statusLine(waiting(0, 3, 40)));
    }

    @Test
    void withOneRunTrainingTheSentenceSpeaksOfThatOneRun() {
        assertEquals(
                "Waiting for a free place: 1st in line. 1 run is training; yours starts by"
                        + " itself when it pauses or finishes.",
                StatusPanel.statusLine(waiting(0, 1, 1)));
    }

    @Test
    void aRunThatHadTrainedBeforeWaitingSaysWhereItStopped() {
        assertEquals(
                "Waiting for a free place: 2nd in line. 2 runs are training; yours starts"
                        + " by itself when one of them pauses or finishes. It stopped at step 260"
                        + " (epoch 2/5).",
                StatusPanel.statusLine(waiting(260, 2, 2)));
    }

    @Test
    void placesInLineAreWrittenAsEnglishOrdinals() {
        assertEquals(
                "1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd 101st 111th",
                String.join(
                        " ",
                        java.util.stream.IntStream.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)
                                .mapToObj(StatusPanel::ordinal)
                                .toList()));
    }
}
