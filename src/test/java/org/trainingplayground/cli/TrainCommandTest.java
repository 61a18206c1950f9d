package org.trainingplayground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import picocli.CommandLine;

class TrainCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... args) {
        return TrainCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLearningRateThatIsNotANumberGetsASentenceAndExitCodeTwo() {
        assertEquals(2, train("--lr", "fast"));
        assertTrue(errors().contains("--lr fast: \"fast\" is not a number"), errors());
        assertTrue(errors().contains("Usage:"), errors());
        assertFalse(errors().contains("Exception"), errors());
    }

    @Test
    void theLessonsNormalisationIsAnOptionAndAnUnknownOneGetsASentence() {
        assertEquals(
                Normalization.LESSON,
                runSpecOf("--normalize", "lesson").dataset().normalization());
        assertEquals(2, train("--normalize", "sideways"));
        assertTrue(
                errors().contains("Unknown normalize \"sideways\": choose one of none, lesson."),
                errors());
        assertFalse(errors().contains("Exception"), errors());
    }

    @Test
    void aNegativeLearningRateIsRefusedWithTheSameSentenceAsThePage() {
        assertEquals(2, train("--lr", "-1"));
        assertTrue(errors().contains("The learning rate must be greater than 0"), errors());
    }

    @Test
    void anUnknownOptimizerNamesTheChoices() {
        assertEquals(2, train("--optimizer", "rmsprop"));
        assertTrue(
                errors().contains("Unknown optimizer \"rmsprop\": choose one of sgd, adam."),
                errors());
    }

    @Test
    void badLayerWidthsAndBatchSizesAreRefused() {
        assertEquals(2, train("--hidden", "128,x"));
        assertTrue(errors().contains("--hidden 128,x: Layer 2: \"x\" is not a number"), errors());
        assertEquals(2, train("--batch", "0"));
        assertTrue(
                errors().contains("The batch size must be between 1 and 1024, not 0."), errors());
        assertEquals(2, train("--batch", "2000"));
        assertTrue(
                errors().contains("The batch size must be between 1 and 1024, not 2000."),
                errors());
    }

    @Test
    void aShortRunPrintsTheReferenceShapedJsonLines() throws Exception {
        assertEquals(
                0,
                train(
                        "--data",
                        "datasets",
                        "--epochs",
                        "1",
                        "--batch",
                        "1024",
                        "--hidden",
                        "32",
                        "--lr",
                        "0.1"),
                errors());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        ObjectMapper json = new ObjectMapper();
        assertEquals(3, lines.length, String.join("\n", lines));
        JsonNode untrained = json.readTree(lines[0]);
        assertEquals(0, untrained.get("epoch").asInt());
        assertEquals(Math.log(10), untrained.get("trainLoss").asDouble(), 0.15);
        JsonNode epoch = json.readTree(lines[1]);
        assertEquals(1, epoch.get("epoch").asInt());
        assertTrue(epoch.has("trainLoss") && epoch.has("valLoss") && epoch.has("valAccuracy"));
        JsonNode summary = json.readTree(lines[2]);
        assertEquals("djl", summary.get("summary").asText());
        assertEquals(59, summary.get("steps").asInt(), "60,000 samples in batches of 1,024");
        assertTrue(summary.get("msPerStepMedian").asDouble() > 0);
    }

    @TempDir
    Path folder;

    /** The run {@code train args} would train, without training it. */
    private static RunSpec runSpecOf(String... args) {
        TrainCommand command = new TrainCommand(System.out, System.err, () -> null);
        new CommandLine(command).parseArgs(args);
        return command.runSpec();
    }

    private Path exported(PlaygroundConfig config) throws Exception {
        Path file = folder.resolve("config.json");
        Files.writeString(file, ConfigJson.toJson(config));
        return file;
    }

    private static PlaygroundConfig spiralWithAdam() {
        RunSpec run =
                RunSpec.lesson().withDataset(new DatasetSpec(DatasetKind.SPIRAL, 800, 0.2, 0.3, 5));
        run = run.withNetwork(run.network()
                        .withHidden(List.of(LayerSpec.relu(32), new LayerSpec(16, Activation.TANH)))
                        .withInit(Init.XAVIER))
                .withLoss(LossKind.NLL)
                .withOptimizer(
                        new OptimizerSpec(OptimizerKind.ADAM, 0.01, 0, false, 0.8, 0.99, 0.0001))
                .withBatchSize(16)
                .withEpochs(60)
                .withSeed(7);
        return new PlaygroundConfig(run, 20);
    }

    @Test
    void anExportedFileTrainsTheSameRunAsTheEquivalentFlags() throws Exception {
        Path file = exported(spiralWithAdam());
        RunSpec fromFlags = runSpecOf(
                "--dataset",
                "spiral",
                "--points",
                "800",
                "--noise",
                "0.2",
                "--test-fraction",
                "0.3",
                "--classes",
                "5",
                "--hidden",
                "32,16",
                "--activation",
                "relu,tanh",
                "--init",
                "xavier",
                "--loss",
                "nll",
                "--optimizer",
                "adam",
                "--lr",
                "0.01",
                "--beta1",
                "0.8",
                "--beta2",
                "0.99",
                "--weight-decay",
                "0.0001",
                "--batch",
                "16",
                "--epochs",
                "60",
                "--seed",
                "7");
        assertEquals(spiralWithAdam().run(), fromFlags);
        assertEquals(fromFlags, runSpecOf("--config", file.toString()));
    }

    @Test
    void theLessonWithNesterovMomentumReadsBackFromItsFile() throws Exception {
        RunSpec lesson = RunSpec.lesson()
                .withOptimizer(
                        new OptimizerSpec(OptimizerKind.SGD, 0.05, 0.9, true, 0.9, 0.999, 0));
        Path file = exported(new PlaygroundConfig(lesson, 0));
        assertEquals(lesson, runSpecOf("--config", file.toString()));
    }

    @Test
    void flagsGivenOnTheCommandLineOverrideTheFile() throws Exception {
        Path file = exported(spiralWithAdam());
        RunSpec run = runSpecOf(
                "--config",
                file.toString(),
                "--lr",
                "0.5",
                "--epochs",
                "2",
                "--classes",
                "3",
                "--hidden",
                "8");
        assertEquals(0.5, run.optimizer().learningRate());
        assertEquals(2, run.epochs());
        assertEquals(3, run.dataset().classes());
        assertEquals(
                List.of(LayerSpec.relu(8)),
                run.network().hidden(),
                "the file's activations were per layer, so --hidden alone takes the default");
        assertEquals(800, run.dataset().points(), "the rest comes from the file");
        assertEquals(0.8, run.optimizer().beta1());
        RunSpec images = runSpecOf("--config", file.toString(), "--dataset", "mnist");
        assertEquals(
                DatasetSpec.mnist(),
                images.dataset(),
                "the file's points belong to its spiral, not to MNIST");
        assertEquals(784, images.network().inputs());
    }

    @Test
    void aBadValueInTheFileIsAUsageErrorNamingIt() throws Exception {
        Path file = folder.resolve("bad.json");
        Files.writeString(
                file,
                "{\"format\": \"training-playground-config\", \"version\": 1,"
                        + " \"lr\": \"fast\", \"batch\": 5000}");
        assertEquals(2, train("--config", file.toString()));
        assertTrue(
                errors().contains("train: bad.json: lr=fast: \"fast\" is not a number;"), errors());
        assertTrue(
                errors().contains("train: bad.json: batch=5000: The batch size must be"
                        + " between 1 and 1024, not 5000."),
                errors());
        assertFalse(errors().contains("Exception"), errors());
    }

    @Test
    void aMissingOrForeignFileIsOneSentenceAndExitCodeTwo() throws Exception {
        assertEquals(2, train("--config", folder.resolve("nowhere.json").toString()));
        assertTrue(errors().contains("train: The configuration file "), errors());
        assertTrue(errors().contains("nowhere.json does not exist."), errors());
        Path foreign = folder.resolve("package.json");
        Files.writeString(foreign, "{\"name\": \"left-pad\"}");
        assertEquals(2, train("--config", foreign.toString()));
        assertTrue(
                errors().contains("package.json: The file is not a Training Playground"
                        + " configuration"),
                errors());
        assertFalse(errors().contains("Exception"), errors());
    }

    @Test
    void aFortyThousandCharacterOptionIsRefusedInOneShortLine() {
        String huge = "9".repeat(40_000);
        for (String option : List.of("--hidden", "--batch", "--optimizer", "--lr")) {
            err.reset();
            assertEquals(2, train(option, huge), option);
            String firstLine = errors().lines().findFirst().orElse("");
            assertTrue(firstLine.startsWith("train: " + option + " 9999"), firstLine);
            assertTrue(
                    firstLine.length() < 300, option + ": " + firstLine.length() + " characters");
        }
    }
}
