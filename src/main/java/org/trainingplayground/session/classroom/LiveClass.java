package org.trainingplayground.session.classroom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.ClassStore.Member;
import org.trainingplayground.core.store.Classroom;
import org.trainingplayground.session.PlaygroundSession;

/**
 * One class as this server has it: what the store keeps of it (name, message, members), and
 * its students' runs live. The teacher's actions act on those runs; the students' pages watch
 * it for what the teacher changed.
 */
public final class LiveClass {

    private final LiveClasses classes;
    private final ClassStore store;
    private final Clock clock;
    private final String code;
    private volatile Classroom state;
    private volatile List<Member> members;
    private final Set<PlaygroundSession> pausedByTeacher = ConcurrentHashMap.newKeySet();

    private final ClassRoster roster;
    private final ClassHandout handout;
    private final ClassScores scores;

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();

    LiveClass(LiveClasses classes, ClassStore store, Classroom state, Clock clock) {
        this.classes = classes;
        this.store = store;
        this.clock = clock;
        this.code = state.code();
        this.state = state;
        this.members = store.members(code);
        this.roster = new ClassRoster(this, classes, store, clock);
        this.handout = new ClassHandout(this, store, classes.readSettings(state.settingsJson()));
        this.scores = new ClassScores(this, classes, store, clock, state.challengeJson());
    }

    /** The students and their runs, as the teacher sees them. */
    public ClassRoster roster() {
        return roster;
    }

    /** The settings the teacher hands the class. */
    public ClassHandout handout() {
        return handout;
    }

    /** The challenge and the students' results on it. */
    public ClassScores scores() {
        return scores;
    }

    /** Everyone who joined, removed members too, in the order they joined. */
    List<Member> members() {
        return members;
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

    List<PlaygroundSession> openPlaygrounds() {
        List<PlaygroundSession> open = new ArrayList<>();
        for (Member member : members) {
            if (!member.removed()) {
                open.addAll(classes.playgroundsOf(member.learnerId()));
            }
        }
        return open;
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

    void changed() {
        version.incrementAndGet();
        watchers.forEach(Runnable::run);
    }
}
