package org.trainingplayground.session;

import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * The training settings a kind of data starts from when a student picks it from the menu:
 * enough steps, at a rate that learns visibly.
 *
 * @param optimizer the optimizer and its learning rate
 * @param batchSize samples per step
 * @param epochs passes over the training set
 */
public record DatasetDefaults(OptimizerSpec optimizer, int batchSize, int epochs) {

    /** The SGD learning rate a new playground starts with, on MNIST. */
    public static final double SGD_IMAGES_LEARNING_RATE = 0.05;

    /**
     * The image sets: 5 epochs of 938 steps on the full MNIST; SGD at 0.05 on pixels in [0, 1]
     * brings the loss down within the first few dozen steps a student watches (the Lesson
     * preset is the lesson's slower 0.003).
     */
    public static final DatasetDefaults IMAGES =
            new DatasetDefaults(OptimizerSpec.sgd(SGD_IMAGES_LEARNING_RATE), 64, 5);

    /**
     * The 2-D sets: the spiral's 400 training points make 25 batches of 16 per epoch. With the
     * image sets' 5 epochs of 64 the spiral stopped after 35 steps near 45 % test accuracy; 60
     * epochs of SGD at 0.1 take every set above 90 % (the spiral 92 % after 1,500 steps, see the
     * README).
     */
    public static final DatasetDefaults POINTS =
            new DatasetDefaults(OptimizerSpec.sgd(0.1), 16, 60);

    /** The settings a new playground opens with: the lesson's network on MNIST. */
    public static RunSpec firstRun(NetworkSpec lessonNetwork) {
        return new RunSpec(
                lessonNetwork,
                LossKind.CROSS_ENTROPY,
                IMAGES.optimizer(),
                IMAGES.batchSize(),
                IMAGES.epochs(),
                1,
                PlaygroundSession.EVAL_EVERY_STEPS);
    }

    public static DatasetDefaults of(DatasetKind kind) {
        return kind.images() ? IMAGES : POINTS;
    }
}
