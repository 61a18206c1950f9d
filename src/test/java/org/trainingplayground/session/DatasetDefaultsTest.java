package org.trainingplayground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.RunHandle;
import org.trainingplayground.core.train.TestEngine;

class DatasetDefaultsTest {

    /** The page's network and the defaults a 2-D set brings when picked from the menu. */
    private static RunSpec pickedFromTheMenu(DatasetKind kind) {
        DatasetSpec data = DatasetSpec.of(kind);
        NetworkSpec network = NetworkSpec.lesson();
        DatasetDefaults defaults = DatasetDefaults.of(kind);
        return new RunSpec(
                new NetworkSpec(data.inputSize(), network.hidden(), data.classes(), network.init()),
                LossKind.CROSS_ENTROPY,
                defaults.optimizer(),
                defaults.batchSize(),
                defaults.epochs(),
                1,
                PlaygroundSession.EVAL_EVERY_STEPS,
                data);
    }

    @ParameterizedTest(name = "{0} picked from the menu learns it")
    @EnumSource(
            value = DatasetKind.class,
            names = {"SPIRAL", "CIRCLES", "XOR", "GAUSSIAN", "MOONS"})
    void aPointSetPickedFromTheMenuTrainsLongEnoughToLearnIt(DatasetKind kind) throws Exception {
        AtomicReference<TestPredictions> last = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        RunHandle run = TestEngine.get().newRun(pickedFromTheMenu(kind), new RunListener() {
            @Override
            public void onPredictions(TestPredictions latest) {
                last.set(latest);
            }

            @Override
            public void onStateChanged(RunState state, String message) {
                if (state == RunState.FINISHED || state == RunState.FAILED) {
                    finished.countDown();
                }
            }
        });
        try {
            run.start();
            assertTrue(finished.await(2, TimeUnit.MINUTES), "finished in time");
            assertEquals(RunState.FINISHED, run.state(), run.message());
            assertTrue(run.stepsPerEpoch() * 60L >= 1_000, "a thousand steps or more to watch");
            float accuracy = last.get().accuracy();
            assertTrue(accuracy > 0.85, kind + ": test accuracy " + accuracy);
        } finally {
            run.close();
        }
    }
}
