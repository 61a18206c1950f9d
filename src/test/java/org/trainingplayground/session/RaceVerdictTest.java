package org.trainingplayground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaceVerdictTest {

    private static RaceVerdict.Lane lane(String name, long[] steps, float[] accuracies) {
        return new RaceVerdict.Lane(name, steps, accuracies, steps[steps.length - 1]);
    }

    @Test
    void theFastestLaneToTheHighestLevelAnyReachedComesFirst() {
        String verdict = RaceVerdict.of(List.of(
                lane("SGD 0.05", new long[] {0, 700, 1450, 1500}, new float[] {
                    0.1f, 0.85f, 0.9f, 0.91f
                }),
                lane("Adam 0.001", new long[] {0, 210, 400}, new float[] {0.1f, 0.9f, 0.95f})));
        assertEquals(
                "Adam 0.001 reached 90 % test accuracy at step 210, SGD 0.05 at step 1,450.",
                verdict);
    }

    @Test
    void aLaneThatNeverReachesTheLevelIsSaidToHaveMissedIt() {
        String verdict = RaceVerdict.of(List.of(
                lane("SGD 0.05", new long[] {0, 25, 125}, new float[] {0.1f, 0.2f, 0.66f}),
                lane("Adam 0.001", new long[] {0, 25, 50, 125}, new float[] {
                    0.1f, 0.72f, 0.8f, 0.88f
                })));
        assertEquals(
                "Adam 0.001 reached 80 % test accuracy at step 50; SGD 0.05 did not reach it"
                        + " within its 125 steps.",
                verdict);
    }

    @Test
    void noLaneAboveHalfGetsAdvice() {
        String verdict = RaceVerdict.of(List.of(
                lane("A", new long[] {0, 10}, new float[] {0.1f, 0.3f}),
                lane("B", new long[] {0, 10}, new float[] {0.1f, 0.4f})));
        assertEquals(
                "No lane reached 50 % test accuracy; try a larger learning rate or more"
                        + " epochs.",
                verdict);
    }
}
