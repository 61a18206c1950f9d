package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.autograd.AutogradExample;

class AutogradExampleTest {

    private static AutogradExample example(long seed) throws Exception {
        return TestEngine.get().autogradExample(seed).get(1, TimeUnit.MINUTES);
    }

    @Test
    void xGradEqualsXOverTwoAsTheEngineComputesIt() throws Exception {
        AutogradExample example = example(7);

        float[] half = new float[4];
        float mean = 0;
        for (int i = 0; i < 4; i++) {
            half[i] = example.x()[i] / 2;
            mean += example.x()[i] * example.x()[i] / 4;
        }
        assertArrayEquals(half, example.grad(), 1e-6f, "x.grad = x / 2");
        assertEquals(mean, example.z(), 1e-5f, "z = mean(x²)");
        assertEquals("PowBackward0", example.yGradFn());
        assertEquals("MeanBackward0", example.zGradFn());
    }

    @Test
    void aNewSeedDrawsANewXAndTheSameSeedTheSameOne() throws Exception {
        assertArrayEquals(example(3).x(), example(3).x());
        assertNotEquals(
                Arrays.toString(example(3).x()), Arrays.toString(example(4).x()));
    }

    @Test
    void theExampleLeavesNoNativeArrayBehind() throws Exception {
        example(1);
        int before = TestEngine.get().liveArraysBetweenSteps();
        for (int seed = 0; seed < 20; seed++) {
            example(seed);
        }
        assertEquals(before, TestEngine.get().liveArraysBetweenSteps());
    }
}
