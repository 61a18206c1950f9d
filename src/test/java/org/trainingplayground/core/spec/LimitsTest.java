package org.trainingplayground.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private final Limits limits = Limits.defaults();

    @Test
    void theLessonIsWithinTheDefaultLimits() {
        assertTrue(limits.check(RunSpec.lesson()).isEmpty());
    }

    @Test
    void aSeventhHiddenLayerIsRefusedWithASentenceForTheLayersField() {
        RunSpec deep = RunSpec.lesson()
                .withNetwork(
                        NetworkSpec.lesson().withHidden(Collections.nCopies(7, LayerSpec.relu(8))));
        List<Limits.Problem> problems = limits.check(deep);
        assertEquals(1, problems.size());
        assertEquals("layers", problems.get(0).field());
        assertEquals(
                "At most 6 hidden layers are allowed here; this network has 7.",
                problems.get(0).sentence());
    }

    @Test
    void tooWideALayerAndTooLargeABatchAreNamedNotClamped() {
        RunSpec spec = RunSpec.lesson()
                .withNetwork(NetworkSpec.lesson().withHidden(List.of(LayerSpec.relu(2048))))
                .withBatchSize(4096);
        List<Limits.Problem> problems = limits.check(spec);
        assertTrue(
                problems.contains(new Limits.Problem(
                        "layers", "Layer 1 has 2048 units; at most 1024 are allowed here.")),
                problems.toString());
        assertTrue(
                problems.contains(new Limits.Problem(
                        "batch-size", "The batch size must be between 1 and 1024, not 4096.")),
                problems.toString());
        assertEquals(4096, spec.batchSize(), "the value itself is left as given");
    }

    @Test
    void anOperatorCanTightenTheLimits() {
        Limits classroom = new Limits(2, 256, 256, 10, 500_000);
        assertTrue(classroom.check(RunSpec.lesson()).isEmpty());
        assertEquals(
                "The number of epochs must be between 1 and 10, not 20.",
                classroom.check(RunSpec.lesson().withEpochs(20)).get(0).sentence());
    }

    @Test
    void invalidHyperparametersAreRefusedWithSentences() {
        assertEquals(
                "Momentum must be at least 0 and below 1, not 1.5.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new OptimizerSpec(
                                        OptimizerKind.SGD, 0.1, 1.5, false, 0.9, 0.999, 0))
                        .getMessage());
        assertEquals(
                "Nesterov momentum needs a momentum above 0.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new OptimizerSpec(
                                        OptimizerKind.SGD, 0.1, 0, true, 0.9, 0.999, 0))
                        .getMessage());
        assertEquals(
                "The learning rate must be greater than 0, such as 0.003.",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.sgd(0))
                        .getMessage());
        assertEquals(
                "A layer needs at least one unit, not 0.",
                assertThrows(IllegalArgumentException.class, () -> LayerSpec.relu(0))
                        .getMessage());
    }
}
