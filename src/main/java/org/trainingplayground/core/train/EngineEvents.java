package org.trainingplayground.core.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.spec.RunSpec;

/**
 * What the operator watches across all runs of the JVM: each step's duration and each run's
 * start, stop and failure. Observers register here ({@link #observe}); the engine wraps every
 * run's listener ({@link #watch}), so runs report without knowing anyone listens.
 */
public final class EngineEvents {

    private static final Logger log = LoggerFactory.getLogger(EngineEvents.class);

    /** Receives events on the scheduler thread: must return quickly and never block. */
    public interface Observer {
        default void stepTaken(long nanos) {}

        default void runChanged(RunEvent event) {}
    }

    /** What happened to a run. */
    public enum Kind {
        STARTED,
        PAUSED,
        FINISHED,
        CLOSED,
        FAILED;

        /** {@code run_started}, as the logs and meters name it. */
        public String eventName() {
            return "run_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One change of a run.
     *
     * @param run a number for the run, unique in this JVM, so its log lines can be followed
     * @param owner who started the run (a short session label), or "-" when nobody is known
     * @param steps steps the run had taken when it happened
     * @param reason the sentence the user was shown when it failed, otherwise null
     */
    public record RunEvent(
            Kind kind, long run, String owner, RunSpec spec, long steps, String reason) {}

    private static final List<Observer> observers = new CopyOnWriteArrayList<>();
    private static final AtomicLong runNumbers = new AtomicLong();
    private static volatile Supplier<String> ownerOfNewRuns = () -> "-";

    private EngineEvents() {}

    /** An observer's registration; closing it stops the events. */
    public interface Observation extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts telling {@code observer}; closing the result stops it. */
    public static Observation observe(Observer observer) {
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    /**
     * How to name the owner of a run being created, asked on the thread that creates it (the
     * web layer knows the browser session there; core does not).
     */
    public static void identifyOwnersBy(Supplier<String> owner) {
        ownerOfNewRuns = owner == null ? () -> "-" : owner;
    }

    /** {@code listener}, with every step and state change also reported to the observers. */
    static RunListener watch(RunSpec spec, RunListener listener) {
        return new WatchedListener(runNumbers.incrementAndGet(), owner(), spec, listener);
    }

    private static String owner() {
        try {
            String owner = ownerOfNewRuns.get();
            return owner == null ? "-" : owner;
        } catch (RuntimeException e) {
            return "-";
        }
    }

    private static void tell(java.util.function.Consumer<Observer> event) {
        for (Observer observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                // Watching must never stop anyone's training.
                log.warn("An engine event observer failed", e);
            }
        }
    }

    /** Called on the scheduler thread only, so its fields need no locking. */
    private static final class WatchedListener implements RunListener {
        private final long run;
        private final String owner;
        private final RunSpec spec;
        private final RunListener delegate;
        private RunState state = RunState.CREATING;
        private long steps;

        WatchedListener(long run, String owner, RunSpec spec, RunListener delegate) {
            this.run = run;
            this.owner = owner;
            this.spec = spec;
            this.delegate = delegate;
        }

        @Override
        public void onReady(float initialLoss, EvalMetrics untrained) {
            delegate.onReady(initialLoss, untrained);
        }

        @Override
        public void onStep(StepMetrics step) {
            steps = step.step();
            tell(o -> o.stepTaken(step.nanos()));
            delegate.onStep(step);
        }

        @Override
        public void onStepDetail(StepDetail detail) {
            delegate.onStepDetail(detail);
        }

        @Override
        public void onEvaluation(EvalMetrics eval) {
            delegate.onEvaluation(eval);
        }

        @Override
        public int hiddenTestSamples(int testSize) {
            return delegate.hiddenTestSamples(testSize);
        }

        @Override
        public void onHiddenEvaluation(long step, int epoch, float accuracy) {
            delegate.onHiddenEvaluation(step, epoch, accuracy);
        }

        @Override
        public void onPredictions(TestPredictions predictions) {
            delegate.onPredictions(predictions);
        }

        @Override
        public void onBoundary(DecisionBoundary boundary) {
            delegate.onBoundary(boundary);
        }

        @Override
        public void onEpoch(EpochMetrics epoch) {
            delegate.onEpoch(epoch);
        }

        @Override
        public void onStateChanged(RunState newState, String message) {
            Kind kind = kind(state, newState);
            state = newState;
            if (kind != null) {
                RunEvent event = new RunEvent(kind, run, owner, spec, steps, message);
                tell(o -> o.runChanged(event));
            }
            delegate.onStateChanged(newState, message);
        }

        /** The event a change is, or null for one nobody watches (built, or no change). */
        private static Kind kind(RunState from, RunState to) {
            if (from == to) {
                return null;
            }
            return switch (to) {
                case RUNNING -> Kind.STARTED;
                // From CREATING it is the freshly built run, not a stop.
                case PAUSED -> from == RunState.RUNNING ? Kind.PAUSED : null;
                case FINISHED -> Kind.FINISHED;
                case CLOSED -> Kind.CLOSED;
                case FAILED -> Kind.FAILED;
                // Waiting for a place is not training yet; the start comes when it gets one.
                case CREATING, QUEUED -> null;
            };
        }
    }
}
