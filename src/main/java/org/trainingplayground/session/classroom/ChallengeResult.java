package org.trainingplayground.session.classroom;

/**
 * A student's best run on the class's challenge, as the leaderboard ranks it: by its accuracy
 * on the hidden test samples, ties by fewer weights.
 *
 * @param hiddenAccuracy 0 to 1
 * @param epoch the epoch it was in when it scored so
 */
public record ChallengeResult(
        String nickname, double hiddenAccuracy, long parameters, int epoch, boolean met) {}
