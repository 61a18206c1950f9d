package org.trainingplayground.core;

import java.util.Objects;

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
        LossKind loss,
        OptimizerSpec optimizer,
        int batchSize,
        int epochs,
        long seed,
        int evalEverySteps) {

    public RunSpec {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "The batch size must be at least 1, not " + batchSize + ".");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException(
                    "The number of epochs must be at least 1, not " + epochs + ".");
        }
        if (evalEverySteps < 0) {
            throw new IllegalArgumentException("The evaluation interval cannot be negative.");
        }
    }

    /** The lesson's settings: its network, SGD with learning rate 0.003, batch 64, 5 epochs. */
    public static RunSpec lesson() {
        return new RunSpec(NetworkSpec.lesson(), LossKind.CROSS_ENTROPY, OptimizerSpec.sgd(0.003),
                64, 5, 1, 0);
    }

    public RunSpec withNetwork(NetworkSpec newNetwork) {
        return new RunSpec(newNetwork, loss, optimizer, batchSize, epochs, seed, evalEverySteps);
    }

    public RunSpec withLoss(LossKind newLoss) {
        return new RunSpec(network, newLoss, optimizer, batchSize, epochs, seed, evalEverySteps);
    }

    public RunSpec withOptimizer(OptimizerSpec newOptimizer) {
        return new RunSpec(network, loss, newOptimizer, batchSize, epochs, seed, evalEverySteps);
    }

    public RunSpec withBatchSize(int size) {
        return new RunSpec(network, loss, optimizer, size, epochs, seed, evalEverySteps);
    }

    public RunSpec withEpochs(int count) {
        return new RunSpec(network, loss, optimizer, batchSize, count, seed, evalEverySteps);
    }

    public RunSpec withSeed(long newSeed) {
        return new RunSpec(network, loss, optimizer, batchSize, epochs, newSeed, evalEverySteps);
    }

    public RunSpec withEvalEverySteps(int steps) {
        return new RunSpec(network, loss, optimizer, batchSize, epochs, seed, steps);
    }

    /**
     * True when {@code other} differs from this spec only in what a running run can take on
     * without being rebuilt: the learning rate.
     */
    public boolean differsOnlyInLearningRate(RunSpec other) {
        return equals(other.withOptimizer(
                other.optimizer().withLearningRate(optimizer.learningRate())));
    }
}
