package org.trainingplayground.core;

/**
 * The optimizer and its hyperparameters.
 *
 * @param learningRate step size; SGD moves each weight by {@code -learningRate × gradient}
 * @param momentum SGD only: fraction of the previous update kept (0 = plain SGD)
 */
public record OptimizerSpec(OptimizerKind kind, double learningRate, double momentum) {

    /** Largest learning rate we accept; beyond it every network here diverges at once. */
    public static final double MAX_LEARNING_RATE = 10.0;

    public OptimizerSpec {
        String problem = learningRateProblem(learningRate);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException(
                    "Momentum must be at least 0 and below 1, not " + momentum + ".");
        }
    }

    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec(OptimizerKind.SGD, learningRate, 0);
    }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(OptimizerKind.ADAM, learningRate, 0);
    }

    /** A sentence saying what is wrong with a learning rate, or null when it is fine. */
    public static String learningRateProblem(double learningRate) {
        if (Double.isNaN(learningRate) || Double.isInfinite(learningRate)) {
            return "The learning rate must be a number, such as 0.003.";
        }
        if (learningRate <= 0) {
            return "The learning rate must be greater than 0, such as 0.003.";
        }
        if (learningRate > MAX_LEARNING_RATE) {
            return "The learning rate must be at most " + (int) MAX_LEARNING_RATE
                    + "; typical values are 0.001 to 0.1.";
        }
        return null;
    }

    /**
     * Parses what a user typed as a learning rate.
     *
     * @return a sentence describing the problem, or null if {@code text} is a valid rate
     */
    public static String learningRateProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter a learning rate, such as 0.003.";
        }
        try {
            return learningRateProblem(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return "\"" + text.trim() + "\" is not a number; enter a learning rate such as 0.003.";
        }
    }
}
