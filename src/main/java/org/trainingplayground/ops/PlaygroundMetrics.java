package org.trainingplayground.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.trainingplayground.core.train.EngineEvents;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * The server's meters, in Prometheus's text format for {@code /metrics}: how many sessions and
 * runs there are, how fast and how long the steps are, the native memory in use, and the JVM's
 * own meters.
 */
public final class PlaygroundMetrics implements AutoCloseable {

    /**
     * Where the meters read their values; each is asked at every scrape, from the scraping
     * thread, so each must be safe to call from any thread.
     *
     * @param sessions browser sessions holding a playground
     * @param sessionCap the most that may (PLAYGROUND_MAX_SESSIONS)
     * @param queuedRuns runs waiting for a free slot (PLAYGROUND_MAX_ACTIVE_RUNS reached)
     */
    public record Sources(
            IntSupplier sessions,
            IntSupplier sessionCap,
            IntSupplier activeRuns,
            IntSupplier queuedRuns,
            LongSupplier stepsTaken,
            IntSupplier nativeArrays,
            DoubleSupplier residentBytes) {}

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer stepTime;
    private final Map<EngineEvents.Kind, Counter> runEvents =
            new EnumMap<>(EngineEvents.Kind.class);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final EngineEvents.Observation observation;
    /**
     * Held here because Micrometer holds a function counter's source only weakly: a method
     * reference made for the builder alone was collected, and the counter read 0 from then on.
     */
    private final LongSupplier stepsTaken;

    public PlaygroundMetrics(Sources sources) {
        stepsTaken = sources.stepsTaken();
        Gauge.builder("playground.sessions", sources.sessions()::getAsInt)
                .description("Browser sessions with a playground open")
                .register(registry);
        Gauge.builder("playground.sessions.max", sources.sessionCap()::getAsInt)
                .description("Most browser sessions that may hold a playground at once")
                .register(registry);
        Gauge.builder("playground.runs.active", sources.activeRuns()::getAsInt)
                .description("Runs taking training steps now")
                .register(registry);
        Gauge.builder("playground.runs.queued", sources.queuedRuns()::getAsInt)
                .description("Runs waiting for a free training slot")
                .register(registry);
        FunctionCounter.builder("playground.steps", stepsTaken, LongSupplier::getAsLong)
                .description("Training steps taken by all runs since start")
                .register(registry);
        Gauge.builder("playground.native.arrays", sources.nativeArrays()::getAsInt)
                .description("Native (libtorch) arrays alive: datasets, weights, optimizer state")
                .register(registry);
        Gauge.builder("process.resident.memory", sources.residentBytes()::getAsDouble)
                .baseUnit("bytes")
                .description("Resident memory of the process, native allocations included")
                .register(registry);
        stepTime = Timer.builder("playground.step")
                .description("Wall time of one training step (forward, backward, update)")
                // A dozen buckets from a lesson MLP's millisecond to a wide network's seconds:
                // enough for histogram_quantile, where Micrometer's default would write 70.
                .serviceLevelObjectives(
                        millis(1),
                        millis(2),
                        millis(5),
                        millis(10),
                        millis(25),
                        millis(50),
                        millis(100),
                        millis(250),
                        millis(500),
                        millis(1000),
                        millis(2500),
                        millis(10_000))
                .register(registry);
        for (EngineEvents.Kind kind : EngineEvents.Kind.values()) {
            runEvents.put(
                    kind,
                    Counter.builder("playground.run.events")
                            .tag("event", kind.eventName())
                            .description("Runs started, paused, finished, closed and failed")
                            .register(registry));
        }
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        observation = EngineEvents.observe(new EngineEvents.Observer() {
            @Override
            public void stepTaken(long nanos) {
                stepTime.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void runChanged(EngineEvents.RunEvent event) {
                runEvents.get(event.kind()).increment();
            }
        });
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    /**
     * The meters of the running app: its engine's scheduler, and the browser sessions that
     * hold a playground (a plain GET makes a session too, which must not count).
     */
    public static PlaygroundMetrics forEngine(
            TrainingEngine engine, IntSupplier sessionsWithPlayground, IntSupplier sessionCap) {
        return new PlaygroundMetrics(new Sources(
                sessionsWithPlayground,
                sessionCap,
                engine.scheduler()::activeRuns,
                engine.scheduler()::queuedRuns,
                engine.scheduler()::stepsTaken,
                // The manager keeps its arrays in ConcurrentHashMaps, so counting them from
                // the scraping thread is safe; a step in flight may or may not be counted.
                engine::liveArrays,
                ProcessMemory::residentBytes));
    }

    /** The meters in Prometheus's text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        observation.close();
        gcMetrics.close();
        registry.close();
    }
}
