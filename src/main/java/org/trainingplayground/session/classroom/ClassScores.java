package org.trainingplayground.session.classroom;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trainingplayground.core.store.ClassResults;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.session.ClassTie;

/**
 * A class's challenge and each student's best run on it, measured on the test samples a
 * class run keeps hidden.
 */
public final class ClassScores {

    private final LiveClass owner;
    private final LiveClasses classes;
    private final ClassResults results;
    private final Clock clock;
    private volatile Challenge challenge;
    /** Each student's best result on the challenge, by learner. */
    private final Map<String, ClassResults.Result> best = new ConcurrentHashMap<>();

    ClassScores(LiveClass owner, LiveClasses classes, ClassStore store, Clock clock, String json) {
        this.owner = owner;
        this.classes = classes;
        this.results = store.results();
        this.clock = clock;
        this.challenge = ClassChallenges.read(json);
        results.results(owner.code()).forEach(result -> best.put(result.learnerId(), result));
    }

    /** The teacher's challenge, or null. */
    public Challenge challenge() {
        return challenge;
    }

    /** Sets a new challenge; everyone's results start afresh. */
    public void setChallenge(Challenge newChallenge) {
        results.setChallenge(owner.code(), ClassChallenges.write(newChallenge));
        best.clear();
        challenge = newChallenge;
        owner.changed();
    }

    /**
     * A student's run scored on its hidden test samples (on the training thread): kept if it
     * is their best on the challenge so far. Met for the first time, every page hears of it.
     */
    void scored(String learner, ClassTie.HiddenScore score) {
        Challenge current = challenge;
        if (current == null || !current.counts(score)) {
            return;
        }
        ClassResults.Result result = new ClassResults.Result(
                learner,
                score.runId(),
                score.accuracy(),
                score.spec().network().parameterCount(),
                score.epoch(),
                score.step(),
                current.met(score));
        ClassResults.Result before = best.get(learner);
        if (before != null && !ClassChallenges.better(result, before)) {
            return;
        }
        best.put(learner, result);
        classes.inBackground(() -> results.saveResult(owner.code(), result, clock.millis()));
        if (result.met() && (before == null || !before.met())) {
            owner.changed();
        }
    }

    /** The learner's best result on the challenge, if they have one. */
    public Optional<ChallengeResult> result(String learner) {
        return Optional.ofNullable(best.get(learner)).flatMap(this::named);
    }

    /** The leaderboard: every student's best, by hidden accuracy, ties by fewer weights. */
    public List<ChallengeResult> leaderboard() {
        return best.values().stream()
                .sorted(ClassChallenges.RANKING)
                .map(this::named)
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<ChallengeResult> named(ClassResults.Result result) {
        return owner.nickname(result.learnerId())
                .map(nickname -> new ChallengeResult(
                        nickname,
                        result.hiddenAccuracy(),
                        result.parameters(),
                        result.epoch(),
                        result.met()));
    }
}
