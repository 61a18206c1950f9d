package org.trainingplayground.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.autograd.AutogradExample;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.Datasets;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.data.PointSets;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * The application's training engine: libtorch through DJL, the datasets held once in native
 * memory, and the scheduler through which every run takes its steps. One per JVM.
 */
public final class TrainingEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingEngine.class);

    private final NDManager root;
    private final java.nio.file.Path datasetsDir;
    private final TrainingScheduler scheduler;
    /** The image sets as Java values, loaded on first use and kept (a few tens of MB each). */
    private final Map<DatasetKind, ImageDataset> images = new EnumMap<>(DatasetKind.class);
    /**
     * Runs made by this engine and maybe not closed yet, closed with the engine. Weak, so a
     * run nobody holds any more does not stay here.
     */
    private final Set<RunHandle> runs = Collections.newSetFromMap(new WeakHashMap<>());
    /** Their native copies, shared by every run (scheduler thread only). */
    private final Map<ImageDataset, DatasetTensors> sharedTensors = new IdentityHashMap<>();

    /**
     * Gives a run its data in native memory (scheduler thread): an image set's shared copy, or
     * a new copy of a generated point set that belongs to that run.
     */
    interface TensorSource {
        DatasetTensors tensors(Dataset dataset);

        /** The run is done with {@code tensors}: frees them unless they are shared. */
        void release(DatasetTensors tensors);
    }

    private final TensorSource tensorSource = new TensorSource() {
        @Override
        public DatasetTensors tensors(Dataset dataset) {
            if (dataset instanceof ImageDataset image) {
                return sharedTensors.computeIfAbsent(image, k -> new DatasetTensors(image, root));
            }
            return new DatasetTensors(dataset, root);
        }

        @Override
        public void release(DatasetTensors tensors) {
            if (!(tensors.dataset() instanceof ImageDataset)) {
                tensors.close();
            }
        }
    };

    private TrainingEngine(
            NDManager root, java.nio.file.Path datasetsDir, TrainingScheduler scheduler) {
        this.root = root;
        this.datasetsDir = datasetsDir;
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
        TrainingEngine trainingEngine = new TrainingEngine(
                root,
                config.datasetsDir(),
                TrainingScheduler.forThisJvm(TrainingEngine::prepareTrainingThread));
        // MNIST is the default, so a missing file stops start-up instead of the first run.
        trainingEngine.imageDataset(DatasetKind.MNIST);
        log.info(
                "Engine {} {} ready in {} ms ({} intra-op thread(s))",
                engine.getEngineName(),
                engine.getVersion(),
                (System.nanoTime() - started) / 1_000_000,
                config.threads());
        return trainingEngine;
    }

    /** The native engine and its version, e.g. "PyTorch 2.7.1". */
    public String engineVersion() {
        Engine engine = Engine.getEngine("PyTorch");
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /** On the scheduler's thread, before its first task: no autograd outside a step's collector. */
    private static void prepareTrainingThread() {
        JniUtils.setGradMode(false);
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

    /**
     * Builds a new run on the data its spec names (a 2-D set is generated here from the spec
     * and the run's seed); it reports through {@code listener}, paused at first.
     *
     * @throws java.io.UncheckedIOException with a sentence if an image set's files are missing
     */
    public RunHandle newRun(RunSpec spec, RunListener listener) {
        RunHandle run = new RunHandle(
                spec,
                dataset(spec),
                tensorSource,
                root,
                scheduler,
                EngineEvents.watch(spec, listener));
        synchronized (runs) {
            runs.add(run);
        }
        return run;
    }

    /** The data {@code spec} trains on, as plain values. */
    public Dataset dataset(RunSpec spec) {
        DatasetSpec data = spec.dataset();
        return data.kind().images()
                ? imageDataset(data.kind())
                : PointSets.generate(data, spec.seed());
    }

    /** An image set, read from the datasets folder (or the jar) the first time it is needed. */
    public synchronized ImageDataset imageDataset(DatasetKind kind) {
        return images.computeIfAbsent(kind, k -> Datasets.load(k, datasetsDir));
    }

    TensorSource tensorSource() {
        return tensorSource;
    }

    /** The engine's base manager, which owns the datasets' tensors (tests build bare runs). */
    NDManager rootManager() {
        return root;
    }

    NDManager root() {
        return root;
    }

    public TrainingScheduler scheduler() {
        return scheduler;
    }

    /** The lesson's network for MNIST (784 pixels, 10 classes). */
    public NetworkSpec lessonNetwork() {
        ImageDataset mnist = imageDataset(DatasetKind.MNIST);
        return new NetworkSpec(
                mnist.inputSize(), NetworkSpec.lesson().hidden(), mnist.classes(), Init.PYTORCH);
    }

    /**
     * The lesson's autograd example for a new random {@code x}, computed between two training
     * steps (the engine allows one gradient collector at a time).
     *
     * @param seed draws x, so the same seed gives the same example
     */
    public CompletableFuture<AutogradExample> autogradExample(long seed) {
        var result = new CompletableFuture<AutogradExample>();
        scheduler.execute(() -> {
            try {
                result.complete(AutogradExamples.compute(root, seed));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Native arrays currently alive under this engine (datasets, every run's weights and
     * optimizer state, any step in progress). Leak checks compare it before and after.
     */
    public int liveArrays() {
        return root.getManagedArrays().size();
    }

    /**
     * {@link #liveArrays()} read on the training thread, between two steps, so the count is
     * exact and the managers are not read while a step changes them. For monitoring and soaks.
     */
    public int liveArraysBetweenSteps() throws InterruptedException {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        scheduler.execute(() -> count.complete(liveArrays()));
        try {
            return count.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Frees the datasets and every run of this engine, closing the runs still open (a server
     * stopping while students train). The scheduler, shared by the JVM, goes on serving other
     * engines.
     */
    @Override
    public void close() {
        List<RunHandle> open;
        synchronized (runs) {
            open = new ArrayList<>(runs);
            runs.clear();
        }
        // Each close is queued on the scheduler before the command below, so no run steps on
        // memory that is already freed.
        open.forEach(RunHandle::close);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        // On the scheduler thread, so no step of ours is in flight while memory is freed.
        scheduler.execute(() -> {
            sharedTensors.values().forEach(DatasetTensors::close);
            sharedTensors.clear();
            root.close();
            closed.complete(null);
        });
        closed.join();
    }
}
