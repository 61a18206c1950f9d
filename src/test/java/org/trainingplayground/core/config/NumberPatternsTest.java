package org.trainingplayground.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.RunSpec;

class NumberPatternsTest {

    private static final PlaygroundConfig LESSON = new PlaygroundConfig(RunSpec.lesson(), 0);

    @Test
    void theDecimalPatternStillReadsWhatItReadBefore() {
        for (String number : List.of("0.003", "3", "+1", "-2.5", ".5", "5.", "1e-3", "2E+4")) {
            assertTrue(NumberPatterns.DECIMAL.matcher(number).matches(), number);
        }
        for (String text : List.of("NaN", "1d", "0x10", "1e", ".", "--1", "1.2.3", "e5")) {
            assertFalse(NumberPatterns.DECIMAL.matcher(text).matches(), text);
        }
        assertTrue(NumberPatterns.WHOLE.matcher("-64").matches());
        assertFalse(NumberPatterns.WHOLE.matcher("6.4").matches());
    }

    @Test
    void aRunOfDigitsFollowedByALetterCannotMakeThePatternsBacktrack() {
        // With the old pattern 40,000 digits took 16 s and time grew with the square of the
        // length: 200,000 would take minutes. Whether a pattern backtracks shows only in time,
        // so this guard stops a hang (its bound is far above a linear match's milliseconds);
        // it measures nothing.
        String digits = "1".repeat(200_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(NumberPatterns.DECIMAL.matcher(digits).matches());
            assertFalse(NumberPatterns.DECIMAL.matcher(digits.replace(',', '.')).matches());
            assertFalse(NumberPatterns.WHOLE.matcher(digits).matches());
        });
    }

    @Test
    void aTwentyThousandDigitLearningRateInALinkIsRefusedWithASentenceAndChangesNothing() {
        String lr = "1".repeat(20_000) + "x";
        ConfigProperties.Reading reading =
                ConfigProperties.read(Map.of("lr", lr, "batch", "32"), LESSON, Limits.defaults());
        assertEquals(1, reading.notices().size());
        String sentence = reading.notices().get(0).sentence();
        assertTrue(sentence.contains("20001 characters long"), sentence);
        assertTrue(sentence.contains("at most 64"), sentence);
        assertTrue(sentence.length() < 300, "the value is not echoed whole: " + sentence.length());
        assertEquals(
                LESSON.run().optimizer().learningRate(),
                reading.config().run().optimizer().learningRate());
        assertEquals(32, reading.config().run().batchSize(), "the other values still apply");
    }

    @Test
    void aNumberOfSixtyFourCharactersIsStillRead() {
        String lr = "0." + "0".repeat(61) + "3";
        assertEquals(64, lr.length());
        ConfigProperties.Reading reading =
                ConfigProperties.read(Map.of("lr", lr), LESSON, Limits.defaults());
        assertEquals(List.of(), reading.notices());
        assertEquals(3e-62, reading.config().run().optimizer().learningRate(), 1e-75);
    }
}
