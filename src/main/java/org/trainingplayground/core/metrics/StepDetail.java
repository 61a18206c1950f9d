package org.trainingplayground.core.metrics;

/**
 * One training step taken apart, phase by phase, for the step-through view.
 *
 * @param step the step these values belong to
 * @param images pixels (0..255, row-major) of the first few samples of the batch
 * @param imageSide width and height of each image in pixels
 * @param labels true classes of those samples
 * @param sample index (within {@code images}) of the sample whose outputs are shown
 * @param logits the network's raw outputs for that sample (forward)
 * @param probabilities softmax of the logits for that sample
 * @param loss the batch's mean loss
 * @param sampleLosses the loss of each sample in the batch (their mean is {@code loss})
 * @param gradNorms L2 norm of each parameter tensor's gradient (backward)
 * @param watchedWeight name of one weight followed through the step, e.g. {@code fc1.weight[0,0]}
 * @param watchedBefore its value before the update
 * @param watchedGradient its gradient
 * @param watchedAfter its value after the update
 * @param updateNorms L2 norm of each parameter tensor's change (step)
 * @param updateRatios each update norm divided by the norm of the weights before it
 * @param gradientsAccumulated true when zero_grad was skipped, so the gradients include
 *     earlier steps' gradients
 * @param points for a 2-D point set, x and y of the first few samples of the batch ({@code
 *     images} is then empty and {@code imageSide} 0); empty for images
 */
public record StepDetail(
        long step,
        byte[][] images,
        int imageSide,
        int[] labels,
        int sample,
        float[] logits,
        float[] probabilities,
        float loss,
        float[] sampleLosses,
        float[] gradNorms,
        String watchedWeight,
        float watchedBefore,
        float watchedGradient,
        float watchedAfter,
        float[] updateNorms,
        float[] updateRatios,
        boolean gradientsAccumulated,
        float[][] points) {}
