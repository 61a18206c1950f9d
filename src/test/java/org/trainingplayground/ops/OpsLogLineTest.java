package org.trainingplayground.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.EngineEvents;

class OpsLogLineTest {

    @Test
    void aRunStartIsOneLineOfKeyValuePairs() {
        var event = new EngineEvents.RunEvent(
                EngineEvents.Kind.STARTED, 7, "3f2a9c01", RunSpec.lesson(), 0, null);

        assertEquals(
                "event=run_started run=7 session=3f2a9c01 dataset=mnist params="
                        + RunSpec.lesson().network().parameterCount() + " optimizer=sgd steps=0",
                RunEventLog.line(event));
    }

    @Test
    void aFailureCarriesTheUsersSentenceQuotedOnTheSameLine() {
        var event = new EngineEvents.RunEvent(
                EngineEvents.Kind.FAILED,
                8,
                "-",
                RunSpec.lesson(),
                120,
                "Training diverged: the loss \"exploded\"\nPress Reset.");

        String line = RunEventLog.line(event);

        assertEquals(
                " reason=\"Training diverged: the loss \\\"exploded\\\"\\nPress Reset.\"",
                line.substring(line.indexOf(" reason=")));
        assertEquals(-1, line.indexOf('\n'));
    }

    @Test
    void theResidentMemoryIsReadFromTheKernelsStatusInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  204800 kB\nThreads:\t40\n";

        assertEquals(204_800 * 1024.0, ProcessMemory.residentBytes(status));
    }

    @Test
    void withoutAResidentMemoryLineTheMeterIsNotANumber() {
        assertEquals(Double.NaN, ProcessMemory.residentBytes("Name:\tjava\n"));
    }

    @Test
    void aSessionLabelIsShortStableAndNotTheSessionId() {
        String label = SessionCounter.label("node0abcdefghijklmnop");

        assertEquals(8, label.length());
        assertEquals(label, SessionCounter.label("node0abcdefghijklmnop"));
        assertEquals(false, "node0abcdefghijklmnop".contains(label));
    }
}
