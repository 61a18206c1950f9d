package org.trainingplayground.core.metrics;

/**
 * The summary of one finished epoch.
 *
 * @param trainLoss mean training loss over the epoch's samples (weighted by batch size)
 * @param validation the evaluation on the test split at the end of the epoch
 */
public record EpochMetrics(int epoch, long step, float trainLoss, EvalMetrics validation) {}
