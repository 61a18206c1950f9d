package org.trainingplayground;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.DatasetDefaults;
import org.trainingplayground.session.classroom.LiveClasses;

/**
 * The app-wide services, owned by {@link Bootstrap}: the training engine (with its scheduler),
 * the run history's writer and the timer that pushes coalesced metrics to every open page.
 */
public final class Services {

    private static final Logger log = LoggerFactory.getLogger(Services.class);
    private static volatile Services current;

    private final TrainingEngine engine;
    private final Limits limits;
    private final HistoryWriter history;
    private final LiveClasses classes;
    private final ScheduledExecutorService pushTimer;

    private Services(
            TrainingEngine engine, Limits limits, HistoryWriter history, LiveClasses classes) {
        this.engine = engine;
        this.limits = limits;
        this.history = history;
        this.classes = classes;
        this.pushTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-push-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the services once per JVM; later calls return the running instance.
     *
     * @throws StoreException with a sentence when the run history's database cannot be opened
     */
    public static synchronized Services start(AppConfig config) {
        if (current == null) {
            RunStore store = openStore(config.history());
            HistoryWriter history = new HistoryWriter(store, config.history().policy());
            TrainingEngine engine = TrainingEngine.start(config.engine());
            LiveClasses classes = new LiveClasses(
                    new ClassStore(store),
                    config.teacherPassword(),
                    Clock.systemUTC(),
                    new PlaygroundConfig(DatasetDefaults.firstRun(engine.lessonNetwork()), 0),
                    config.limits());
            // The scheduler is the JVM's; the operator's cap holds for every run it serves.
            engine.scheduler().setMaxActiveRuns(config.hosting().maxActiveRuns());
            current = new Services(engine, config.limits(), history, classes);
        }
        return current;
    }

    private static RunStore openStore(AppConfig.History config) {
        RunStore store = RunStore.open(config.store());
        // Runs this server was training when it stopped (or crashed) can no longer go on.
        int interrupted = store.markInterrupted(Instant.now());
        log.info(
                "Run history in {}{}",
                config.store().describe(),
                interrupted == 0
                        ? ""
                        : "; " + interrupted + " runs left going were marked interrupted");
        return store;
    }

    /** The running services, if the app has started them and not yet stopped them. */
    public static Optional<Services> ifRunning() {
        return Optional.ofNullable(current);
    }

    /** The running services; throws if the app has not started them. */
    public static Services get() {
        Services services = current;
        if (services == null) {
            throw new IllegalStateException("The application services are not started.");
        }
        return services;
    }

    public TrainingEngine engine() {
        return engine;
    }

    /** What the operator allows one run to use. */
    public Limits limits() {
        return limits;
    }

    /** Keeps every run in the history. */
    public HistoryWriter history() {
        return history;
    }

    /** The classes, and their students' runs in this server. */
    public LiveClasses classes() {
        return classes;
    }

    /** Timer for periodic UI refreshes; tasks must only hand work to {@code UI.access}. */
    public ScheduledExecutorService pushTimer() {
        return pushTimer;
    }

    /** Stops the push timer and the engine, freeing all native memory. */
    public static synchronized void stop() {
        Services services = current;
        current = null;
        if (services == null) {
            return;
        }
        services.pushTimer.shutdown();
        try {
            if (!services.pushTimer.awaitTermination(5, TimeUnit.SECONDS)) {
                services.pushTimer.shutdownNow();
            }
        } catch (InterruptedException e) {
            services.pushTimer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // Runs the engine closes now were interrupted, not stopped by their learners.
        services.history.serverStopping();
        services.engine.close();
        log.info("Training engine stopped");
        services.history.close();
        log.info("Run history saved");
    }
}
