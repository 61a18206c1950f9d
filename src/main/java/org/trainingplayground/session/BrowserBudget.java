package org.trainingplayground.session;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the playgrounds of one browser (its page and its embedded frames) may use together:
 * at most {@code maxTrainingRuns} training or waiting for a place at once, and at most
 * {@code maxWeights} weights and biases built at once. One browser must not take a class's
 * training places, or a server's memory, by opening frame after frame.
 *
 * <p>The checks read the other playgrounds without their locks (each playground asks from
 * inside its own), so two of them asking at the same instant may both be let through; the
 * bound is then exceeded by one run, never more.
 */
public final class BrowserBudget {

    private final int maxTrainingRuns;
    private final long maxWeights;
    private final Set<PlaygroundSession> playgrounds = ConcurrentHashMap.newKeySet();

    public BrowserBudget(int maxTrainingRuns, long maxWeights) {
        this.maxTrainingRuns = maxTrainingRuns;
        this.maxWeights = maxWeights;
    }

    /** No limit beyond what each run may use on its own: one playground alone (tests, CLI). */
    public static BrowserBudget unlimited() {
        return new BrowserBudget(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The playgrounds (page, frames, race lanes) holding a run of this browser now. */
    public int playgrounds() {
        return playgrounds.size();
    }

    void join(PlaygroundSession playground) {
        playgrounds.add(playground);
    }

    void leave(PlaygroundSession playground) {
        playgrounds.remove(playground);
    }

    /** Why {@code playground} may not start training now, or null when it may. */
    String startRefusal(PlaygroundSession playground) {
        long training = playgrounds.stream()
                .filter(other -> other != playground && other.isTrainingOrWaiting())
                .count();
        if (training < maxTrainingRuns) {
            return null;
        }
        return "This browser already has " + training + " runs training or waiting for a"
                + " place (in other tabs or embedded frames), as many as one browser may have"
                + " at once here. Pause one of them, then press Start again.";
    }

    /** Why {@code playground} may not build a network of {@code weights}, or null. */
    String weightsRefusal(PlaygroundSession playground, long weights) {
        long others = playgrounds.stream()
                .filter(other -> other != playground)
                .mapToLong(PlaygroundSession::weightsBuilt)
                .sum();
        if (others + weights <= maxWeights) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "This network has %,d weights and biases, and the other runs of this"
                        + " browser (in other tabs or embedded frames) already hold %,d;"
                        + " together at most %,d are allowed here. Make the network"
                        + " smaller, or close another frame first.",
                weights,
                others,
                maxWeights);
    }
}
