package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.trainingplayground.core.train.TestEngine.onScheduler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import org.junit.jupiter.api.Test;

class NesterovSgdTest {

    @Test
    void twoStepsMatchTorchsSgdWithNesterovMomentumAndWeightDecay() throws Exception {
        float lr = 0.1f;
        float momentum = 0.9f;
        float decay = 0.01f;
        float[] x = {0.5f, -1f};
        float[] after = onScheduler(() -> {
            try (NDManager manager = TestEngine.get().root().newSubManager()) {
                MutableRate rate = new MutableRate(lr);
                Optimizer optimizer = new RunOwnedOptimizers.NesterovSgd(
                        Optimizer.nag()
                                .setLearningRateTracker(rate)
                                .setMomentum(momentum)
                                .optWeightDecays(decay),
                        rate,
                        momentum,
                        manager);
                NDArray weight = manager.create(new float[] {1f, -2f});
                weight.setRequiresGradient(true);
                NDArray input = manager.create(x);
                for (int step = 0; step < 2; step++) {
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        // d(sum(w * x))/dw = x
                        collector.backward(weight.mul(input).sum());
                    }
                    NDArray gradient = weight.getGradient();
                    optimizer.update("w", weight, gradient);
                    gradient.close();
                }
                return weight.toFloatArray();
            }
        });
        // torch.optim.SGD(lr=0.1, momentum=0.9, weight_decay=0.01, nesterov=True), by hand.
        float[] expected = new float[2];
        float[] w = {1f, -2f};
        float[] v = new float[2];
        for (int step = 0; step < 2; step++) {
            for (int i = 0; i < 2; i++) {
                float g = x[i] + decay * w[i];
                v[i] = momentum * v[i] + g;
                w[i] -= lr * (g + momentum * v[i]);
            }
        }
        System.arraycopy(w, 0, expected, 0, 2);
        assertArrayEquals(expected, after, 1e-6f);
    }
}
