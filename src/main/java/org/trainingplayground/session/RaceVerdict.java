package org.trainingplayground.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one line a finished race ends with: the step at which each lane first reached a test
 * accuracy (the highest of 90, 80, 70, 60 and 50 % that any lane reached), fastest first.
 */
public final class RaceVerdict {

    private static final int[] LEVELS = {90, 80, 70, 60, 50};

    /** What one lane measured. */
    public record Lane(String name, long[] evaluatedSteps, float[] accuracies, long stepsTaken) {

        /** The first evaluated step with at least this accuracy; -1 if none. */
        long firstStepReaching(double level) {
            for (int i = 0; i < evaluatedSteps.length; i++) {
                // Accuracies are floats: 0.9f is a hair below 0.9.
                if (accuracies[i] + 1e-6 >= level) {
                    return evaluatedSteps[i];
                }
            }
            return -1;
        }
    }

    private RaceVerdict() {}

    /**
     * E.g. "Adam 0.001 reached 90 % test accuracy at step 210, SGD 0.05 at step 1,450", or
     * "…; SGD 0.05 did not reach it within its 625 steps".
     */
    public static String of(List<Lane> lanes) {
        for (int level : LEVELS) {
            double fraction = level / 100.0;
            List<Lane> order = new ArrayList<>(lanes);
            // Those that reached the level by when they did, then the others as they came.
            order.sort(Comparator.comparingLong(lane -> {
                long at = lane.firstStepReaching(fraction);
                return at < 0 ? Long.MAX_VALUE : at;
            }));
            if (order.get(0).firstStepReaching(fraction) < 0) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < order.size(); i++) {
                Lane lane = order.get(i);
                long at = lane.firstStepReaching(fraction);
                if (i == 0) {
                    line.append(lane.name())
                            .append(" reached ")
                            .append(level)
                            .append(" % test accuracy at step ")
                            .append(steps(at));
                } else if (at >= 0) {
                    line.append(", ").append(lane.name()).append(" at step ").append(steps(at));
                } else {
                    line.append("; ")
                            .append(lane.name())
                            .append(" did not reach it within its ")
                            .append(steps(lane.stepsTaken()))
                            .append(" steps");
                }
            }
            return line.append('.').toString();
        }
        return "No lane reached 50 % test accuracy; try a larger learning rate or more epochs.";
    }

    private static String steps(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
