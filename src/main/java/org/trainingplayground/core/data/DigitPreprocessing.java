package org.trainingplayground.core.data;

/**
 * Turns a digit drawn by hand into a 28×28 picture prepared the way the MNIST digits were, so a
 * network trained on MNIST sees the same kind of image.
 *
 * <p>The MNIST authors (LeCun, Cortes, Burges) describe their preparation as: size-normalise
 * each digit to fit in a 20×20 box keeping its aspect ratio, with anti-aliasing that turns the
 * black-and-white scans into grey levels, then place it in a 28×28 field so that its centre of
 * mass lies at the centre of the field. {@link #toMnist(byte[], int)} does exactly that:
 *
 * <ol>
 *   <li>crop to the bounding box of the ink (pixels above {@link #INK_THRESHOLD}),
 *   <li>scale so the longer side becomes 20 px and the shorter keeps the aspect ratio, by area
 *       averaging (each output pixel is the mean of the input area it covers, not the nearest
 *       input pixel), which gives the anti-aliased grey edges MNIST digits have,
 *   <li>shift by whole pixels so the ink's centre of mass is as close as possible to (14, 14),
 *       clamping so the 20 px box never leaves the field.
 * </ol>
 *
 * <p>Pixels are row-major unsigned bytes, 0 for paper (background) to 255 for ink, as in the
 * MNIST files. Coordinates treat pixel {@code (x, y)} as the unit square whose centre is
 * {@code (x + 0.5, y + 0.5)}, so the centre of the 28×28 field is {@code (14, 14)}.
 */
public final class DigitPreprocessing {

    /** Width and height of an MNIST image. */
    public static final int SIDE = 28;

    /** The longer side of the digit after scaling: MNIST leaves a 4 px margin all round. */
    public static final int BOX = 20;

    /**
     * Input pixels at or below this value count as paper when finding the bounding box, so the
     * faint anti-aliased halo of a stroke does not widen the box.
     */
    public static final int INK_THRESHOLD = 16;

    private DigitPreprocessing() {}

    /**
     * The drawing as an MNIST-style 28×28 image (see the class description), or {@code null}
     * when nothing is drawn: no pixel above {@link #INK_THRESHOLD}.
     *
     * <p>Deterministic: the same drawing always gives the same bytes.
     *
     * @param ink row-major intensities of a square drawing, 0 (paper) to 255 (ink)
     * @param side the drawing's width and height in pixels; {@code ink} holds side × side values
     * @return 784 row-major intensities, 0 (background) to 255 (ink), or {@code null} if empty
     * @throws IllegalArgumentException if {@code ink} does not hold side × side values
     */
    public static byte[] toMnist(byte[] ink, int side) {
        if (side < 1) {
            throw new IllegalArgumentException(
                    "The drawing must be at least 1 pixel wide, not " + side + ".");
        }
        if (ink == null || ink.length != side * side) {
            throw new IllegalArgumentException("A " + side + "×" + side + " drawing has "
                    + side * side + " pixels, but " + (ink == null ? "none" : ink.length)
                    + " were given.");
        }
        int left = side;
        int right = -1;
        int top = side;
        int bottom = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if ((ink[y * side + x] & 0xFF) > INK_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return null;
        }
        int cropWidth = right - left + 1;
        int cropHeight = bottom - top + 1;
        double[][] box = scaleIntoBox(ink, side, left, top, cropWidth, cropHeight);
        return centreByMass(box);
    }

    /**
     * The network's inputs for an MNIST-style image: each intensity divided by 255, the same
     * scaling the training data gets (PyTorch's {@code ToTensor}).
     *
     * @param mnist 784 row-major intensities from {@link #toMnist(byte[], int)}
     * @return 784 values from 0 (background) to 1 (ink)
     * @throws IllegalArgumentException if {@code mnist} does not hold 784 values
     */
    public static float[] toInputs(byte[] mnist) {
        if (mnist == null || mnist.length != SIDE * SIDE) {
            throw new IllegalArgumentException("An MNIST image has " + SIDE * SIDE
                    + " pixels, but " + (mnist == null ? "none" : mnist.length)
                    + " were given.");
        }
        float[] inputs = new float[mnist.length];
        for (int i = 0; i < mnist.length; i++) {
            inputs[i] = (mnist[i] & 0xFF) / 255f;
        }
        return inputs;
    }

    /**
     * The crop scaled so its longer side is {@link #BOX} px, as intensities indexed
     * {@code [y][x]}. One scale for both axes keeps the aspect ratio; the shorter side is
     * rounded up to whole pixels, the part beyond the crop counting as paper.
     */
    private static double[][] scaleIntoBox(
            byte[] ink, int side, int left, int top, int cropWidth, int cropHeight) {
        double scale = (double) Math.max(cropWidth, cropHeight) / BOX; // input px per output px
        // The small epsilon keeps e.g. 40 / 2.0 = 20.000000001 from becoming 21 pixels.
        int boxWidth = Math.min(BOX, Math.max(1, (int) Math.ceil(cropWidth / scale - 1e-9)));
        int boxHeight = Math.min(BOX, Math.max(1, (int) Math.ceil(cropHeight / scale - 1e-9)));
        double[][] columnWeights = areaWeights(cropWidth, boxWidth, scale);
        double[][] rowWeights = areaWeights(cropHeight, boxHeight, scale);
        // Separable: first shrink every row, then every column of the result.
        double[][] rows = new double[cropHeight][boxWidth];
        for (int y = 0; y < cropHeight; y++) {
            int rowStart = (top + y) * side + left;
            for (int bx = 0; bx < boxWidth; bx++) {
                double sum = 0;
                for (int x = 0; x < cropWidth; x++) {
                    double w = columnWeights[bx][x];
                    if (w != 0) {
                        sum += w * (ink[rowStart + x] & 0xFF);
                    }
                }
                rows[y][bx] = sum;
            }
        }
        double[][] box = new double[boxHeight][boxWidth];
        for (int by = 0; by < boxHeight; by++) {
            for (int y = 0; y < cropHeight; y++) {
                double w = rowWeights[by][y];
                if (w != 0) {
                    for (int bx = 0; bx < boxWidth; bx++) {
                        box[by][bx] += w * rows[y][bx];
                    }
                }
            }
        }
        return box;
    }

    /**
     * {@code weights[o][i]}: the share of output pixel {@code o} that input pixel {@code i}
     * covers. Output pixel {@code o} spans input coordinates {@code [o·scale, (o+1)·scale)};
     * the shares of a fully covered output pixel add up to 1, so flat ink stays flat.
     */
    private static double[][] areaWeights(int inputLength, int outputLength, double scale) {
        double[][] weights = new double[outputLength][inputLength];
        for (int o = 0; o < outputLength; o++) {
            double from = o * scale;
            double to = (o + 1) * scale;
            int first = (int) Math.floor(from);
            int last = Math.min(inputLength - 1, (int) Math.ceil(to) - 1);
            for (int i = first; i <= last; i++) {
                double overlap = Math.min(to, i + 1) - Math.max(from, i);
                if (overlap > 0) {
                    weights[o][i] = overlap / scale;
                }
            }
        }
        return weights;
    }

    /** The box placed in the 28×28 field with its centre of mass nearest to (14, 14). */
    private static byte[] centreByMass(double[][] box) {
        int height = box.length;
        int width = box[0].length;
        double mass = 0;
        double massX = 0;
        double massY = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = box[y][x];
                mass += v;
                massX += v * (x + 0.5);
                massY += v * (y + 0.5);
            }
        }
        // The box has ink (the crop does), but guard anyway against a zero division.
        double centreX = mass > 0 ? massX / mass : width / 2.0;
        double centreY = mass > 0 ? massY / mass : height / 2.0;
        // Whole-pixel shifts, as in MNIST: a fractional shift would blur the strokes.
        int offsetX = clamp((int) Math.round(SIDE / 2.0 - centreX), 0, SIDE - width);
        int offsetY = clamp((int) Math.round(SIDE / 2.0 - centreY), 0, SIDE - height);
        byte[] mnist = new byte[SIDE * SIDE];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = clamp((int) Math.round(box[y][x]), 0, 255);
                mnist[(offsetY + y) * SIDE + offsetX + x] = (byte) value;
            }
        }
        return mnist;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
