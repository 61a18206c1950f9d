package org.trainingplayground.core.spec;

import java.util.Objects;

/**
 * Everything that determines a training run. Two runs with equal specs on the same data produce
 * the same losses.
 *
 * @param batchSize samples per training step (the last batch of an epoch may be smaller)
 * @param epochs passes over the training split before the run finishes
 * @param seed seeds this run's own random source: initial weights and the shuffling order
 * @param evalEverySteps evaluate on the test split every this many steps (0: only per epoch)
 * @param dataset the data trained on; the network's inputs and outputs must fit it
 */
public record RunSpec(
        NetworkSpec network,
        LossKind loss,
        OptimizerSpec optimizer,
        int batchSize,
        int epochs,
        long seed,
        int evalEverySteps,
        DatasetSpec dataset) {

    public RunSpec {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(dataset, "dataset");
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
        if (network.inputs() != dataset.inputSize() || network.outputs() != dataset.classes()) {
            throw new IllegalArgumentException("A network with " + network.inputs()
                    + " inputs and " + network.outputs() + " outputs does not fit "
                    + dataset.kind().label() + " (" + dataset.inputSize() + " inputs, "
                    + dataset.classes() + " classes).");
        }
    }

    /** A run on MNIST. */
    public RunSpec(
            NetworkSpec network,
            LossKind loss,
            OptimizerSpec optimizer,
            int batchSize,
            int epochs,
            long seed,
            int evalEverySteps) {
        this(
                network,
                loss,
                optimizer,
                batchSize,
                epochs,
                seed,
                evalEverySteps,
                DatasetSpec.mnist());
    }

    /** The lesson's settings: its network, SGD with learning rate 0.003, batch 64, 5 epochs. */
    public static RunSpec lesson() {
        return new RunSpec(
                NetworkSpec.lesson(),
                LossKind.CROSS_ENTROPY,
                OptimizerSpec.sgd(0.003),
                64,
                5,
                1,
                0);
    }

    public RunSpec withNetwork(NetworkSpec newNetwork) {
        return new RunSpec(
                newNetwork, loss, optimizer, batchSize, epochs, seed, evalEverySteps, dataset);
    }

    public RunSpec withLoss(LossKind newLoss) {
        return new RunSpec(
                network, newLoss, optimizer, batchSize, epochs, seed, evalEverySteps, dataset);
    }

    public RunSpec withOptimizer(OptimizerSpec newOptimizer) {
        return new RunSpec(
                network, loss, newOptimizer, batchSize, epochs, seed, evalEverySteps, dataset);
    }

    public RunSpec withBatchSize(int size) {
        return new RunSpec(network, loss, optimizer, size, epochs, seed, evalEverySteps, dataset);
    }

    public RunSpec withEpochs(int count) {
        return new RunSpec(
                network, loss, optimizer, batchSize, count, seed, evalEverySteps, dataset);
    }

    public RunSpec withSeed(long newSeed) {
        return new RunSpec(
                network, loss, optimizer, batchSize, epochs, newSeed, evalEverySteps, dataset);
    }

    public RunSpec withEvalEverySteps(int steps) {
        return new RunSpec(network, loss, optimizer, batchSize, epochs, seed, steps, dataset);
    }

    /**
     * The same run on other data: the network's input and output layers are resized to fit it,
     * its hidden layers stay as they are.
     */
    public RunSpec withDataset(DatasetSpec newDataset) {
        NetworkSpec resized = new NetworkSpec(
                newDataset.inputSize(), network.hidden(), newDataset.classes(), network.init());
        return new RunSpec(
                resized, loss, optimizer, batchSize, epochs, seed, evalEverySteps, newDataset);
    }

    /**
     * True when {@code other} differs from this spec only in what a running run can take on
     * without being rebuilt: the learning rate.
     */
    public boolean differsOnlyInLearningRate(RunSpec other) {
        return equals(
                other.withOptimizer(other.optimizer().withLearningRate(optimizer.learningRate())));
    }
}
