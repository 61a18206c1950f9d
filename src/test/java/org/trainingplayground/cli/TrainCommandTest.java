package org.trainingplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... args) {
        return TrainCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLearningRateThatIsNotANumberGetsASentenceAndExitCodeTwo() {
        assertEquals(2, train("--lr", "fast"));
        assertTrue(errors().contains("'fast'"), errors());
        assertTrue(errors().contains("Usage:"), errors());
        assertFalse(errors().contains("Exception"), errors());
    }

    @Test
    void aNegativeLearningRateIsRefusedWithTheSameSentenceAsThePage() {
        assertEquals(2, train("--lr", "-1"));
        assertTrue(errors().contains("The learning rate must be greater than 0"), errors());
    }

    @Test
    void anUnknownOptimizerNamesTheChoices() {
        assertEquals(2, train("--optimizer", "rmsprop"));
        assertTrue(errors().contains("Unknown optimizer \"rmsprop\": choose one of sgd, adam."),
                errors());
    }

    @Test
    void badLayerWidthsAndBatchSizesAreRefused() {
        assertEquals(2, train("--hidden", "128,x"));
        assertTrue(errors().contains("\"x\" is not a whole number"), errors());
        assertEquals(2, train("--batch", "0"));
        assertTrue(errors().contains("The batch size must be at least 1, not 0."), errors());
        assertEquals(2, train("--batch", "2000"));
        assertTrue(errors().contains("The batch size must be between 1 and 1024, not 2000."),
                errors());
    }

    @Test
    void aShortRunPrintsTheReferenceShapedJsonLines() throws Exception {
        assertEquals(0, train("--data", "datasets", "--epochs", "1", "--batch", "1024",
                "--hidden", "32", "--lr", "0.1"), errors());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        ObjectMapper json = new ObjectMapper();
        assertEquals(3, lines.length, String.join("\n", lines));
        JsonNode untrained = json.readTree(lines[0]);
        assertEquals(0, untrained.get("epoch").asInt());
        assertEquals(Math.log(10), untrained.get("trainLoss").asDouble(), 0.15);
        JsonNode epoch = json.readTree(lines[1]);
        assertEquals(1, epoch.get("epoch").asInt());
        assertTrue(epoch.has("trainLoss") && epoch.has("valLoss") && epoch.has("valAccuracy"));
        JsonNode summary = json.readTree(lines[2]);
        assertEquals("djl", summary.get("summary").asText());
        assertEquals(8, summary.get("steps").asInt(), "8,000 samples in batches of 1,024");
        assertTrue(summary.get("msPerStepMedian").asDouble() > 0);
    }
}
