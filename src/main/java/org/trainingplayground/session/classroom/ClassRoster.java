package org.trainingplayground.session.classroom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.ClassStore.Member;
import org.trainingplayground.core.store.RunStatus;
import org.trainingplayground.core.store.RunSummary;
import org.trainingplayground.session.MetricsHistory;
import org.trainingplayground.session.MetricsHistory.Curve;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.RunKeeper;
import org.trainingplayground.session.SessionStatus;

/**
 * What the teacher sees of a class's students: each one's run now (or, while they are away,
 * the last run the history kept), their curves, and the playground to look over.
 */
public final class ClassRoster {

    /** A member away this long is read again from the history: their run may have moved on. */
    private static final long AWAY_RUNS_MAX_AGE_MS = 5_000;

    private final LiveClass owner;
    private final LiveClasses classes;
    private final ClassStore store;
    private final Clock clock;
    private volatile Map<String, RunSummary> awayRuns = Map.of();
    private volatile long awayRunsReadAt;

    ClassRoster(LiveClass owner, LiveClasses classes, ClassStore store, Clock clock) {
        this.owner = owner;
        this.classes = classes;
        this.store = store;
        this.clock = clock;
    }

    /** Every student of the class, in the order they joined, each with their run now. */
    public List<StudentRow> rows() {
        long now = clock.millis();
        List<StudentRow> rows = new ArrayList<>();
        for (Member member : owner.members()) {
            if (member.removed()) {
                continue;
            }
            PlaygroundSession playground = shownPlayground(member.learnerId());
            rows.add(
                    playground != null
                            ? live(member.nickname(), playground, now)
                            : away(member, now));
        }
        return rows;
    }

    /** A student's curves, downsampled for the class's overview. */
    public record StudentCurves(String nickname, Curve loss, Curve accuracy) {}

    /**
     * The smoothed loss and test accuracy of every student with a page open, at most
     * {@code points} points each, in the order they joined.
     */
    public List<StudentCurves> curves(int points) {
        List<StudentCurves> curves = new ArrayList<>();
        for (Member member : owner.members()) {
            PlaygroundSession playground =
                    member.removed() ? null : shownPlayground(member.learnerId());
            if (playground != null) {
                MetricsHistory history = playground.history();
                curves.add(new StudentCurves(
                        member.nickname(),
                        history.lossCurve(points),
                        history.accuracyCurve(points)));
            }
        }
        return curves;
    }

    /** The playground the teacher sees of the student with this nickname, while one is open. */
    public Optional<PlaygroundSession> playgroundOf(String nickname) {
        return owner.members().stream()
                .filter(m -> m.nickname().equals(nickname) && !m.removed())
                .findFirst()
                .map(m -> shownPlayground(m.learnerId()));
    }

    /** The one of the student's playgrounds the teacher sees: a training one, else the newest. */
    private PlaygroundSession shownPlayground(String learner) {
        List<PlaygroundSession> open = classes.playgroundsOf(learner);
        for (PlaygroundSession playground : open) {
            if (playground.state() == RunState.RUNNING) {
                return playground;
            }
        }
        return open.isEmpty() ? null : open.get(open.size() - 1);
    }

    private static StudentRow live(String nickname, PlaygroundSession playground, long now) {
        SessionStatus status = playground.status();
        RunSpec spec = playground.runSpec();
        return new StudentRow(
                nickname,
                statusWord(status.state(), status.step()),
                status.message(),
                spec.dataset().kind().label(),
                RunKeeper.describe(spec.network()),
                spec.network().parameterCount(),
                spec.optimizer().kind().label(),
                spec.optimizer().learningRate(),
                status.epoch(),
                status.epochs(),
                status.step(),
                status.latestLoss(),
                status.latestAccuracy(),
                now);
    }

    static String statusWord(RunState state, long step) {
        switch (state) {
            case RUNNING:
                return "training";
            case QUEUED:
                return "queued";
            case FINISHED:
                return "finished";
            case FAILED:
                return "diverged";
            case CLOSED:
                return "away";
            default:
                return step == 0 ? "not started" : "paused";
        }
    }

    /** A student with no page open: their newest kept run, as the history has it. */
    private StudentRow away(Member member, long now) {
        if (awayRunsReadAt == 0 || now - awayRunsReadAt > AWAY_RUNS_MAX_AGE_MS) {
            awayRuns = store.latestRuns(owner.code());
            awayRunsReadAt = now;
        }
        RunSummary run = awayRuns.get(member.learnerId());
        long seen = Math.max(classes.lastSeen(member.learnerId()), member.joinedAt());
        if (run == null) {
            return new StudentRow(
                    member.nickname(),
                    "away",
                    null,
                    "",
                    "",
                    0,
                    "",
                    Double.NaN,
                    0,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    seen);
        }
        return new StudentRow(
                member.nickname(),
                "away",
                run.status() == RunStatus.FAILED ? run.message() : null,
                run.start().dataset(),
                run.start().network(),
                run.start().parameters(),
                run.start().optimizer(),
                run.start().learningRate(),
                run.epochsDone(),
                run.start().epochs(),
                run.steps(),
                Double.NaN,
                run.testAccuracy(),
                Math.max(seen, run.updatedAt().toEpochMilli()));
    }
}
