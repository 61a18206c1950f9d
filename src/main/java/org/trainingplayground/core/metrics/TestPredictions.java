package org.trainingplayground.core.metrics;

/**
 * The network's answer for every sample of the test split, from one evaluation: what the
 * prediction gallery and the confusion matrix show.
 *
 * @param step training steps taken before the evaluation
 * @param epoch the epoch the evaluation belongs to (0 = untrained)
 * @param labels the true class of each test sample
 * @param predicted the class with the highest logit for each test sample
 * @param probabilities the softmax of each test sample's logits, {@code classes} values per
 *     sample, one sample after the other
 */
public record TestPredictions(
        long step, int epoch, int classes, int[] labels, int[] predicted, float[] probabilities) {

    public TestPredictions {
        if (labels.length != predicted.length
                || probabilities.length != (long) predicted.length * classes) {
            throw new IllegalArgumentException(
                    "Predictions need one label, one class and one probability per class for"
                            + " each sample.");
        }
    }

    public int size() {
        return labels.length;
    }

    public boolean correct(int sample) {
        return labels[sample] == predicted[sample];
    }

    /** The probability the network gives to {@code cls} for test sample {@code sample}. */
    public float probability(int sample, int cls) {
        return probabilities[sample * classes + cls];
    }

    /** All class probabilities of one sample. */
    public float[] probabilities(int sample) {
        return java.util.Arrays.copyOfRange(
                probabilities, sample * classes, (sample + 1) * classes);
    }

    /**
     * Counts per true class (row) and predicted class (column); the counts add up to the
     * number of test samples and the diagonal holds the correct ones.
     */
    public int[][] confusionMatrix() {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return counts;
    }

    public float accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == predicted[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? 0 : (float) correct / labels.length;
    }
}
