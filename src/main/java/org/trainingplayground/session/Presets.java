package org.trainingplayground.session;

import java.util.List;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/** Ready-made settings a student can pick instead of filling in the form. */
public enum Presets {
    /**
     * The lesson exactly: the full MNIST normalised to [-1, 1], 784-128-64-10 ReLU, SGD with
     * learning rate 0.003, batch 64, 5 epochs.
     */
    LESSON(
            "Lesson",
            new RunSpec(
                    new NetworkSpec(
                            784,
                            List.of(LayerSpec.relu(128), LayerSpec.relu(64)),
                            10,
                            Init.PYTORCH),
                    LossKind.CROSS_ENTROPY,
                    OptimizerSpec.sgd(0.003),
                    64,
                    5,
                    1,
                    PlaygroundSession.EVAL_EVERY_STEPS,
                    DatasetSpec.mnist().withNormalization(Normalization.LESSON))),
    /** Learns visibly within seconds: SGD with momentum on one hidden layer. */
    QUICK(
            "Quick",
            new RunSpec(
                    new NetworkSpec(
                            784, List.of(new LayerSpec(64, Activation.RELU)), 10, Init.PYTORCH),
                    LossKind.CROSS_ENTROPY,
                    new OptimizerSpec(OptimizerKind.SGD, 0.05, 0.9, false, 0.9, 0.999, 0),
                    64,
                    3,
                    1,
                    PlaygroundSession.EVAL_EVERY_STEPS)),
    /**
     * A small network that untangles the three-armed spiral in about 75 s at 20 steps/s,
     * the boundary curling visibly from straight cuts into arms.
     */
    SPIRAL(
            "Spiral",
            new RunSpec(
                    new NetworkSpec(
                            2, List.of(LayerSpec.relu(32), LayerSpec.relu(32)), 3, Init.PYTORCH),
                    LossKind.CROSS_ENTROPY,
                    OptimizerSpec.adam(0.01),
                    16,
                    60,
                    1,
                    PlaygroundSession.EVAL_EVERY_STEPS,
                    DatasetSpec.of(DatasetKind.SPIRAL)));

    private final String label;
    private final RunSpec spec;

    Presets(String label, RunSpec spec) {
        this.label = label;
        this.spec = spec;
    }

    public String label() {
        return label;
    }

    public RunSpec spec() {
        return spec;
    }

    /**
     * True for presets meant for any dataset (they keep the one chosen and only fit the
     * network's inputs and outputs to it); false for presets that bring their own data.
     */
    public boolean keepsDataset() {
        return spec.dataset().kind().images();
    }

    /**
     * This preset's settings for a student whose form shows {@code shown}: on that dataset
     * when the preset keeps it (an image set's pixels normalised as the preset says), otherwise
     * on the preset's own; evaluated as often as the shown settings are.
     */
    public RunSpec settingsFor(RunSpec shown, DatasetSpec shownDataset) {
        RunSpec settings = spec.withEvalEverySteps(shown.evalEverySteps());
        if (!keepsDataset()) {
            return settings;
        }
        return settings.withDataset(
                shownDataset.kind().images()
                        ? shownDataset.withNormalization(spec.dataset().normalization())
                        : shownDataset);
    }
}
