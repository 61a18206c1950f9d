package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.trainingplayground.core.autograd.AutogradExample;

/** Computes the lesson's autograd example with libtorch's own autograd (scheduler thread). */
final class AutogradExamples {

    private AutogradExamples() {}

    /**
     * The example for a 2×2 {@code x} drawn from a standard normal distribution by {@code seed}
     * and rounded to two decimals, so x / 2 can be checked by eye.
     */
    static AutogradExample compute(NDManager root, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[4];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(random.nextGaussian() * 100) / 100f;
        }
        try (NDManager manager = root.newSubManager()) {
            NDArray x = manager.create(values, new Shape(2, 2));
            x.setRequiresGradient(true);
            NDArray y;
            NDArray z;
            String yGradFn;
            String zGradFn;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                // square is pow(x, 2) with a scalar exponent: x**2, PowBackward0; DJL's pow(2)
                // makes the 2 a tensor first, which records PowBackward1.
                y = x.square();
                z = y.mean();
                yGradFn = JniUtils.getGradientFunctionNames((PtNDArray) y);
                zGradFn = JniUtils.getGradientFunctionNames((PtNDArray) z);
                collector.backward(z);
            }
            return new AutogradExample(
                    values,
                    y.toFloatArray(),
                    z.getFloat(),
                    x.getGradient().toFloatArray(),
                    yGradFn,
                    zGradFn);
        }
    }
}
