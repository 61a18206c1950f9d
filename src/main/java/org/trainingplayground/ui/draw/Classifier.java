package org.trainingplayground.ui.draw;

import java.util.concurrent.CompletableFuture;

/**
 * Asks a network what an image shows. The draw panel does not know the network; whoever owns it
 * (and the thread it runs on) implements this.
 */
@FunctionalInterface
public interface Classifier {

    /**
     * Classifies one 28×28 image.
     *
     * @param inputs784 the network's inputs, 784 row-major values from 0 (background) to 1 (ink)
     * @return the softmax probabilities, one per class in class order; may complete on any
     *     thread, or exceptionally with a cause whose message is a sentence for the student
     */
    CompletableFuture<float[]> classify(float[] inputs784);
}
