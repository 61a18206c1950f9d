package org.trainingplayground.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a kept run is from its first step on.
 *
 * @param id the run's random id, as its page's address shows it
 * @param learnerId the browser (learner cookie) or command that owns the run
 * @param settingsJson its settings, as the exported settings file holds them
 * @param network the layer widths and activation, e.g. {@code 784-128-64-10 ReLU}
 * @param optimizer the optimizer's name, e.g. {@code SGD}
 * @param parameters weights and biases of the network
 * @param stepsPerEpoch steps in a full epoch (0 until the first step says)
 * @param classCode the class the learner trained it in, or null outside a class
 */
public record RunStart(
        String id,
        String learnerId,
        Instant startedAt,
        String settingsJson,
        long seed,
        String dataset,
        String network,
        String optimizer,
        double learningRate,
        long parameters,
        int epochs,
        int stepsPerEpoch,
        String classCode) {

    public RunStart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(settingsJson, "settingsJson");
    }

    /** The planned run as its first step starts it: at {@code at}, with its epoch's length. */
    RunStart startedAt(Instant at, int stepsInEpoch) {
        return new RunStart(
                id,
                learnerId,
                at,
                settingsJson,
                seed,
                dataset,
                network,
                optimizer,
                learningRate,
                parameters,
                epochs,
                stepsInEpoch,
                classCode);
    }
}
