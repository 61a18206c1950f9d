package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The optimizer's step over a run's parameters, with the lesson's {@code zero_grad} (or its
 * absence), and the measurements the charts and the step-through view show: gradient norms,
 * update norms and the weights before the update.
 */
final class WeightUpdate {

    /**
     * What an update measured, one value per parameter tensor in each array; NaN where it was
     * not measured.
     *
     * @param weightsBefore a copy of each tensor before the update, owned by the step; empty
     *     when the updates were not measured
     * @param watchedGradient the gradient of the watched weight; NaN when none was watched
     */
    record Measured(
            float[] gradientNorms,
            float[] updateNorms,
            float[] weightNorms,
            List<NDArray> weightsBefore,
            float watchedGradient) {

        /** ‖update‖ / ‖weight before‖ per tensor. */
        float[] ratios() {
            float[] ratios = new float[weightNorms.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = weightNorms[i] == 0 ? Float.NaN : updateNorms[i] / weightNorms[i];
            }
            return ratios;
        }
    }

    /** No watched weight: the step-through view is not being filled. */
    static final int NO_WATCHED_INPUT = -1;

    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private boolean zeroGrad = true;
    private boolean gradientsCarried;
    /** The gradients summed over steps while zero_grad is forgotten (in the run's memory). */
    private final List<NDArray> carriedGradients = new ArrayList<>();

    WeightUpdate(List<Parameter> parameters, Optimizer optimizer) {
        this.parameters = parameters;
        this.optimizer = optimizer;
    }

    /**
     * With {@code false}, gradients are no longer cleared after the update (the lesson's
     * forgotten {@code optimizer.zero_grad()}): each backward pass adds to the previous ones.
     */
    void setZeroGrad(boolean clear) {
        if (clear == zeroGrad) {
            return;
        }
        zeroGrad = clear;
        if (clear) {
            carriedGradients.forEach(NDArray::close);
            carriedGradients.clear();
            gradientsCarried = false;
        } else {
            for (Parameter parameter : parameters) {
                carriedGradients.add(parameter.getArray().zerosLike());
            }
        }
    }

    /** True when the next update's gradients include those of earlier steps. */
    boolean gradientsCarried() {
        return gradientsCarried;
    }

    /**
     * Measures each gradient, lets the optimizer take its step (DJL's update also clears the
     * gradient it is given: the lesson's zero_grad), and, when asked, measures the change.
     *
     * @param watchedInput the input whose weight into the first unit is watched, or {@link
     *     #NO_WATCHED_INPUT}
     */
    Measured applyMeasured(NDManager stepManager, boolean measureUpdates, int watchedInput) {
        int p = parameters.size();
        NDArray[] norms = new NDArray[measureUpdates ? 3 * p : p];
        List<NDArray> before = new ArrayList<>(measureUpdates ? p : 0);
        List<NDArray> gradients = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray gradient = gradientToApply(i, stepManager);
            gradients.add(gradient);
            norms[i] = gradient.norm();
            if (measureUpdates) {
                NDArray copy = weight.duplicate();
                copy.attach(stepManager);
                before.add(copy);
                norms[2 * p + i] = copy.norm();
            }
        }
        float watchedGradient = watchedInput == NO_WATCHED_INPUT
                ? Float.NaN
                : gradients.get(0).getFloat(0, watchedInput);
        for (int i = 0; i < p; i++) {
            Parameter parameter = parameters.get(i);
            optimizer.update(parameter.getId(), parameter.getArray(), gradients.get(i));
            if (measureUpdates) {
                // A result belongs to its first operand's manager, here the run's: without
                // this attach every measured step would keep a weight-sized array alive
                // until the run ends (the soak benchmark found 500 MB in 25 seconds).
                NDArray update = parameter.getArray().sub(before.get(i));
                update.attach(stepManager);
                norms[p + i] = update.norm();
            }
        }
        gradientsCarried = !zeroGrad;
        // One copy out of native memory for all norms instead of one per tensor.
        float[] values = NDArrays.stack(new NDList(norms)).toFloatArray();
        float[] gradientNorms = Arrays.copyOfRange(values, 0, p);
        if (!measureUpdates) {
            return new Measured(gradientNorms, nans(p), nans(p), before, watchedGradient);
        }
        return new Measured(
                gradientNorms,
                Arrays.copyOfRange(values, p, 2 * p),
                Arrays.copyOfRange(values, 2 * p, 3 * p),
                before,
                watchedGradient);
    }

    /** The optimizer's step alone, without any measurement: everything is NaN. */
    Measured applyOnly(NDManager stepManager) {
        int p = parameters.size();
        for (int i = 0; i < p; i++) {
            Parameter parameter = parameters.get(i);
            optimizer.update(
                    parameter.getId(), parameter.getArray(), gradientToApply(i, stepManager));
        }
        gradientsCarried = !zeroGrad;
        return new Measured(nans(p), nans(p), nans(p), List.of(), Float.NaN);
    }

    /** Parameter {@code i}'s gradient as the optimizer is to apply it, owned by the step. */
    private NDArray gradientToApply(int i, NDManager stepManager) {
        // getGradient() hands out a new native handle each call: tie it to this step.
        NDArray gradient = parameters.get(i).getArray().getGradient();
        gradient.attach(stepManager);
        if (!zeroGrad) {
            // The update clears the gradient it is given, so a forgotten zero_grad is
            // modelled with our own running sum, handed over as a copy.
            carriedGradients.get(i).addi(gradient);
            gradient = carriedGradients.get(i).duplicate();
            gradient.attach(stepManager);
        }
        return gradient;
    }

    private static float[] nans(int count) {
        float[] values = new float[count];
        Arrays.fill(values, Float.NaN);
        return values;
    }
}
