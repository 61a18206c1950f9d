package org.trainingplayground.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.spec.Normalization;

class NormalizationTest {

    private static final ImageDataset MNIST = Datasets.mnist(null);

    @Test
    void theLessonsNormalisationMapsBlackToMinusOneAndFullInkToOne() {
        float[] values = Normalization.LESSON.byteValues();
        assertEquals(-1f, values[0]);
        assertEquals(1f, values[255]);
        for (int b = 1; b < 256; b++) {
            assertEquals((b / 255f - 0.5f) / 0.5f, values[b], "byte " + b);
            assertEquals(true, values[b] > values[b - 1], "rising at byte " + b);
        }
    }

    @Test
    void withoutNormalisationPixelsAreToTensorsBytesOver255() {
        float[] values = Normalization.NONE.byteValues();
        for (int b = 0; b < 256; b++) {
            assertEquals(b / 255f, values[b], "byte " + b);
        }
    }

    @Test
    void aCopiedImageRowHoldsEachPixelNormalisedAndNothingOutsideItsRange() {
        InputRows lesson = MNIST.testRows(Normalization.LESSON);
        InputRows plain = MNIST.testRows(Normalization.NONE);
        int width = lesson.width();
        FloatBuffer row = FloatBuffer.allocate(2 * width);
        int image = 7;
        lesson.copy(image, row, width);
        FloatBuffer plainRow = FloatBuffer.allocate(width);
        plain.copy(image, plainRow, 0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < width; i++) {
            int pixel = MNIST.testImages().pixels()[image * width + i] & 0xFF;
            assertEquals((pixel / 255f - 0.5f) / 0.5f, row.get(width + i), "pixel " + i);
            assertEquals(pixel / 255f, plainRow.get(i), "pixel " + i);
            assertEquals(0f, row.get(i), "the row went where it was asked to");
            min = Math.min(min, row.get(width + i));
            max = Math.max(max, row.get(width + i));
        }
        assertEquals(-1f, min, "a digit's background is black");
        assertEquals(true, max > 0.9f, "and its ink near full: " + max);
        assertEquals(MNIST.testSize(), lesson.count());
    }

    @Test
    void anUnknownNormalisationGetsASentenceListingTheChoices() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Normalization.fromKey("sideways"));
        assertEquals("Unknown normalize \"sideways\": choose one of none, lesson.", e.getMessage());
    }
}
