package org.trainingplayground.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainingplayground.core.spec.DatasetKind;

class DatasetsTest {

    // Maven runs tests from the project root, where the shipped datasets live.
    private static final Path DATASETS = Path.of("datasets");

    private static final List<String> CLOTHES = List.of(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot");

    /** Each image set, read from the datasets folder and from the class path (null folder). */
    static Stream<Arguments> imageSets() {
        return Stream.of(
                Arguments.of(DatasetKind.MNIST, DATASETS, 60_000, 10_000),
                Arguments.of(DatasetKind.MNIST, null, 60_000, 10_000),
                Arguments.of(DatasetKind.FASHION_MNIST, DATASETS, 10_000, 2000),
                Arguments.of(DatasetKind.FASHION_MNIST, null, 10_000, 2000));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("imageSets")
    void imageSetsLoadWithTheDocumentedSplitSizes(
            DatasetKind kind, Path directory, int train, int test) {
        ImageDataset data = Datasets.load(kind, directory);

        assertEquals(kind.key(), data.name());
        assertEquals(train, data.trainSize());
        assertEquals(test, data.testSize());
        assertEquals(train, data.trainImages().count());
        assertEquals(test, data.testImages().count());
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("imageSets")
    void imagesAre28By28(DatasetKind kind, Path directory, int train, int test) {
        ImageDataset data = Datasets.load(kind, directory);

        for (IdxImages images : List.of(data.trainImages(), data.testImages())) {
            assertEquals(28, images.rows());
            assertEquals(28, images.cols());
        }
        assertEquals(kind.inputSize(), data.inputSize());
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("imageSets")
    void everyClassAppearsInBothSplitsAndNoLabelIsOutOfRange(
            DatasetKind kind, Path directory, int train, int test) {
        ImageDataset data = Datasets.load(kind, directory);

        assertEquals(10, data.classes());
        for (int[] labels : List.of(data.trainLabels(), data.testLabels())) {
            int[] perClass = new int[10];
            for (int label : labels) {
                assertTrue(label >= 0 && label < 10, "label " + label + " is not 0 to 9");
                perClass[label]++;
            }
            for (int c = 0; c < 10; c++) {
                assertTrue(perClass[c] > 0, "class " + c + " is missing from a split");
            }
        }
    }

    @Test
    void mnistClassesAreTheDigits() {
        assertEquals(
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                Datasets.mnist(DATASETS).classNames());
    }

    @Test
    void fashionMnistClassesAreTheClothesInZalandosLabelOrder() {
        assertEquals(CLOTHES, Datasets.fashionMnist(DATASETS).classNames());
    }

    @Test
    void fashionMnistHasTheSameNumberOfImagesInEveryClass() {
        ImageDataset data = Datasets.fashionMnist(null);

        int[] train = new int[10];
        int[] test = new int[10];
        for (int label : data.trainLabels()) {
            train[label]++;
        }
        for (int label : data.testLabels()) {
            test[label]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(1000, train[c], "training images of class " + c);
            assertEquals(200, test[c], "test images of class " + c);
        }
    }

    @Test
    void theFolderAndTheClassPathHoldTheSameFashionMnist() {
        ImageDataset fromFolder = Datasets.fashionMnist(DATASETS);
        ImageDataset packaged = Datasets.fashionMnist(null);

        assertArrayEquals(
                fromFolder.trainImages().pixels(), packaged.trainImages().pixels());
        assertArrayEquals(fromFolder.testLabels(), packaged.testLabels());
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void loadRefusesAPointSetWithASentence(DatasetKind kind) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Datasets.load(kind, DATASETS));

        assertTrue(e.getMessage().startsWith(kind.label()), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithTheCommandThatBuildsIt(@TempDir Path folder) throws IOException {
        // An operator folder that has MNIST but no Fashion-MNIST yet.
        Files.createDirectories(folder.resolve("mnist"));
        for (String file : List.of(
                "train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(
                    DATASETS.resolve("mnist").resolve(file),
                    folder.resolve("mnist").resolve(file));
        }

        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> Datasets.fashionMnist(folder));

        String expectedFile = folder.resolve("fashion-mnist")
                .resolve("train-images-idx3-ubyte.gz")
                .toString();
        assertTrue(e.getMessage().startsWith(expectedFile + " does not exist."), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("node datasets/build-fashion-mnist.mjs "
                                + folder.resolve("fashion-mnist")),
                e.getMessage());
        assertEquals(60_000, Datasets.mnist(folder).trainSize());
    }

    @Test
    void aDamagedFileIsNamedWithTheCommandThatRebuildsIt(@TempDir Path folder) throws IOException {
        Path mnist = Files.createDirectories(folder.resolve("mnist"));
        Files.write(mnist.resolve("train-images-idx3-ubyte.gz"), new byte[] {0, 0, 8});

        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> Datasets.mnist(folder));

        assertTrue(
                e.getMessage()
                        .startsWith("Could not read " + mnist.resolve("train-images-idx3-ubyte.gz")
                                + ": "),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("node datasets/build-mnist.mjs " + mnist + "."),
                e.getMessage());
    }
}
