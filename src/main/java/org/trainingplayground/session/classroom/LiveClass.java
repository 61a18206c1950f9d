package org.trainingplayground.session.classroom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.ClassStore.Member;
import org.trainingplayground.core.store.Classroom;
import org.trainingplayground.core.store.RunStatus;
import org.trainingplayground.core.store.RunSummary;
import org.trainingplayground.session.ClassTie;
import org.trainingplayground.session.MetricsHistory;
import org.trainingplayground.session.MetricsHistory.Curve;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.RunKeeper;
import org.trainingplayground.session.SessionStatus;
import org.trainingplayground.session.SettingsApplied;

/**
 * One class as this server has it: what the store keeps of it (name, message, members), and
 * its students' runs live. The teacher's actions act on those runs; the students' pages watch
 * it for what the teacher changed.
 */
public final class LiveClass {

    /** A member away this long is read again from the history: their run may have moved on. */
    private static final long AWAY_RUNS_MAX_AGE_MS = 5_000;

    private final LiveClasses classes;
    private final ClassStore store;
    private final Clock clock;
    private final String code;
    private volatile Classroom state;
    private volatile List<Member> members;
    private final Set<PlaygroundSession> pausedByTeacher = ConcurrentHashMap.newKeySet();
    /** Trained runs whose students were told of the teacher's settings and have not reset. */
    private final Set<PlaygroundSession> awaitingReset = ConcurrentHashMap.newKeySet();

    private volatile PlaygroundConfig settings;
    private volatile Challenge challenge;
    /** Each student's best result on the challenge, by learner. */
    private final Map<String, ClassStore.Result> best = new ConcurrentHashMap<>();

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private volatile Map<String, RunSummary> awayRuns = Map.of();
    private volatile long awayRunsReadAt;

    LiveClass(LiveClasses classes, ClassStore store, Classroom state, Clock clock) {
        this.classes = classes;
        this.store = store;
        this.clock = clock;
        this.code = state.code();
        this.state = state;
        this.members = store.members(code);
        this.settings = classes.readSettings(state.settingsJson());
        this.challenge = ClassChallenges.read(state.challengeJson());
        store.results(code).forEach(result -> best.put(result.learnerId(), result));
    }

    /** The teacher's challenge, or null. */
    public Challenge challenge() {
        return challenge;
    }

    /** Sets a new challenge; everyone's results start afresh. */
    public void setChallenge(Challenge newChallenge) {
        store.setChallenge(code, ClassChallenges.write(newChallenge));
        best.clear();
        challenge = newChallenge;
        changed();
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
        ClassStore.Result result = new ClassStore.Result(
                learner,
                score.runId(),
                score.accuracy(),
                score.spec().network().parameterCount(),
                score.epoch(),
                score.step(),
                current.met(score));
        ClassStore.Result before = best.get(learner);
        if (before != null && !ClassChallenges.better(result, before)) {
            return;
        }
        best.put(learner, result);
        classes.inBackground(() -> store.saveResult(code, result, clock.millis()));
        if (result.met() && (before == null || !before.met())) {
            changed();
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

    private Optional<ChallengeResult> named(ClassStore.Result result) {
        return nickname(result.learnerId())
                .map(nickname -> new ChallengeResult(
                        nickname,
                        result.hiddenAccuracy(),
                        result.parameters(),
                        result.epoch(),
                        result.met()));
    }

    public String code() {
        return code;
    }

    public String name() {
        return state.name();
    }

    /** The teacher's message to the class, or null. */
    public String message() {
        return state.message();
    }

    public boolean ended() {
        return state.ended();
    }

    /** The settings the teacher sent the class, or null. */
    public PlaygroundConfig settings() {
        return settings;
    }

    /** The parts of the students' pages locked for the class, by the names of lock=. */
    public Set<String> locks() {
        String locks = state.locks();
        return locks.isEmpty() ? Set.of() : Set.of(locks.split(","));
    }

    /** Bumped by every change a student's page or the dashboard shows. */
    public long version() {
        return version.get();
    }

    /** The nickname of {@code learner} while they are in the class. */
    public Optional<String> nickname(String learner) {
        return members.stream()
                .filter(m -> m.learnerId().equals(learner) && !m.removed())
                .map(Member::nickname)
                .findFirst();
    }

    /** Members in the order they joined (removed ones left out). */
    public List<String> nicknames() {
        return members.stream().filter(m -> !m.removed()).map(Member::nickname).toList();
    }

    /**
     * Calls {@code watcher} (on the thread of whoever changed it) when the class changes: a
     * message, a member joined or was removed, the class ended. It must return at once.
     *
     * @return removes the watcher
     */
    public Runnable watch(Runnable watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Every student of the class, in the order they joined, each with their run now. */
    public List<StudentRow> roster() {
        long now = clock.millis();
        List<StudentRow> rows = new ArrayList<>();
        for (Member member : members) {
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
        for (Member member : members) {
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
            awayRuns = store.latestRuns(code);
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

    /**
     * Pauses every student's training or waiting run.
     *
     * @return how many runs it paused
     */
    public int pauseAll() {
        int paused = 0;
        pausedByTeacher.retainAll(openPlaygrounds());
        for (PlaygroundSession playground : openPlaygrounds()) {
            RunState state = playground.state();
            if (state == RunState.RUNNING || state == RunState.QUEUED) {
                playground.pause();
                pausedByTeacher.add(playground);
                paused++;
            }
        }
        return paused;
    }

    /**
     * Starts again the runs {@link #pauseAll} paused and their students left paused.
     *
     * @return how many runs it started
     */
    public int resumeAll() {
        int resumed = 0;
        List<PlaygroundSession> open = openPlaygrounds();
        for (PlaygroundSession playground : List.copyOf(pausedByTeacher)) {
            pausedByTeacher.remove(playground);
            if (open.contains(playground)
                    && playground.state() == RunState.PAUSED
                    && playground.start() == null) {
                resumed++;
            }
        }
        return resumed;
    }

    private List<PlaygroundSession> openPlaygrounds() {
        List<PlaygroundSession> open = new ArrayList<>();
        for (Member member : members) {
            if (!member.removed()) {
                open.addAll(classes.playgroundsOf(member.learnerId()));
            }
        }
        return open;
    }

    /** What sending the class settings came to, in runs. */
    public record Sent(int taken, int waiting, int refused) {}

    /**
     * Sends every student {@code config}: an untrained run takes it at once (its speed too);
     * a trained one keeps going and its student is told, with a button to reset to it. Runs
     * started from now on start from it.
     */
    public Sent sendSettings(PlaygroundConfig config) {
        store.setSettings(code, ConfigJson.toJson(config));
        settings = config;
        List<PlaygroundSession> open = openPlaygrounds();
        awaitingReset.retainAll(open);
        int taken = 0;
        int waiting = 0;
        int refused = 0;
        for (PlaygroundSession playground : open) {
            Offer offer = offer(playground, config);
            taken += offer == Offer.TAKEN ? 1 : 0;
            waiting += offer == Offer.WAITING ? 1 : 0;
            refused += offer == Offer.REFUSED ? 1 : 0;
        }
        changed();
        return new Sent(taken, waiting, refused);
    }

    private enum Offer {
        TAKEN,
        WAITING,
        REFUSED
    }

    private Offer offer(PlaygroundSession playground, PlaygroundConfig config) {
        playground.setSpeed(config.speed()); // applies live, trained or not
        RunState state = playground.state();
        boolean untrained = playground.history().stepCount() == 0
                && (state == RunState.PAUSED || state == RunState.CREATING);
        if (untrained) {
            SettingsApplied applied = playground.apply(config.run(), new ArrayList<>());
            if (applied == SettingsApplied.REFUSED) {
                return Offer.REFUSED; // beyond what this student's browser may train
            }
            if (applied == SettingsApplied.REBUILT) {
                awaitingReset.remove(playground);
                return Offer.TAKEN;
            }
        } else if (playground.runSpec().equals(config.run())) {
            return Offer.TAKEN;
        }
        awaitingReset.add(playground);
        return Offer.WAITING;
    }

    /** A playground of a member opened: it starts from the class's settings. */
    void welcome(PlaygroundSession playground) {
        PlaygroundConfig config = settings;
        if (config != null) {
            offer(playground, config);
        }
    }

    /** Whether this trained run's student was sent settings they have not reset to yet. */
    public boolean awaitsReset(PlaygroundSession playground) {
        return awaitingReset.contains(playground);
    }

    /**
     * The student chose to reset to the teacher's settings.
     *
     * @return null, or the sentence why they could not
     */
    public String resetToSettings(PlaygroundSession playground) {
        PlaygroundConfig config = settings;
        awaitingReset.remove(playground);
        if (config == null) {
            return null;
        }
        List<Limits.Problem> problems = new ArrayList<>();
        if (playground.apply(config.run(), problems) == SettingsApplied.REFUSED) {
            return problems.get(0).sentence();
        }
        if (playground.settingsPending()) {
            playground.reset();
        }
        return null;
    }

    /** Locks these parts of every student's page (names of lock=); empty unlocks them all. */
    public void setLocks(Set<String> parts) {
        store.setLocks(code, String.join(",", new TreeSet<>(parts)));
        reload();
    }

    /**
     * Shows {@code message} on every student's page; blank takes it away.
     *
     * @throws IllegalArgumentException with a sentence when it is too long
     */
    public void setMessage(String message) {
        store.setMessage(code, message);
        reload();
    }

    /** Takes the student out of the class; their runs stay in their history. */
    public void remove(String nickname) {
        members.stream()
                .filter(m -> m.nickname().equals(nickname) && !m.removed())
                .findFirst()
                .ifPresent(m -> {
                    store.remove(code, m.learnerId(), clock.millis());
                    membersChanged();
                });
    }

    /** Ends the class: nobody can join any more; every run stays in the history. */
    public void end() {
        store.end(code, clock.millis());
        reload();
    }

    /** Someone joined or was removed: the members are read again. */
    void membersChanged() {
        members = store.members(code);
        changed();
    }

    private void reload() {
        state = store.find(code).orElse(state);
        changed();
    }

    private void changed() {
        version.incrementAndGet();
        watchers.forEach(Runnable::run);
    }
}
