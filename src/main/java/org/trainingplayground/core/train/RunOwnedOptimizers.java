package org.trainingplayground.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Nag;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.trainingplayground.core.spec.OptimizerSpec;

/**
 * DJL's optimizers, with their state (momentum, Adam's two moments) owned by the run, and
 * the Nesterov update DJL's PyTorch engine lacks.
 *
 * <p>DJL detaches each state array from its manager when it creates it, and leaves it "to be
 * closed by the GC". The PyTorch engine never closes it, so every run with momentum or Adam
 * left three weight-sized arrays in native memory after it closed: about 1.3 MB per lesson run,
 * found by the soak benchmark (RSS rising while the live-array count stayed flat). Here each
 * state array is attached to the run's manager as soon as it exists, so closing the run frees
 * it and the engine's live-array count includes it.
 */
final class RunOwnedOptimizers {

    private RunOwnedOptimizers() {}

    static Optimizer build(OptimizerSpec spec, MutableRate rate, NDManager owner) {
        float decay = (float) spec.weightDecay();
        return switch (spec.kind()) {
            case SGD ->
                spec.nesterov()
                        ? new NesterovSgd(
                                Optimizer.nag()
                                        .setLearningRateTracker(rate)
                                        .setMomentum((float) spec.momentum())
                                        .optWeightDecays(decay),
                                rate,
                                (float) spec.momentum(),
                                owner)
                        : new OwnedSgd(
                                Optimizer.sgd()
                                        .setLearningRateTracker(rate)
                                        .optMomentum((float) spec.momentum())
                                        .optWeightDecays(decay),
                                owner);
            case ADAM ->
                new OwnedAdam(
                        Optimizer.adam()
                                .optLearningRateTracker(rate)
                                .optBeta1((float) spec.beta1())
                                .optBeta2((float) spec.beta2())
                                .optWeightDecays(decay),
                        owner);
        };
    }

    /** Moves a state array into {@code owner} the first time it is seen (one check after that). */
    private static NDArray own(NDArray state, NDManager owner) {
        if (state.getManager() != owner) {
            state.attach(owner);
        }
        return state;
    }

    private static final class OwnedSgd extends Sgd {
        private final NDManager owner;

        OwnedSgd(Sgd.Builder builder, NDManager owner) {
            super(builder);
            this.owner = owner;
        }

        @Override
        protected NDArray withDefaultState(
                Map<String, Map<Device, NDArray>> state,
                String key,
                Device device,
                Function<String, NDArray> create) {
            return own(super.withDefaultState(state, key, device, create), owner);
        }
    }

    /**
     * SGD with Nesterov momentum as {@code torch.optim.SGD(nesterov=True)} computes it (DJL's
     * PyTorch engine has no Nesterov update: its {@code nagUpdate} throws "Not implemented"):
     *
     * <pre>
     * g = grad + weight_decay * w
     * v = momentum * v + g
     * w = w - lr * (g + momentum * v)
     * </pre>
     */
    static final class NesterovSgd extends Nag {
        private final NDManager owner;
        private final ParameterTracker rate;
        private final float momentum;
        private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();

        NesterovSgd(Nag.Builder builder, ParameterTracker rate, float momentum, NDManager owner) {
            super(builder);
            this.rate = rate;
            this.momentum = momentum;
            this.owner = owner;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            float learningRate = rate.getNewValue(parameterId, updateCount(parameterId));
            float weightDecay = getWeightDecay();
            NDArray velocity = own(
                    withDefaultState(
                            velocities, parameterId, weight.getDevice(), k -> weight.zerosLike()),
                    owner);
            // Every intermediate result goes here: by default a result joins its first
            // operand's manager, for weight.mul the run's, where it would stay until the end.
            try (NDManager scratch = owner.newSubManager()) {
                NDArray g = grad;
                if (weightDecay != 0) {
                    NDArray decay = weight.mul(weightDecay);
                    decay.attach(scratch);
                    g = grad.add(decay);
                    g.attach(scratch);
                }
                velocity.muli(momentum).addi(g);
                NDArray look = velocity.mul(momentum);
                look.attach(scratch);
                NDArray change = look.addi(g).muli(learningRate);
                weight.subi(change);
            }
            // As DJL's own updates do: the lesson's zero_grad.
            JniUtils.zeroGrad((PtNDArray) weight);
        }
    }

    private static final class OwnedAdam extends Adam {
        private final NDManager owner;

        OwnedAdam(Adam.Builder builder, NDManager owner) {
            super(builder);
            this.owner = owner;
        }

        @Override
        protected NDArray withDefaultState(
                Map<String, Map<Device, NDArray>> state,
                String key,
                Device device,
                Function<String, NDArray> create) {
            return own(super.withDefaultState(state, key, device, create), owner);
        }
    }
}
