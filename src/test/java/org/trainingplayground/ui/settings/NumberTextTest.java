package org.trainingplayground.ui.settings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    private static final NumberText.Quantity LR =
            new NumberText.Quantity("the learning rate", "0.01");

    @Test
    void aFortyThousandDigitValueTypedIntoTheFormIsRefusedAtOnceWithAShortSentence() {
        String typed = "9".repeat(40_000) + "x";
        NumberText.Reading<Double> reading = NumberText.nonNegative(typed, LR);
        assertFalse(reading.ok());
        assertTrue(reading.problem().contains("40001 characters long"), reading.problem());
        assertTrue(reading.problem().length() < 200, reading.problem());
        NumberText.Reading<Long> whole = NumberText.whole(typed, LR, 1, 10);
        assertFalse(whole.ok());
    }

    @Test
    void aLongNotANumberIsQuotedShortened() {
        NumberText.Reading<Double> reading = NumberText.nonNegative("a".repeat(60), LR);
        assertTrue(reading.problem().startsWith("\"" + "a".repeat(40) + "…\""), reading.problem());
    }
}
