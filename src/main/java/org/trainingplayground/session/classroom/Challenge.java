package org.trainingplayground.session.classroom;

import java.util.Locale;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.session.ClassTie.HiddenScore;

/**
 * A teacher's goal for the class, e.g. at least 95 % test accuracy on MNIST with at most
 * 10,000 weights within 5 epochs. Accuracy is measured on the test samples a class run keeps
 * hidden, so that nobody can tune their run to it.
 *
 * @param minAccuracy 0 to 1
 * @param maxParameters the most weights and biases a run may have; 0 for any
 * @param maxEpochs the epoch by which the accuracy counts; 0 for any
 */
public record Challenge(
        DatasetKind dataset, double minAccuracy, long maxParameters, int maxEpochs) {

    /**
     * @throws IllegalArgumentException with a sentence for a value a challenge cannot have
     */
    public Challenge {
        if (dataset == null) {
            throw new IllegalArgumentException("Choose the dataset of the challenge.");
        }
        if (!(minAccuracy > 0 && minAccuracy <= 1)) {
            throw new IllegalArgumentException(
                    "The accuracy to reach is a percentage above 0 and at most 100.");
        }
        if (maxParameters < 0 || maxEpochs < 0) {
            throw new IllegalArgumentException(
                    "The most weights and the most epochs are whole numbers from 1, or empty.");
        }
    }

    /** What the class reads: "At least 95 % test accuracy on MNIST … within 5 epochs". */
    public String describe() {
        StringBuilder text = new StringBuilder("At least ")
                .append(percent(minAccuracy))
                .append(" test accuracy on ")
                .append(dataset.label());
        if (maxParameters > 0) {
            text.append(" with at most ")
                    .append(String.format("%,d", maxParameters))
                    .append(" weights");
        }
        if (maxEpochs > 0) {
            text.append(" within ").append(maxEpochs).append(maxEpochs == 1 ? " epoch" : " epochs");
        }
        return text.toString();
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100).replace(".0", "") + " %";
    }

    /** Whether the run that scored is one the challenge counts (its data, size and epoch). */
    boolean counts(HiddenScore score) {
        return score.spec().dataset().kind() == dataset
                && (maxParameters == 0 || score.spec().network().parameterCount() <= maxParameters)
                && (maxEpochs == 0 || score.epoch() <= maxEpochs);
    }

    boolean met(HiddenScore score) {
        return counts(score) && score.accuracy() >= minAccuracy;
    }
}
