package org.trainingplayground.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.data.Datasets;

/**
 * The application's training engine: libtorch through DJL, the datasets held once in native
 * memory, and the scheduler through which every run takes its steps. One per JVM.
 */
public final class TrainingEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingEngine.class);

    private final NDManager root;
    private final DatasetTensors mnist;
    private final TrainingScheduler scheduler;

    private TrainingEngine(NDManager root, DatasetTensors mnist, TrainingScheduler scheduler) {
        this.root = root;
        this.mnist = mnist;
        this.scheduler = scheduler;
    }

    /**
     * Loads libtorch (offline: from the Maven artifacts on the class path) and the datasets.
     * Engine settings are JVM-wide and fixed by the first call.
     */
    public static TrainingEngine start(EngineConfig config) {
        configureDjl(config);
        long started = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        NDManager root = engine.newBaseManager();
        DatasetTensors mnist = new DatasetTensors(Datasets.mnist(config.datasetsDir()), root);
        log.info("Engine {} {} ready in {} ms ({} intra-op thread(s))",
                engine.getEngineName(), engine.getVersion(),
                (System.nanoTime() - started) / 1_000_000, config.threads());
        return new TrainingEngine(root, mnist, TrainingScheduler.forThisJvm());
    }

    private static void configureDjl(EngineConfig config) {
        // Never reach for a model hub or a libtorch download: everything ships in the jar.
        System.setProperty("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", config.djlCacheDir().toString());
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(config.threads()));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL reports usage unless told not to; there is no network to report to anyway.
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Builds a new run on the MNIST data; it reports through {@code listener}, paused at first. */
    public RunHandle newRun(RunSpec spec, RunListener listener) {
        return new RunHandle(spec, mnist, root, scheduler, listener);
    }

    public TrainingScheduler scheduler() {
        return scheduler;
    }

    /** Input and output sizes of the shipped dataset (784 pixels, 10 classes). */
    public NetworkSpec lessonNetwork() {
        return new NetworkSpec(mnist.dataset().inputSize(), NetworkSpec.lesson().hidden(),
                mnist.dataset().classes(), Init.PYTORCH);
    }

    /**
     * Native arrays currently alive under this engine (datasets, every run's weights and
     * optimizer state, any step in progress). Leak checks compare it before and after.
     */
    public int liveArrays() {
        return root.getManagedArrays().size();
    }

    /**
     * Frees the datasets and every run of this engine. Runs must be closed first (the
     * scheduler, shared by the JVM, goes on serving other engines).
     */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        // On the scheduler thread, so no step of ours is in flight while memory is freed.
        scheduler.execute(() -> {
            mnist.close();
            root.close();
            closed.complete(null);
        });
        closed.join();
    }
}
