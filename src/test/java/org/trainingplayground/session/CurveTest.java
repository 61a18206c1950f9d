package org.trainingplayground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainingplayground.session.MetricsHistory.Curve;

/** The downsampled curves a class's overview draws, and the JSON they are sent as. */
class CurveTest {

    @Test
    void aCurveKeepsTheFirstAndTheNewestPointAndSpacesTheRestEvenly() {
        long[] steps = new long[101];
        float[] values = new float[101];
        for (int i = 0; i <= 100; i++) {
            steps[i] = i + 1;
            values[i] = i;
        }
        Curve curve = Curve.sampled(steps, values, 101, 5);
        assertArrayEquals(new long[] {1, 26, 51, 76, 101}, curve.steps());
        assertEquals(101, curve.lastStep());
        assertEquals(3, Curve.sampled(steps, values, 3, 40).steps().length, "never more");
        assertEquals(-1, Curve.sampled(steps, values, 0, 40).lastStep());
    }

    @Test
    void valuesAreSentToFourDigitsWithoutTrailingZerosAndUnmeasuredOnesAreLeftOut() {
        Curve curve = new Curve(
                new long[] {1, 2, 3, 4, 5, 6},
                new float[] {2.3f, 1f, 10f, Float.NaN, 0.000012f, 0.123456f});
        assertEquals("[[1,230],[2,100],[3,1000],[5,0.0012],[6,12.35]]", curve.json(100));
        assertEquals("[[1,2.3],[2,1],[3,10],[5,1.200e-05],[6,0.1235]]", curve.json(1));
    }
}
