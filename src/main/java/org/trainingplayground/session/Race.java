package org.trainingplayground.session;

import java.util.ArrayList;
import java.util.List;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * An optimizer race: two to four lanes with the same data, seed and network and different
 * optimizers or learning rates. Each lane is a run of its own, taking its turns on the
 * scheduler like any student's (fair), and kept in the learner's history.
 */
public final class Race implements AutoCloseable {

    public static final int MOST_LANES = 4;

    /** One lane: its name on the charts (e.g. {@code Adam 0.001}) and its playground. */
    public record Lane(String name, PlaygroundSession session) {}

    private final List<Lane> lanes;

    private Race(List<Lane> lanes) {
        this.lanes = List.copyOf(lanes);
    }

    /**
     * Builds the lanes; they share the browser's budget with its other playgrounds.
     *
     * @param specs two to four runs that differ only in their optimizer
     */
    public static Race of(
            TrainingEngine engine,
            Limits limits,
            BrowserBudget budget,
            RunKeeper keeper,
            List<String> names,
            List<RunSpec> specs) {
        if (specs.size() < 2 || specs.size() > MOST_LANES || names.size() != specs.size()) {
            throw new IllegalArgumentException("A race has two to four lanes.");
        }
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            PlaygroundSession lane = new PlaygroundSession(engine, limits, budget, keeper);
            lanes.add(new Lane(names.get(i), lane));
            List<Limits.Problem> problems = new ArrayList<>();
            if (lane.apply(specs.get(i), problems) == SettingsApplied.REFUSED) {
                lanes.forEach(built -> built.session().close());
                throw new IllegalArgumentException(problems.get(0).sentence());
            }
        }
        return new Race(lanes);
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /**
     * Starts every lane that is not running.
     *
     * @return null, or why a lane could not start (the browser trains too much already)
     */
    public String start() {
        for (Lane lane : lanes) {
            RunState state = lane.session().state();
            // A lane still being built starts once it is: Start is taken while it builds.
            if (state == RunState.PAUSED || state == RunState.CREATING) {
                String refusal = lane.session().start();
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    public void pause() {
        lanes.forEach(lane -> lane.session().pause());
    }

    /** True once every lane has finished or failed. */
    public boolean over() {
        return lanes.stream().allMatch(lane -> {
            RunState state = lane.session().state();
            return state == RunState.FINISHED || state == RunState.FAILED;
        });
    }

    /** The race's one-line result; null until it is {@link #over}. */
    public String verdict() {
        if (!over()) {
            return null;
        }
        List<RaceVerdict.Lane> measured = new ArrayList<>();
        for (Lane lane : lanes) {
            MetricsHistory.EvalSeries evaluations = lane.session().history().evaluationsSince(0);
            measured.add(new RaceVerdict.Lane(
                    lane.name(),
                    evaluations.steps(),
                    evaluations.accuracies(),
                    lane.session().status().step()));
        }
        return RaceVerdict.of(measured);
    }

    /** Ends every lane and frees its native memory; the kept runs stay in the history. */
    @Override
    public void close() {
        lanes.forEach(lane -> lane.session().close());
    }
}
