package org.trainingplayground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.EngineConfig;
import org.trainingplayground.core.train.RunHandle;
import org.trainingplayground.core.train.TrainingEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains one network headless with the same core as the web app and prints JSON
 * lines in the shape of {@code shared/bench/pytorch_reference.py}, for side-by-side comparison.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a network headless and print one JSON line per epoch.",
            "--config reads a file exported by the page; options given on the command line"
                    + " override its values. A value in the file that cannot be used stops"
                    + " the command (exit code 2) instead of training something else. The"
                    + " file's speed is ignored: the command always trains at full speed."
        },
        sortOptions = false)
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A configuration exported by the page (JSON); options given here"
                    + " override its values. Its speed is ignored.")
    Path configFile;

    @Option(
            names = "--dataset",
            defaultValue = "mnist",
            description = "mnist, fashion-mnist, or a generated 2-D set: spiral, circles, xor,"
                    + " gaussian, moons.")
    String dataset;

    @Option(
            names = "--data",
            description =
                    "Folder holding mnist/*.gz and fashion-mnist/*.gz (default: the copy in the jar).")
    Path dataDir;

    @Option(
            names = "--points",
            description = "2-D sets: points, training and test together (default 500).")
    Integer points;

    @Option(
            names = "--noise",
            description = "2-D sets: noise added to each coordinate, 0 to 1 (default 0.1).")
    Double noise;

    @Option(
            names = "--test-fraction",
            description = "2-D sets: share of points held out for testing (default 0.2).")
    Double testFraction;

    @Option(
            names = "--classes",
            description = "spiral and gaussian: number of classes (default 3).")
    Integer classes;

    @Option(
            names = "--hidden",
            defaultValue = "128,64",
            description = "Widths of the hidden layers, comma-separated (empty for none).")
    String hidden;

    @Option(
            names = "--activation",
            defaultValue = "relu",
            description = "none, relu, sigmoid, tanh or leakyrelu: one for every hidden layer,"
                    + " or one per layer, comma-separated (e.g. relu,tanh).")
    String activation;

    @Option(
            names = "--init",
            defaultValue = "pytorch",
            description = "Weight initialisation: pytorch (nn.Linear's default), xavier or he.")
    String init;

    @Option(
            names = "--loss",
            defaultValue = "cross-entropy",
            description = "cross-entropy (on logits), nll (LogSoftmax + NLLLoss) or mse (one-hot).")
    String loss;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.003", description = "Learning rate.")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0", description = "SGD momentum, 0 to below 1.")
    double momentum;

    @Option(names = "--nesterov", description = "SGD: Nesterov momentum.")
    boolean nesterov;

    @Option(names = "--beta1", defaultValue = "0.9", description = "Adam β1, 0 to below 1.")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.999", description = "Adam β2, 0 to below 1.")
    double beta2;

    @Option(
            names = "--weight-decay",
            defaultValue = "0",
            description = "L2 weight decay, 0 or more.")
    double weightDecay;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size, 1 to 1024.")
    int batch;

    @Option(
            names = "--epochs",
            defaultValue = "5",
            description = "Epochs, 1 to 100 (the operator limit).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the run's random source.")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads per step.")
    int threads;

    @Option(
            names = "--djl-cache",
            description = "Where libtorch is unpacked (default: ~/.cache/training-playground/djl).")
    Path djlCache;

    private final PrintStream out;

    public TrainCommand() {
        this(System.out);
    }

    TrainCommand(PrintStream out) {
        this.out = out;
    }

    /** Parses and runs; returns the process exit code (2 for bad options). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new TrainCommand(out));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("train: " + e.getMessage());
            err.println("Usage: java -jar training-playground.jar train [--optimizer sgd|adam]"
                    + " [--lr 0.003] [--batch 64] [--epochs 5] ... (see --help)");
            return CommandLine.ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A sentence, not a stack trace: the command is used by people, not only scripts.
            err.println("train: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        RunSpec runSpec = runSpec();
        Path cache = djlCache != null ? djlCache : EngineConfig.defaultCacheDir();
        try (TrainingEngine engine =
                TrainingEngine.start(new EngineConfig(cache, threads, dataDir))) {
            return train(engine, runSpec);
        }
    }

    /** The run the options describe; package-private so tests can check it without training. */
    RunSpec runSpec() {
        if (configFile != null) {
            fillFromFile(readConfigFile());
        }
        try {
            DatasetSpec data = datasetSpec();
            List<Integer> widths = parseWidths(hidden);
            List<Activation> activations = parseActivations(activation, widths.size());
            List<LayerSpec> layers = new ArrayList<>();
            for (int i = 0; i < widths.size(); i++) {
                layers.add(new LayerSpec(widths.get(i), activations.get(i)));
            }
            NetworkSpec network =
                    new NetworkSpec(data.inputSize(), layers, data.classes(), Init.fromKey(init));
            OptimizerKind kind = OptimizerKind.fromKey(optimizer);
            if (kind == OptimizerKind.ADAM && (momentum != 0 || nesterov)) {
                throw new IllegalArgumentException("--momentum and --nesterov apply to sgd only.");
            }
            if (threads < 1 || threads > Runtime.getRuntime().availableProcessors() * 4) {
                throw new IllegalArgumentException("--threads must be between 1 and "
                        + Runtime.getRuntime().availableProcessors() * 4 + ".");
            }
            RunSpec spec = new RunSpec(
                    network,
                    LossKind.fromKey(loss),
                    new OptimizerSpec(
                            kind, learningRate, momentum, nesterov, beta1, beta2, weightDecay),
                    batch,
                    epochs,
                    seed,
                    0,
                    data);
            Limits.defaults().require(spec);
            return spec;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private RunSpec readConfigFile() {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage("The configuration file " + configFile + " does not exist.");
        } catch (IOException | UncheckedIOException e) {
            throw usage("The configuration file " + configFile + " cannot be read ("
                    + e.getClass().getSimpleName() + ").");
        }
        ConfigProperties.Reading reading = ConfigProperties.fromJson(
                text, new PlaygroundConfig(RunSpec.lesson(), 0), Limits.defaults());
        if (!reading.notices().isEmpty()) {
            // A script should not quietly train something other than what its file says.
            throw usage(reading.notices().stream()
                    .map(notice -> configFile.getFileName() + ": " + notice.sentence())
                    .collect(Collectors.joining(System.lineSeparator() + "train: ")));
        }
        return reading.config().run();
    }

    /** Takes each setting from the file unless its option was given on the command line. */
    private void fillFromFile(RunSpec file) {
        if (!given("--dataset")) {
            dataset = file.dataset().kind().key();
        }
        DatasetSpec data = file.dataset();
        if (!data.kind().images() && data.kind().key().equals(dataset)) {
            // The file's points, noise and split belong to its dataset only.
            points = given("--points") ? points : data.points();
            noise = given("--noise") ? noise : data.noise();
            testFraction = given("--test-fraction") ? testFraction : data.testFraction();
            classes = given("--classes") ? classes : data.classes();
        }
        List<LayerSpec> layers = file.network().hidden();
        if (!given("--hidden")) {
            hidden = layers.stream()
                    .map(layer -> Integer.toString(layer.width()))
                    .collect(Collectors.joining(","));
        }
        List<String> activations = layers.stream()
                .map(layer -> layer.activation().key())
                .distinct()
                .toList();
        if (!given("--activation") && (!given("--hidden") || activations.size() == 1)) {
            // Per layer when the file's layers are used; with other --hidden widths only a
            // single activation for all of them still fits.
            activation = given("--hidden")
                    ? activations.get(0)
                    : layers.isEmpty()
                            ? activation
                            : layers.stream()
                                    .map(layer -> layer.activation().key())
                                    .collect(Collectors.joining(","));
        }
        init = given("--init") ? init : file.network().init().key();
        loss = given("--loss") ? loss : file.loss().key();
        OptimizerSpec chosen = file.optimizer();
        if (!given("--optimizer")) {
            optimizer = chosen.kind().key();
        }
        learningRate = given("--lr") ? learningRate : chosen.learningRate();
        weightDecay = given("--weight-decay") ? weightDecay : chosen.weightDecay();
        if (chosen.kind().key().equals(optimizer)) {
            // The file's momentum or betas belong to its optimizer only.
            momentum = given("--momentum") ? momentum : chosen.momentum();
            nesterov = given("--nesterov") ? nesterov : chosen.nesterov();
            beta1 = given("--beta1") ? beta1 : chosen.beta1();
            beta2 = given("--beta2") ? beta2 : chosen.beta2();
        }
        batch = given("--batch") ? batch : file.batchSize();
        epochs = given("--epochs") ? epochs : file.epochs();
        seed = given("--seed") ? seed : file.seed();
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private DatasetSpec datasetSpec() {
        DatasetKind kind = DatasetKind.fromKey(dataset);
        if (kind.images()) {
            // Silently ignoring them would let a typo'd dataset name look like a valid run.
            refuseForImages("--points", points, kind);
            refuseForImages("--noise", noise, kind);
            refuseForImages("--test-fraction", testFraction, kind);
            refuseForImages("--classes", classes, kind);
            return DatasetSpec.of(kind);
        }
        DatasetSpec data = DatasetSpec.of(kind);
        return new DatasetSpec(
                kind,
                points != null ? points : data.points(),
                noise != null ? noise : data.noise(),
                testFraction != null ? testFraction : data.testFraction(),
                classes != null ? classes : data.classes());
    }

    private static void refuseForImages(String option, Object value, DatasetKind kind) {
        if (value != null) {
            throw new IllegalArgumentException(option + " applies to the generated 2-D sets"
                    + " only; " + kind.key() + " is a fixed set of images.");
        }
    }

    private static List<Activation> parseActivations(String text, int layers) {
        String[] parts = text.split(",");
        if (parts.length == 1) {
            return java.util.Collections.nCopies(layers, Activation.fromKey(parts[0]));
        }
        if (parts.length != layers) {
            throw new IllegalArgumentException("--activation lists " + parts.length
                    + " activations but --hidden has " + layers + " layers; give one, or one"
                    + " per layer.");
        }
        return java.util.Arrays.stream(parts).map(Activation::fromKey).toList();
    }

    private List<Integer> parseWidths(String text) {
        List<Integer> widths = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                widths.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--hidden takes comma-separated layer widths"
                        + " such as 128,64; \"" + part.trim() + "\" is not a whole number.");
            }
        }
        return widths;
    }

    private ParameterException usage(String sentence) {
        return new ParameterException(spec.commandLine(), sentence);
    }

    private int train(TrainingEngine engine, RunSpec runSpec) throws InterruptedException {
        ObjectMapper json = new ObjectMapper();
        CountDownLatch done = new CountDownLatch(1);
        long[][] stepNanos = {new long[4096]};
        int[] steps = {0};
        String[] failure = {null};
        RunListener listener = new RunListener() {
            @Override
            public void onReady(float initialLoss, EvalMetrics untrained) {
                ObjectNode line = json.createObjectNode();
                line.put("epoch", 0);
                line.put("trainLoss", round(initialLoss));
                out.println(line);
            }

            @Override
            public void onStep(StepMetrics step) {
                if (steps[0] == stepNanos[0].length) {
                    stepNanos[0] = Arrays.copyOf(stepNanos[0], steps[0] * 2);
                }
                stepNanos[0][steps[0]++] = step.nanos();
            }

            @Override
            public void onEpoch(EpochMetrics epoch) {
                ObjectNode line = json.createObjectNode();
                line.put("epoch", epoch.epoch());
                line.put("trainLoss", round(epoch.trainLoss()));
                line.put("valLoss", round(epoch.validation().loss()));
                line.put("valAccuracy", round(epoch.validation().accuracy()));
                out.println(line);
            }

            @Override
            public void onStateChanged(RunState state, String message) {
                if (state == RunState.FAILED) {
                    failure[0] = message;
                }
                if (state == RunState.FINISHED
                        || state == RunState.FAILED
                        || state == RunState.CLOSED) {
                    done.countDown();
                }
            }
        };
        RunHandle run = engine.newRun(runSpec, listener);
        run.start();
        done.await();
        run.close();

        ObjectNode summary = json.createObjectNode();
        summary.put("summary", "djl");
        summary.put("engine", engine.engineVersion());
        summary.put("threads", threads);
        summary.put("steps", steps[0]);
        summary.put("msPerStepMedian", round(medianOfWarmSteps(stepNanos[0], steps[0]) / 1e6));
        out.println(summary);
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return 0;
    }

    /** Median over all but the first 10 % of steps, as the PyTorch reference computes it. */
    static double medianOfWarmSteps(long[] nanos, int count) {
        int n = Math.min(count, nanos.length);
        long[] warm = Arrays.copyOfRange(nanos, n / 10, n);
        if (warm.length == 0) {
            return 0;
        }
        Arrays.sort(warm);
        int mid = warm.length / 2;
        return warm.length % 2 == 1 ? warm[mid] : (warm[mid - 1] + warm[mid]) / 2.0;
    }

    /** Four decimals, as the reference prints; NaN stays NaN so a diverged run is visible. */
    private static double round(double value) {
        // Beyond 1e12 four decimals mean nothing, and value × 1e4 would overflow a long.
        return Double.isFinite(value) && Math.abs(value) < 1e12
                ? Math.round(value * 1e4) / 1e4
                : value;
    }
}
