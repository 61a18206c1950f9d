package org.trainingplayground.core.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of the MNIST distribution (and of look-alikes such as Fashion-MNIST),
 * plain or gzipped.
 *
 * <p>An IDX file is a big-endian header followed by the data. The header starts with a 4-byte
 * magic number {@code 0x0000TTDD}: two zero bytes, the element type {@code TT} ({@code 0x08} =
 * unsigned byte) and the number of dimensions {@code DD}; then one 4-byte size per dimension.
 * Image files are {@code 0x00000803} with sizes (count, rows, columns); label files are
 * {@code 0x00000801} with size (count). The data are unsigned bytes, the last dimension varying
 * fastest.
 *
 * <p>A stream starting with the gzip magic bytes {@code 1f 8b} is decompressed first. The
 * methods read the IDX content from the stream but do not close it; that is the caller's job.
 */
public final class IdxFile {

    /** Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of a label file: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private IdxFile() {}

    /**
     * Reads an IDX image file ({@code *-images-idx3-ubyte}, optionally {@code .gz}).
     *
     * @return the images; their pixels are 0 (background) to 255 (ink), row-major
     * @throws IOException if the stream is not an IDX image file, has impossible dimensions, is
     *     truncated, or is a corrupt gzip stream
     */
    public static IdxImages readImages(InputStream in) throws IOException {
        try (IdxStream data = open(in)) {
            int magic = readHeaderInt(data, "image");
            if (magic != IMAGES_MAGIC) {
                throw new IOException(String.format(
                        "not an IDX image file: magic 0x%08x (expected 0x%08x)%s",
                        magic, IMAGES_MAGIC, hint(magic)));
            }
            int count = readSize(data, "image count");
            int rows = readSize(data, "row count");
            int cols = readSize(data, "column count");
            long total = (long) count * rows * cols;
            // Java arrays are int-indexed; a larger header is corrupt or not meant for us.
            if (total > Integer.MAX_VALUE - 8) {
                throw new IOException("IDX image file too large: " + count + " images of " + rows
                        + " x " + cols + " pixels do not fit in one array");
            }
            byte[] pixels = readBody(
                    data, (int) total, "pixel", count + " images of " + rows + " x " + cols);
            data.expectEnd();
            return new IdxImages(count, rows, cols, pixels);
        }
    }

    /**
     * Reads an IDX label file ({@code *-labels-idx1-ubyte}, optionally {@code .gz}).
     *
     * @return one label per image, each the unsigned byte value (0 to 9 for MNIST digits)
     * @throws IOException if the stream is not an IDX label file, is truncated, or is a corrupt
     *     gzip stream
     */
    public static int[] readLabels(InputStream in) throws IOException {
        try (IdxStream data = open(in)) {
            int magic = readHeaderInt(data, "label");
            if (magic != LABELS_MAGIC) {
                throw new IOException(String.format(
                        "not an IDX label file: magic 0x%08x (expected 0x%08x)%s",
                        magic, LABELS_MAGIC, hint(magic)));
            }
            int count = readSize(data, "label count");
            byte[] bytes = readBody(data, count, "label", count + " labels");
            data.expectEnd();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        }
    }

    /**
     * Wraps {@code in} so that closing the result frees the gzip inflater's native memory without
     * closing the caller's stream.
     */
    private static IdxStream open(InputStream in) throws IOException {
        InputStream shielded = new FilterInputStream(in) {
            @Override
            public void close() {
                // The caller opened the stream, so the caller closes it.
            }
        };
        PushbackInputStream peek = new PushbackInputStream(shielded, 2);
        byte[] head = peek.readNBytes(2);
        peek.unread(head);
        boolean gzipped = head.length == 2
                && (head[0] & 0xFF) == GZIP_MAGIC_1
                && (head[1] & 0xFF) == GZIP_MAGIC_2;
        return gzipped
                ? new IdxStream(new GZIPInputStream(peek, 64 * 1024), true)
                : new IdxStream(peek, false);
    }

    /** The decompressed IDX bytes, remembering whether they came out of gzip. */
    private static final class IdxStream extends DataInputStream {
        private final boolean gzipped;

        IdxStream(InputStream in, boolean gzipped) {
            super(in);
            this.gzipped = gzipped;
        }

        /**
         * For gzip, reads on to the end: only there does GZIPInputStream compare the CRC32 of
         * the data, and bytes beyond what the header declares mean header and data disagree.
         * A plain stream is left where it is, since it may go on with the caller's own data.
         */
        void expectEnd() throws IOException {
            if (!gzipped) {
                return;
            }
            int next;
            try {
                next = read();
            } catch (EOFException e) {
                throw new IOException(
                        "IDX file truncated: the gzip stream ends before its checksum trailer"
                                + detail(e),
                        e);
            } catch (ZipException e) {
                throw corruptGzip(e);
            }
            if (next != -1) {
                throw new IOException("IDX file has more data than its header declares");
            }
        }
    }

    private static int readHeaderInt(DataInputStream data, String kind) throws IOException {
        try {
            return data.readInt();
        } catch (EOFException e) {
            throw new IOException(
                    "IDX " + kind + " file truncated: the stream ends before the "
                            + "4-byte magic number",
                    e);
        } catch (ZipException e) {
            throw corruptGzip(e);
        }
    }

    private static int readSize(DataInputStream data, String what) throws IOException {
        int size;
        try {
            size = data.readInt();
        } catch (EOFException e) {
            throw new IOException("IDX file truncated: the header ends before the " + what, e);
        } catch (ZipException e) {
            throw corruptGzip(e);
        }
        // Sizes are unsigned in the format, but anything past 2^31 cannot be real data.
        if (size < 0) {
            throw new IOException(String.format("IDX header is corrupt: %s is 0x%08x", what, size));
        }
        return size;
    }

    private static byte[] readBody(DataInputStream data, int length, String unit, String what)
            throws IOException {
        byte[] body;
        try {
            // readNBytes grows its buffer as data arrives, so a corrupt header announcing
            // gigabytes does not allocate them up front.
            body = data.readNBytes(length);
        } catch (EOFException e) {
            // GZIPInputStream signals a cut-off compressed stream this way.
            throw new IOException(
                    "IDX file truncated: the gzip stream ends inside the data of " + what
                            + detail(e),
                    e);
        } catch (ZipException e) {
            throw corruptGzip(e);
        }
        if (body.length != length) {
            throw new IOException("IDX file truncated: expected " + length + " " + unit
                    + " bytes for " + what + ", got " + body.length);
        }
        return body;
    }

    private static IOException corruptGzip(ZipException e) {
        return new IOException("corrupt gzip stream around an IDX file: " + e.getMessage(), e);
    }

    private static String detail(Exception e) {
        return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    }

    /** Names the two mix-ups that produce a wrong magic number in practice. */
    private static String hint(int magic) {
        if (magic == IMAGES_MAGIC) {
            return "; this is an image file";
        }
        if (magic == LABELS_MAGIC) {
            return "; this is a label file";
        }
        if (Integer.reverseBytes(magic) == IMAGES_MAGIC
                || Integer.reverseBytes(magic) == LABELS_MAGIC) {
            return "; the header was written little-endian";
        }
        return "";
    }
}
