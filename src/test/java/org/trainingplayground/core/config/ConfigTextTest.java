package org.trainingplayground.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigTextTest {

    private static final ConfigText.Quantity LR =
            new ConfigText.Quantity("the learning rate", "0.01");

    @Test
    void aFortyThousandDigitValueTypedIntoTheFormIsRefusedAtOnceWithAShortSentence() {
        String typed = "9".repeat(40_000) + "x";
        ConfigText.Parsed<Double> reading = ConfigText.nonNegative(typed, LR);
        assertFalse(reading.ok());
        assertTrue(reading.problem().contains("40001 characters long"), reading.problem());
        assertTrue(reading.problem().length() < 200, reading.problem());
        ConfigText.Parsed<Long> whole = ConfigText.whole(typed, LR, 1, 10);
        assertFalse(whole.ok());
    }

    @Test
    void aLongNotANumberIsQuotedShortened() {
        ConfigText.Parsed<Double> reading = ConfigText.nonNegative("a".repeat(60), LR);
        assertTrue(reading.problem().startsWith("\"" + "a".repeat(40) + "…\""), reading.problem());
    }
}
