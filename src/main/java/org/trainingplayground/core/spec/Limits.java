package org.trainingplayground.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the operator allows one run to use. A setting outside a limit is refused with a sentence
 * naming the limit; it is never silently clamped.
 *
 * @param maxHiddenLayers most hidden Linear layers
 * @param maxWidth most units in one hidden layer
 * @param maxBatchSize largest batch
 * @param maxEpochs most epochs in one run
 * @param maxParameters most weights and biases in one network
 */
public record Limits(
        int maxHiddenLayers, int maxWidth, int maxBatchSize, int maxEpochs, long maxParameters) {

    /** The defaults: 6 layers of up to 1024 units, batches up to 1024, 100 epochs. */
    public static Limits defaults() {
        return new Limits(6, 1024, 1024, 100, 5_000_000);
    }

    /** A problem with one setting: the id of the field it belongs to and a sentence. */
    public record Problem(String field, String sentence) {}

    /** Every way {@code spec} breaks these limits; empty when it is within them. */
    public List<Problem> check(RunSpec spec) {
        List<Problem> problems = new ArrayList<>();
        NetworkSpec network = spec.network();
        if (network.hidden().size() > maxHiddenLayers) {
            problems.add(new Problem(
                    "layers",
                    "At most " + maxHiddenLayers
                            + " hidden layers are allowed here; this network has "
                            + network.hidden().size() + "."));
        }
        for (int i = 0; i < network.hidden().size(); i++) {
            int width = network.hidden().get(i).width();
            if (width > maxWidth) {
                problems.add(new Problem(
                        "layers",
                        "Layer " + (i + 1) + " has " + width + " units; at most " + maxWidth
                                + " are allowed here."));
            }
        }
        if (network.parameterCount() > maxParameters) {
            problems.add(new Problem(
                    "layers",
                    String.format(
                            Locale.ROOT,
                            "This network has %,d weights and biases; at most %,d are allowed here.",
                            network.parameterCount(),
                            maxParameters)));
        }
        if (spec.batchSize() > maxBatchSize) {
            problems.add(new Problem(
                    "batch-size",
                    "The batch size must be between 1 and " + maxBatchSize + ", not "
                            + spec.batchSize() + "."));
        }
        if (spec.epochs() > maxEpochs) {
            problems.add(new Problem(
                    "epochs",
                    "The number of epochs must be between 1 and " + maxEpochs + ", not "
                            + spec.epochs() + "."));
        }
        return problems;
    }

    /** Throws {@link IllegalArgumentException} with the first problem's sentence, if any. */
    public void require(RunSpec spec) {
        List<Problem> problems = check(spec);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).sentence());
        }
    }
}
