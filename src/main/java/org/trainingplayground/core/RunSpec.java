package org.trainingplayground.core;

/**
 * Everything that determines a training run. Two runs with equal specs on the same data produce
 * the same losses.
 *
 * @param batchSize samples per training step (the last batch of an epoch may be smaller)
 * @param epochs passes over the training split before the run finishes
 * @param seed seeds this run's own random source: initial weights and the shuffling order
 * @param evalEverySteps evaluate on the test split every this many steps (0: only per epoch)
 */
public record RunSpec(
        NetworkSpec network,
        OptimizerSpec optimizer,
        int batchSize,
        int epochs,
        long seed,
        int evalEverySteps) {

    public static final int MAX_BATCH_SIZE = 1024;
    public static final int MAX_EPOCHS = 1000;

    public RunSpec {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "The batch size must be between 1 and " + MAX_BATCH_SIZE + ", not "
                            + batchSize + ".");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException(
                    "The number of epochs must be between 1 and " + MAX_EPOCHS + ", not "
                            + epochs + ".");
        }
        if (evalEverySteps < 0) {
            throw new IllegalArgumentException("The evaluation interval cannot be negative.");
        }
    }

    /** The lesson's settings: its network, SGD with learning rate 0.003, batch 64, 5 epochs. */
    public static RunSpec lesson() {
        return new RunSpec(NetworkSpec.lesson(), OptimizerSpec.sgd(0.003), 64, 5, 1, 0);
    }

    public RunSpec withOptimizer(OptimizerSpec optimizer) {
        return new RunSpec(network, optimizer, batchSize, epochs, seed, evalEverySteps);
    }

    public RunSpec withEpochs(int epochs) {
        return new RunSpec(network, optimizer, batchSize, epochs, seed, evalEverySteps);
    }

    public RunSpec withSeed(long seed) {
        return new RunSpec(network, optimizer, batchSize, epochs, seed, evalEverySteps);
    }

    public RunSpec withEvalEverySteps(int steps) {
        return new RunSpec(network, optimizer, batchSize, epochs, seed, steps);
    }
}
