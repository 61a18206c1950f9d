package org.trainingplayground.core.metrics;

/**
 * The network measured on the test split, without training on it.
 *
 * @param step the number of training steps taken before this evaluation (0 = untrained)
 * @param loss mean cross-entropy over the test split
 * @param accuracy fraction of test samples whose highest logit is the true class, 0 to 1
 */
public record EvalMetrics(long step, int epoch, float loss, float accuracy) {}
