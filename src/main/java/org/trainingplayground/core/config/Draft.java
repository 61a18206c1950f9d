package org.trainingplayground.core.config;

import java.util.List;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * A configuration while it is being read: one field per property, each set on its own. The
 * settings that constrain each other (the dataset's split, the network's size, Nesterov and
 * momentum) are only checked together when the draft is settled, so the order of the values in
 * a link never matters.
 */
final class Draft {

    final PlaygroundConfig base;
    final Limits limits;

    DatasetKind kind;
    int points;
    double noise;
    double testFraction;
    int classes;
    Normalization normalization;
    /** The dataset settings before any of points, noise, test or classes was read. */
    DatasetSpec datasetStart;

    List<LayerSpec> hidden;
    Init init;
    LossKind loss;
    OptimizerKind optimizer;
    double learningRate;
    double momentum;
    boolean nesterov;
    double beta1;
    double beta2;
    double weightDecay;
    int batchSize;
    int epochs;
    long seed;
    double speed;

    Draft(PlaygroundConfig base, Limits limits) {
        this.base = base;
        this.limits = limits;
        RunSpec run = base.run();
        setDataset(run.dataset());
        hidden = run.network().hidden();
        init = run.network().init();
        loss = run.loss();
        OptimizerSpec chosen = run.optimizer();
        optimizer = chosen.kind();
        learningRate = chosen.learningRate();
        momentum = chosen.momentum();
        nesterov = chosen.nesterov();
        beta1 = chosen.beta1();
        beta2 = chosen.beta2();
        weightDecay = chosen.weightDecay();
        batchSize = run.batchSize();
        epochs = run.epochs();
        seed = run.seed();
        speed = base.speed();
    }

    /**
     * Switches to {@code newKind} as the settings form does: coming from an image set, a 2-D set
     * starts from its own defaults; between 2-D sets the points, noise and split stay, and only
     * a class count the new set cannot have falls back to its default.
     */
    void switchDataset(DatasetKind newKind) {
        if (newKind == kind) {
            return;
        }
        DatasetSpec current = datasetStart;
        DatasetSpec switched;
        try {
            switched = kind.images() || newKind.images()
                    ? DatasetSpec.of(newKind)
                    : current.withKind(newKind);
        } catch (IllegalArgumentException splitTooSmallForTheNewDefaultClasses) {
            switched = DatasetSpec.of(newKind);
        }
        if (kind.images() && newKind.images()) {
            switched = switched.withNormalization(normalization);
        }
        setDataset(switched);
    }

    private void setDataset(DatasetSpec data) {
        datasetStart = data;
        kind = data.kind();
        points = data.points();
        noise = data.noise();
        testFraction = data.testFraction();
        classes = data.classes();
        normalization = data.normalization();
    }

    /**
     * The configuration this draft describes. Where settings that were each fine conflict, the
     * one read last among them goes back to where it started, with a notice.
     *
     * @param taken the keys whose values were read and taken, in table order
     * @param revert called with the key and the sentence for each value taken back
     */
    PlaygroundConfig settle(List<String> taken, Revert revert) {
        DatasetSpec data = settleDataset(taken, revert);
        NetworkSpec network = settleNetwork(data, taken, revert);
        if (network.inputs() != data.inputSize() || network.outputs() != data.classes()) {
            // The network was too large for the new dataset: the dataset went back to the base's.
            data = base.run().dataset();
        }
        OptimizerSpec chosen = settleOptimizer(taken, revert);
        try {
            RunSpec run = new RunSpec(
                    network,
                    loss,
                    chosen,
                    batchSize,
                    epochs,
                    seed,
                    base.run().evalEverySteps(),
                    data);
            return new PlaygroundConfig(run, speed);
        } catch (IllegalArgumentException unexpected) {
            // Every field was checked as it was read; this guards the promise never to throw.
            revert.accept("", unexpected.getMessage() + " The settings stay as they were.");
            return base;
        }
    }

    /** Takes a value back: the key, and the sentence saying why. */
    interface Revert {
        void accept(String key, String sentence);
    }

    private DatasetSpec settleDataset(List<String> taken, Revert revert) {
        // Reverse table order: the last of the settings read is the first taken back.
        List<RevertStep> steps = List.of(
                new RevertStep("classes", () -> classes = datasetStart.classes()),
                new RevertStep("test", () -> testFraction = datasetStart.testFraction()),
                new RevertStep("points", () -> points = datasetStart.points()),
                new RevertStep("noise", () -> noise = datasetStart.noise()));
        for (RevertStep step : steps) {
            String problem = datasetProblem();
            if (problem == null) {
                break;
            }
            if (taken.contains(step.key())) {
                step.undo().run();
                revert.accept(step.key(), problem);
            }
        }
        try {
            return new DatasetSpec(kind, points, noise, testFraction, classes, normalization);
        } catch (IllegalArgumentException stillNoSplit) {
            return datasetStart;
        }
    }

    private String datasetProblem() {
        try {
            new DatasetSpec(kind, points, noise, testFraction, classes, normalization);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private record RevertStep(String key, Runnable undo) {}

    private NetworkSpec settleNetwork(DatasetSpec data, List<String> taken, Revert revert) {
        NetworkSpec network = new NetworkSpec(data.inputSize(), hidden, data.classes(), init);
        String problem = sizeProblem(network, data);
        if (problem != null && taken.contains("layers")) {
            hidden = base.run().network().hidden();
            revert.accept("layers", problem);
            network = network.withHidden(hidden);
            problem = sizeProblem(network, data);
        }
        if (problem != null && !data.equals(base.run().dataset())) {
            // The base's own layers are too many weights for the new dataset's inputs.
            DatasetSpec kept = base.run().dataset();
            setDataset(kept);
            revert.accept("dataset", problem);
            return new NetworkSpec(kept.inputSize(), hidden, kept.classes(), init);
        }
        return network;
    }

    /** The limits' sentence when {@code network} is too deep, wide or large, otherwise null. */
    private String sizeProblem(NetworkSpec network, DatasetSpec data) {
        // Only the network is in question here: the rest of this probe is within any limits.
        RunSpec probe = new RunSpec(network, loss, OptimizerSpec.sgd(0.1), 1, 1, 0, 0, data);
        return limits.check(probe).stream()
                .filter(problem -> problem.field().equals("layers"))
                .map(Limits.Problem::sentence)
                .findFirst()
                .orElse(null);
    }

    private OptimizerSpec settleOptimizer(List<String> taken, Revert revert) {
        // Only the chosen optimizer's own settings count; the others keep their defaults, as
        // the settings form does, so a configuration reads back the same whatever it started
        // from.
        if (optimizer == OptimizerKind.ADAM) {
            momentum = 0;
            nesterov = false;
        } else {
            beta1 = 0.9;
            beta2 = 0.999;
            if (nesterov && momentum == 0) {
                String problem = "Nesterov momentum needs a momentum above 0, such as 0.9.";
                if (taken.contains("nesterov") || !taken.contains("momentum")) {
                    nesterov = false;
                    revert.accept("nesterov", problem);
                } else {
                    momentum = base.run().optimizer().momentum();
                    revert.accept("momentum", problem);
                    if (momentum == 0) {
                        nesterov = false;
                    }
                }
            }
        }
        return new OptimizerSpec(
                optimizer, learningRate, momentum, nesterov, beta1, beta2, weightDecay);
    }
}
