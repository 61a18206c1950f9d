package org.trainingplayground.core.train;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.core.spec.RunSpec;

/** One real engine shared by all tests of a JVM (libtorch loads once per process anyway). */
public final class TestEngine {

    private static TrainingEngine engine;

    private TestEngine() {}

    public static synchronized TrainingEngine get() {
        if (engine == null) {
            engine = TrainingEngine.start(
                    new EngineConfig(EngineConfig.defaultCacheDir(), 1, Path.of("datasets")));
        }
        return engine;
    }

    /** Runs {@code work} on the scheduler thread, the only thread allowed to touch runs. */
    static <T> T onScheduler(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        get().scheduler().execute(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A bare run of {@code spec} on MNIST's shared tensors, for tests that drive the loop step
     * by step on the scheduler thread.
     */
    static TrainingRun newTrainingRun(RunSpec spec) throws Exception {
        TrainingEngine engine = get();
        return onScheduler(() -> new TrainingRun(
                spec, engine.tensorSource().tensors(engine.dataset(spec)), engine.rootManager()));
    }
}
