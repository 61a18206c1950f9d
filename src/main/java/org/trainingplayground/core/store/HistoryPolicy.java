package org.trainingplayground.core.store;

/**
 * How much history the operator keeps.
 *
 * @param historyDays ended runs older than this are deleted (0: kept for ever)
 * @param maxRunsPerLearner a learner's oldest runs beyond this are deleted (0: no limit)
 */
public record HistoryPolicy(int historyDays, int maxRunsPerLearner) {

    /** Half a year of runs, at most 200 per learner. */
    public static HistoryPolicy defaults() {
        return new HistoryPolicy(180, 200);
    }
}
