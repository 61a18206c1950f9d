package org.trainingplayground.core.spec;

import java.util.Objects;

/**
 * The optimizer and its hyperparameters, as {@code torch.optim} names them.
 *
 * @param learningRate step size; plain SGD moves each weight by {@code -learningRate × gradient}
 * @param momentum SGD: fraction of the previous update kept (0 = plain SGD)
 * @param nesterov SGD: look ahead along the momentum before taking the gradient
 * @param beta1 Adam: decay of the running mean of gradients
 * @param beta2 Adam: decay of the running mean of squared gradients
 * @param weightDecay L2 penalty added to each gradient: {@code grad + weightDecay × weight}
 */
public record OptimizerSpec(
        OptimizerKind kind,
        double learningRate,
        double momentum,
        boolean nesterov,
        double beta1,
        double beta2,
        double weightDecay) {

    public OptimizerSpec {
        Objects.requireNonNull(kind, "kind");
        require(learningRateProblem(learningRate));
        require(fractionProblem("Momentum", momentum));
        require(fractionProblem("β1", beta1));
        require(fractionProblem("β2", beta2));
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException(
                    "Weight decay must be 0 or more, such as 0.0001, not " + weightDecay + ".");
        }
        if (nesterov && kind == OptimizerKind.SGD && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum above 0.");
        }
    }

    private static void require(String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec(OptimizerKind.SGD, learningRate, 0, false, 0.9, 0.999, 0);
    }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(OptimizerKind.ADAM, learningRate, 0, false, 0.9, 0.999, 0);
    }

    public OptimizerSpec withLearningRate(double rate) {
        return new OptimizerSpec(kind, rate, momentum, nesterov, beta1, beta2, weightDecay);
    }

    /** A sentence saying what is wrong with a learning rate, or null when it is fine. */
    public static String learningRateProblem(double learningRate) {
        if (Double.isNaN(learningRate) || Double.isInfinite(learningRate)) {
            return "The learning rate must be a number, such as 0.003.";
        }
        if (learningRate <= 0) {
            return "The learning rate must be greater than 0, such as 0.003.";
        }
        return null;
    }

    private static String fractionProblem(String name, double value) {
        return value >= 0 && value < 1
                ? null
                : name + " must be at least 0 and below 1, not " + value + ".";
    }
}
