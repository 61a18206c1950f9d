package org.trainingplayground.core.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

class PyTorchCodeTest {

    private static final Pattern TRAIN_LOSS = Pattern.compile("train loss (\\S+),");

    /** Our IDX files laid out where torchvision looks for them, shared by all runs. */
    @TempDir
    static Path dataRoot;

    @BeforeAll
    static void placeTheImageSetsWhereTorchvisionLooks() throws IOException {
        unpack(Path.of("datasets", "mnist"), dataRoot.resolve("MNIST").resolve("raw"));
        unpack(
                Path.of("datasets", "fashion-mnist"),
                dataRoot.resolve("FashionMNIST").resolve("raw"));
    }

    /** torchvision 0.14 reads the uncompressed files when they are present in {@code raw/}. */
    private static void unpack(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String stem : List.of(
                "train-images-idx3-ubyte",
                "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            try (InputStream in =
                            new GZIPInputStream(Files.newInputStream(from.resolve(stem + ".gz")));
                    OutputStream out = Files.newOutputStream(to.resolve(stem))) {
                in.transferTo(out);
            }
        }
    }

    private static PlaygroundConfig config(RunSpec run) {
        return new PlaygroundConfig(run, 0);
    }

    private static RunSpec onPoints(DatasetSpec dataset, List<LayerSpec> hidden, Init init) {
        RunSpec run = RunSpec.lesson().withDataset(dataset);
        return run.withNetwork(run.network().withHidden(hidden).withInit(init))
                .withOptimizer(OptimizerSpec.adam(0.01))
                .withBatchSize(32)
                .withEpochs(50)
                .withSeed(7);
    }

    static Stream<Arguments> configurations() {
        RunSpec lesson = RunSpec.lesson();
        RunSpec normalised =
                lesson.withDataset(DatasetSpec.mnist().withNormalization(Normalization.LESSON));
        RunSpec adamHe = lesson.withLoss(LossKind.NLL)
                .withNetwork(lesson.network().withInit(Init.HE))
                .withOptimizer(
                        new OptimizerSpec(OptimizerKind.ADAM, 0.001, 0, false, 0.8, 0.99, 0));
        RunSpec fashion = lesson.withDataset(DatasetSpec.of(DatasetKind.FASHION_MNIST))
                .withLoss(LossKind.MSE)
                .withOptimizer(
                        new OptimizerSpec(OptimizerKind.SGD, 0.05, 0.9, true, 0.9, 0.999, 0.0001))
                .withBatchSize(128);
        RunSpec spiral = onPoints(
                DatasetSpec.of(DatasetKind.SPIRAL).withClasses(5),
                List.of(new LayerSpec(32, Activation.TANH), new LayerSpec(32, Activation.TANH)),
                Init.PYTORCH);
        RunSpec xor = onPoints(DatasetSpec.of(DatasetKind.XOR), List.of(), Init.PYTORCH)
                .withOptimizer(OptimizerSpec.sgd(0.1));
        RunSpec moons = onPoints(
                DatasetSpec.of(DatasetKind.MOONS).withNoise(0.2),
                List.of(new LayerSpec(16, Activation.LEAKY_RELU)),
                Init.XAVIER);
        RunSpec circles = onPoints(
                DatasetSpec.of(DatasetKind.CIRCLES).withPoints(300),
                List.of(new LayerSpec(8, Activation.SIGMOID)),
                Init.HE);
        RunSpec blobs = onPoints(
                        DatasetSpec.of(DatasetKind.GAUSSIAN).withClasses(6).withTestFraction(0.5),
                        List.of(new LayerSpec(8, Activation.NONE)),
                        Init.PYTORCH)
                .withLoss(LossKind.MSE);
        return Stream.of(
                Arguments.of("the MNIST lesson with SGD", config(lesson)),
                Arguments.of("MNIST normalised to -1 to 1", config(normalised)),
                Arguments.of("MNIST with NLL, Adam and He", config(adamHe)),
                Arguments.of("Fashion-MNIST with MSE, Nesterov and weight decay", config(fashion)),
                Arguments.of("a five-armed spiral with Tanh", config(spiral)),
                Arguments.of("XOR without a hidden layer", config(xor)),
                Arguments.of("moons with LeakyReLU and Xavier", config(moons)),
                Arguments.of("circles with Sigmoid and He", config(circles)),
                Arguments.of("six blobs with a linear layer and MSE", config(blobs)));
    }

    @ParameterizedTest(name = "the script for {0} trains without error")
    @MethodSource("configurations")
    void theShortCheckOfTheScriptTrainsWithoutError(
            String name, PlaygroundConfig config, @TempDir Path folder) throws Exception {
        PythonTorch.assumeAvailable();
        String output = PythonTorch.run(
                folder,
                PyTorchCode.fileName(config),
                PyTorchCode.generate(config, PyTorchCode.Options.quickCheck(dataRoot, 2)));
        Matcher loss = TRAIN_LOSS.matcher(output);
        assertTrue(loss.find(), "No train loss printed:\n" + output);
        assertTrue(
                Double.isFinite(Double.parseDouble(loss.group(1))),
                "The loss is not finite:\n" + output);
    }

    @Test
    void theStudentsScriptHasTheLessonsLoopAndSettings() {
        String code = PyTorchCode.generate(config(RunSpec.lesson()));

        assertTrue(code.contains("torch.manual_seed(1)\n"), code);
        assertTrue(code.contains("datasets.MNIST(\"data\", train=True, download=True,"), code);
        assertTrue(code.contains("DataLoader(train_set, batch_size=64, shuffle=True)"), code);
        assertTrue(
                code.contains("optimizer = optim.SGD(model.parameters(), lr=0.003, momentum=0)\n"),
                code);
        assertTrue(code.contains("criterion = nn.CrossEntropyLoss()"), code);
        assertTrue(code.contains("for epoch in range(1, 6):"), code);
        assertTrue(code.contains("nn.Flatten()"), code);
        assertTrue(
                code.contains("    nn.Linear(784, 128),\n    nn.ReLU(),\n"
                        + "    nn.Linear(128, 64),\n    nn.ReLU(),\n    nn.Linear(64, 10),\n)"),
                code);
        int zeroGrad = code.indexOf("optimizer.zero_grad()");
        int backward = code.indexOf("loss.backward()");
        int step = code.indexOf("optimizer.step()");
        assertTrue(zeroGrad > 0 && zeroGrad < backward && backward < step, code);
        assertTrue(code.contains("the same digits the playground trains on"), code);
        assertFalse(code.contains("break"), "The student's loop trains on every batch.");
    }

    @Test
    void theStudentsScriptCarriesEachOptimizerSetting() {
        RunSpec nesterov = RunSpec.lesson()
                .withOptimizer(
                        new OptimizerSpec(OptimizerKind.SGD, 0.01, 0.9, true, 0.9, 0.999, 0.0005))
                .withBatchSize(100)
                .withSeed(2026);
        String sgd = PyTorchCode.generate(config(nesterov));
        assertTrue(
                sgd.contains("optim.SGD(model.parameters(), lr=0.01, momentum=0.9,"
                        + " nesterov=True, weight_decay=0.0005)"),
                sgd);
        assertTrue(sgd.contains("batch_size=100, shuffle=True"), sgd);
        assertTrue(sgd.contains("torch.manual_seed(2026)"), sgd);

        RunSpec adam = RunSpec.lesson()
                .withOptimizer(new OptimizerSpec(
                        OptimizerKind.ADAM, 0.0003, 0, false, 0.85, 0.995, 0.00000001));
        String code = PyTorchCode.generate(config(adam));
        assertTrue(
                code.contains("optim.Adam(model.parameters(), lr=0.0003, betas=(0.85, 0.995),"
                        + " weight_decay=1e-8)"),
                code);
    }

    @Test
    void eachLossAndInitialisationIsWrittenAsTheRunUsesIt() {
        RunSpec lesson = RunSpec.lesson();
        String nll = PyTorchCode.generate(config(
                lesson.withLoss(LossKind.NLL).withNetwork(lesson.network().withInit(Init.XAVIER))));
        assertTrue(nll.contains("    nn.Linear(64, 10),\n    nn.LogSoftmax(dim=1),"), nll);
        assertTrue(nll.contains("criterion = nn.NLLLoss()"), nll);
        assertTrue(nll.contains("nn.init.xavier_uniform_(layer.weight)"), nll);
        assertTrue(nll.contains("nn.init.zeros_(layer.bias)"), nll);

        String mse = PyTorchCode.generate(config(
                lesson.withLoss(LossKind.MSE).withNetwork(lesson.network().withInit(Init.HE))));
        assertTrue(mse.contains("F.one_hot(labels, num_classes=10).float()"), mse);
        assertTrue(
                mse.contains("nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")"), mse);
        assertFalse(mse.contains("LogSoftmax"), mse);

        String plain = PyTorchCode.generate(config(lesson));
        assertFalse(plain.contains("nn.init"), "PyTorch's default needs no init code.");
    }

    @Test
    void theLessonsNormalisationIsComposedAfterToTensor() {
        String normalised = PyTorchCode.generate(config(RunSpec.lesson()
                .withDataset(DatasetSpec.mnist().withNormalization(Normalization.LESSON))));
        assertTrue(
                normalised.contains("transform = transforms.Compose([transforms.ToTensor(),\n"
                        + "                                transforms.Normalize((0.5,), (0.5,))])"),
                normalised);
        assertTrue(normalised.contains("download=True,\n"), normalised);
        assertTrue(normalised.contains("transform=transform)"), normalised);
        String plain = PyTorchCode.generate(config(RunSpec.lesson()));
        assertTrue(plain.contains("transform = transforms.ToTensor()\n"), plain);
        assertFalse(plain.contains("Normalize"), plain);
    }

    @Test
    void fashionMnistIsReadWithItsOwnTorchvisionClass() {
        String code = PyTorchCode.generate(
                config(RunSpec.lesson().withDataset(DatasetSpec.of(DatasetKind.FASHION_MNIST))));

        assertTrue(
                code.contains("datasets.FashionMNIST(\"data\", train=False, download=True,"), code);
        assertTrue(code.contains("10,000 for training and 2,000 for testing"), code);
        assertEquals(
                "training_playground_fashion_mnist.py",
                PyTorchCode.fileName(config(
                        RunSpec.lesson().withDataset(DatasetSpec.of(DatasetKind.FASHION_MNIST)))));
    }

    @Test
    void pointSetsAreGeneratedWithTheirSizeNoiseAndTestShare() {
        RunSpec spiral = RunSpec.lesson()
                .withDataset(new DatasetSpec(DatasetKind.SPIRAL, 800, 0.05, 0.25, 4));
        String code = PyTorchCode.generate(config(spiral));

        assertTrue(code.contains("points, classes, noise, test_count = 800, 4, 0.05, 200"), code);
        assertTrue(code.contains("TensorDataset"), code);
        assertFalse(code.contains("torchvision"), "Points need no torchvision.");
        assertTrue(code.contains("    nn.Linear(2, 128),"), code);
        assertFalse(code.contains("Flatten"), code);
    }

    @Test
    void numbersReadAsAStudentWouldTypeThem() {
        assertEquals("0.003", Python.number(0.003));
        assertEquals("0.9", Python.number(0.9));
        assertEquals("0", Python.number(0));
        assertEquals("1", Python.number(1.0));
        assertEquals("0.0001", Python.number(1e-4));
        assertEquals("2.5e-7", Python.number(2.5e-7));
    }

    @Test
    void aFolderNameWithQuotesStaysOnePythonString() {
        assertEquals("\"C:\\\\data \\\"x\\\"\"", Python.pythonString("C:\\data \"x\""));
    }

    @Test
    void aNegativeBatchLimitIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PyTorchCode.Options(Path.of("data"), false, -1, 0));
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }
}
