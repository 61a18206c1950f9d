package org.trainingplayground;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * The app-wide services, owned by {@link Bootstrap}: the training engine (with its scheduler)
 * and the timer that pushes coalesced metrics to every open page.
 */
public final class Services {

    private static final Logger log = LoggerFactory.getLogger(Services.class);
    private static volatile Services current;

    private final TrainingEngine engine;
    private final Limits limits;
    private final ScheduledExecutorService pushTimer;

    private Services(TrainingEngine engine, Limits limits) {
        this.engine = engine;
        this.limits = limits;
        this.pushTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-push-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the services once per JVM; later calls return the running instance. */
    public static synchronized Services start(AppConfig config) {
        if (current == null) {
            TrainingEngine engine = TrainingEngine.start(config.engine());
            // The scheduler is the JVM's; the operator's cap holds for every run it serves.
            engine.scheduler().setMaxActiveRuns(config.hosting().maxActiveRuns());
            current = new Services(engine, config.limits());
        }
        return current;
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
        services.engine.close();
        log.info("Training engine stopped");
    }
}
