package org.trainingplayground.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.trainingplayground.AppConfig;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.ConfigText;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunJournal;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.train.EngineConfig;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.RunKeeper;
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
            description = "mnist (the default), fashion-mnist, or a generated 2-D set: spiral,"
                    + " circles, xor, gaussian, moons.")
    String dataset;

    @Option(
            names = "--data",
            description =
                    "Folder holding mnist/*.gz and fashion-mnist/*.gz (default: the copy in the jar).")
    Path dataDir;

    @Option(
            names = "--normalize",
            description = "Image sets: none (pixels in [0, 1], the default) or lesson"
                    + " (Normalize((0.5,), (0.5,)), pixels in [-1, 1]).")
    String normalize;

    @Option(
            names = "--points",
            description = "2-D sets: points, training and test together (default 500).")
    String points;

    @Option(
            names = "--noise",
            description = "2-D sets: noise added to each coordinate, 0 to 1 (default 0.1).")
    String noise;

    @Option(
            names = "--test-fraction",
            description = "2-D sets: share of points held out for testing (default 0.2).")
    String testFraction;

    @Option(
            names = "--classes",
            description = "spiral and gaussian: number of classes (default 3).")
    String classes;

    @Option(
            names = "--hidden",
            description = "Widths of the hidden layers, comma-separated (empty for none;"
                    + " default 128,64).")
    String hidden;

    @Option(
            names = "--activation",
            description = "none, relu (the default), sigmoid, tanh or leakyrelu: one for every"
                    + " hidden layer, or one per layer, comma-separated (e.g. relu,tanh).")
    String activation;

    @Option(
            names = "--init",
            description = "Weight initialisation: pytorch (nn.Linear's default, the default),"
                    + " xavier or he.")
    String init;

    @Option(
            names = "--loss",
            description = "cross-entropy (on logits; the default), nll (LogSoftmax + NLLLoss) or"
                    + " mse (one-hot).")
    String loss;

    @Option(names = "--optimizer", description = "sgd (the default) or adam.")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default 0.003).")
    String learningRate;

    @Option(names = "--momentum", description = "SGD momentum, 0 (the default) to below 1.")
    String momentum;

    @Option(names = "--nesterov", description = "SGD: Nesterov momentum.")
    Boolean nesterov;

    @Option(names = "--beta1", description = "Adam β1, 0 to below 1 (default 0.9).")
    String beta1;

    @Option(names = "--beta2", description = "Adam β2, 0 to below 1 (default 0.999).")
    String beta2;

    @Option(names = "--weight-decay", description = "L2 weight decay, 0 (the default) or more.")
    String weightDecay;

    @Option(names = "--batch", description = "Batch size, 1 to 1024 (default 64).")
    String batch;

    @Option(names = "--epochs", description = "Epochs, 1 to 100 (the operator limit; default 5).")
    String epochs;

    @Option(names = "--seed", description = "Seed of the run's random source (default 1).")
    String seed;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads per step.")
    int threads;

    @Option(
            names = "--djl-cache",
            description = "Where libtorch is unpacked (default: ~/.cache/training-playground/djl).")
    Path djlCache;

    @Option(
            names = "--save",
            description = "Keep the run in the run history (the server's PLAYGROUND_DATA_DIR or"
                    + " PLAYGROUND_DATABASE_URL), as the learner \"" + SAVED_LEARNER + "\".")
    boolean save;

    static final String SAVED_LEARNER = "command-line";

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<AppConfig.History> history;

    TrainCommand(PrintStream out, PrintStream err, Supplier<AppConfig.History> history) {
        this.out = out;
        this.err = err;
        this.history = history;
    }

    /**
     * Parses and runs; returns the process exit code (2 for bad options).
     *
     * @param history where {@code --save} keeps the run (read only then)
     */
    public static int run(String[] args, Supplier<AppConfig.History> history) {
        return run(args, System.out, System.err, history);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, () -> AppConfig.load().history());
    }

    static int run(
            String[] args, PrintStream out, PrintStream err, Supplier<AppConfig.History> history) {
        CommandLine commandLine = new CommandLine(new TrainCommand(out, err, history));
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
        if (!save) {
            try (TrainingEngine engine =
                    TrainingEngine.start(new EngineConfig(cache, threads, dataDir))) {
                return ReferenceLines.train(engine, runSpec, threads, out);
            }
        }
        AppConfig.History kept = history.get();
        HistoryWriter writer = new HistoryWriter(RunStore.open(kept.store()), kept.policy());
        try (TrainingEngine engine =
                TrainingEngine.start(new EngineConfig(cache, threads, dataDir))) {
            RunJournal journal = new RunKeeper(writer, SAVED_LEARNER).journalFor(runSpec, 0);
            int exit = ReferenceLines.train(engine, runSpec, threads, out, journal);
            err.println("train: kept as run " + journal.runId() + " in "
                    + kept.store().describe() + ".");
            return exit;
        } finally {
            writer.close();
        }
    }

    /** The run the options describe; package-private so tests can check it without training. */
    RunSpec runSpec() {
        if (threads < 1 || threads > Runtime.getRuntime().availableProcessors() * 4) {
            throw usage("--threads must be between 1 and "
                    + Runtime.getRuntime().availableProcessors() * 4 + ".");
        }
        RunSpec base = configFile != null ? readConfigFile() : RunSpec.lesson();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> said = new LinkedHashMap<>();
        given(values, said, "dataset", "--dataset", dataset);
        given(values, said, "normalize", "--normalize", normalize);
        given(values, said, "points", "--points", points);
        given(values, said, "noise", "--noise", noise);
        given(values, said, "test", "--test-fraction", testFraction);
        given(values, said, "classes", "--classes", classes);
        LayerOptions layerOptions = new LayerOptions(hidden, activation);
        try {
            given(
                    values,
                    said,
                    "layers",
                    layerOptions.given(),
                    layerOptions.tableValue(base.network().hidden()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        given(values, said, "init", "--init", init);
        given(values, said, "loss", "--loss", loss);
        given(values, said, "optimizer", "--optimizer", optimizer);
        given(values, said, "lr", "--lr", learningRate);
        given(values, said, "momentum", "--momentum", momentum);
        given(values, said, "nesterov", "--nesterov", nesterov == null ? null : "" + nesterov);
        given(values, said, "beta1", "--beta1", beta1);
        given(values, said, "beta2", "--beta2", beta2);
        given(values, said, "decay", "--weight-decay", weightDecay);
        given(values, said, "batch", "--batch", batch);
        given(values, said, "epochs", "--epochs", epochs);
        given(values, said, "seed", "--seed", seed);
        // The page's own table and sentences, strict: a script should not quietly train
        // something other than what it asked for.
        ConfigProperties.Check check =
                ConfigProperties.check(values, new PlaygroundConfig(base, 0), Limits.defaults());
        if (!check.ok()) {
            throw usage(check.problems().entrySet().stream()
                    .map(problem -> said.get(problem.getKey()) + ": " + problem.getValue())
                    .collect(Collectors.joining(System.lineSeparator() + "train: ")));
        }
        return check.config().run();
    }

    /** Adds an option given on the command line under its property's key. */
    private static void given(
            Map<String, String> values,
            Map<String, String> said,
            String key,
            String option,
            String text) {
        if (text != null) {
            values.put(key, text);
            // Shortened: an option may be thousands of characters long.
            said.put(
                    key,
                    option.contains(" ") ? option : option + " " + ConfigText.quote(text, false));
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
        ConfigProperties.Reading reading = ConfigJson.fromJson(
                text, new PlaygroundConfig(RunSpec.lesson(), 0), Limits.defaults());
        if (!reading.notices().isEmpty()) {
            // A script should not quietly train something other than what its file says.
            throw usage(reading.notices().stream()
                    .map(notice -> configFile.getFileName() + ": " + notice.sentence())
                    .collect(Collectors.joining(System.lineSeparator() + "train: ")));
        }
        return reading.config().run();
    }

    private ParameterException usage(String sentence) {
        return new ParameterException(spec.commandLine(), sentence);
    }
}
