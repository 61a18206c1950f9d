package org.trainingplayground.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitPreprocessingTest {

    /** The pad's default resolution. */
    private static final int SIDE = 112;

    @Test
    void aVerticalBarBecomesTwentyPixelsTallWithItsCentreOfMassAtTheCentre() {
        byte[] ink = new byte[SIDE * SIDE];
        fill(ink, SIDE, 20, 10, 28, 100); // 8 wide, 90 tall, left of the middle

        byte[] mnist = DigitPreprocessing.toMnist(ink, SIDE);

        assertNotNull(mnist);
        int[] box = inkBox(mnist);
        assertEquals(20, box[3] - box[1] + 1, "height");
        assertTrue(box[2] - box[0] + 1 <= 3, "a thin bar stays thin");
        double[] centre = centreOfMass(mnist);
        assertEquals(14, centre[0], 0.5);
        assertEquals(14, centre[1], 0.5);
    }

    @Test
    void aSmallBlobInACornerIsMovedToTheCentreAndScaledUp() {
        byte[] ink = new byte[SIDE * SIDE];
        fill(ink, SIDE, 100, 102, 110, 110); // 10×8 in the bottom right corner

        byte[] mnist = DigitPreprocessing.toMnist(ink, SIDE);

        assertNotNull(mnist);
        int[] box = inkBox(mnist);
        assertEquals(20, box[2] - box[0] + 1, "the longer side fills the 20 px box");
        assertEquals(16, box[3] - box[1] + 1, "the shorter side keeps the 10:8 ratio");
        double[] centre = centreOfMass(mnist);
        assertEquals(14, centre[0], 0.5);
        assertEquals(14, centre[1], 0.5);
    }

    @Test
    void aWideStrokeBecomesTwentyPixelsWideNotTwentyTall() {
        byte[] ink = new byte[SIDE * SIDE];
        fill(ink, SIDE, 6, 50, 106, 60); // 100 wide, 10 tall

        byte[] mnist = DigitPreprocessing.toMnist(ink, SIDE);

        assertNotNull(mnist);
        int[] box = inkBox(mnist);
        assertEquals(20, box[2] - box[0] + 1, "width");
        assertEquals(2, box[3] - box[1] + 1, "height");
        assertEquals(255, mnist[14 * 28 + 14] & 0xFF, "solid ink stays solid");
    }

    @Test
    void downsamplingAveragesTheAreaSoAPartlyCoveredPixelTurnsGrey() {
        byte[] ink = new byte[SIDE * SIDE];
        // 30 wide, 45 tall: 2.25 input px per output px, so 30 px give 13 full columns and a
        // 14th that covers only the last 0.75 input px, a third of its area.
        fill(ink, SIDE, 10, 10, 40, 55);

        byte[] mnist = DigitPreprocessing.toMnist(ink, SIDE);

        assertNotNull(mnist);
        int[] box = inkBox(mnist);
        assertEquals(14, box[2] - box[0] + 1, "width");
        assertEquals(255, mnist[14 * 28 + box[0]] & 0xFF, "a fully covered pixel is full ink");
        assertEquals(85, mnist[14 * 28 + box[2]] & 0xFF, "a third covered is a third of 255");
    }

    @Test
    void aDigitLeaningToOneSideIsClampedInsideTheField() {
        byte[] ink = new byte[SIDE * SIDE];
        // An "L": almost all of the ink in a heavy vertical stroke on the left, a thin foot.
        fill(ink, SIDE, 0, 0, 30, 100);
        fill(ink, SIDE, 30, 98, 100, 100);

        byte[] mnist = DigitPreprocessing.toMnist(ink, SIDE);

        assertNotNull(mnist);
        int[] box = inkBox(mnist);
        assertTrue(box[0] >= 0 && box[2] <= 27, "inside the field");
        assertEquals(20, box[2] - box[0] + 1, "nothing is cut off");
    }

    @Test
    void valuesStayBetweenZeroAndTwoHundredFiftyFiveForAnyDrawing() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] ink = new byte[SIDE * SIDE];
            random.nextBytes(ink);
            byte[] mnist = DigitPreprocessing.toMnist(ink, SIDE);
            assertNotNull(mnist);
            assertEquals(784, mnist.length);
            float[] inputs = DigitPreprocessing.toInputs(mnist);
            for (float v : inputs) {
                assertTrue(v >= 0 && v <= 1, "input " + v);
            }
        }
    }

    @Test
    void anEmptyOrFaintDrawingGivesNull() {
        assertNull(DigitPreprocessing.toMnist(new byte[SIDE * SIDE], SIDE));
        byte[] faint = new byte[SIDE * SIDE];
        Arrays.fill(faint, (byte) DigitPreprocessing.INK_THRESHOLD);
        assertNull(DigitPreprocessing.toMnist(faint, SIDE));
    }

    @Test
    void theSameDrawingAlwaysGivesTheSameImage() {
        byte[] ink = new byte[SIDE * SIDE];
        fill(ink, SIDE, 30, 20, 80, 30);
        fill(ink, SIDE, 70, 20, 80, 95);

        assertArrayEquals(
                DigitPreprocessing.toMnist(ink, SIDE),
                DigitPreprocessing.toMnist(ink.clone(), SIDE));
    }

    @Test
    void inputsAreTheIntensitiesDividedBy255() {
        byte[] mnist = new byte[784];
        mnist[0] = (byte) 255;
        mnist[1] = (byte) 51;

        float[] inputs = DigitPreprocessing.toInputs(mnist);

        assertEquals(1f, inputs[0]);
        assertEquals(0.2f, inputs[1], 1e-6);
        assertEquals(0f, inputs[2]);
    }

    @Test
    void aDrawingOfTheWrongSizeIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DigitPreprocessing.toMnist(new byte[100], SIDE));
        assertEquals("A 112×112 drawing has 12544 pixels, but 100 were given.", e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> DigitPreprocessing.toInputs(new byte[3]));
    }

    /** Sets x in [x0, x1) and y in [y0, y1) to full ink. */
    private static void fill(byte[] ink, int side, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                ink[y * side + x] = (byte) 255;
            }
        }
    }

    /** {left, top, right, bottom} of the non-zero pixels, inclusive. */
    private static int[] inkBox(byte[] mnist) {
        int[] box = {28, 28, -1, -1};
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (mnist[y * 28 + x] != 0) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    /** Centre of mass with pixel (x, y) centred at (x + 0.5, y + 0.5). */
    private static double[] centreOfMass(byte[] mnist) {
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = mnist[y * 28 + x] & 0xFF;
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        return new double[] {mx / mass, my / mass};
    }
}
