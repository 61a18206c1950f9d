package org.trainingplayground.session.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.SettingsApplied;

/**
 * The settings a teacher hands the class: untrained runs take them at once, trained ones wait
 * for their students to reset, and every playground a member opens later starts from them.
 */
public final class ClassHandout {

    private final LiveClass owner;
    private final ClassStore store;
    /** Trained runs whose students were told of the teacher's settings and have not reset. */
    private final Set<PlaygroundSession> awaitingReset = ConcurrentHashMap.newKeySet();

    private volatile PlaygroundConfig settings;

    ClassHandout(LiveClass owner, ClassStore store, PlaygroundConfig settings) {
        this.owner = owner;
        this.store = store;
        this.settings = settings;
    }

    /** The settings the teacher sent the class, or null. */
    public PlaygroundConfig settings() {
        return settings;
    }

    /** What sending the class settings came to, in runs. */
    public record Sent(int taken, int waiting, int refused) {}

    /**
     * Sends every student {@code config}: an untrained run takes it at once (its speed too);
     * a trained one keeps going and its student is told, with a button to reset to it. Runs
     * started from now on start from it.
     */
    public Sent sendSettings(PlaygroundConfig config) {
        store.setSettings(owner.code(), ConfigJson.toJson(config));
        settings = config;
        List<PlaygroundSession> open = owner.openPlaygrounds();
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
        owner.changed();
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
}
