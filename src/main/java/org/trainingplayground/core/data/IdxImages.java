package org.trainingplayground.core.data;

/**
 * The images of an IDX image file ({@code *-images-idx3-ubyte}), as in the MNIST distribution.
 *
 * <p>{@code pixels} holds {@code count} images of {@code rows × cols} unsigned bytes each, one
 * after the other, every image row-major (row 0 first, left to right). A byte is an intensity
 * from 0 (background) to 255 (full ink); read it as {@code pixels[i] & 0xFF} since Java bytes are
 * signed. Image {@code i} starts at {@code i * rows * cols}.
 *
 * <p>The array is shared, not copied: a training set is megabytes and nothing here mutates it.
 *
 * @param count number of images
 * @param rows height of each image in pixels (28 for MNIST)
 * @param cols width of each image in pixels (28 for MNIST)
 * @param pixels {@code count * rows * cols} intensities, 0 = background, 255 = ink
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(
                    "Invalid image dimensions " + count + " x " + rows + " x " + cols + ".");
        }
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("Expected " + (long) count * rows * cols
                    + " pixel bytes for " + count + " images of " + rows + " x " + cols
                    + ", got " + pixels.length + ".");
        }
    }

    /** Number of pixels in one image, {@code rows * cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * The intensity of one pixel, from 0 (background) to 255 (ink).
     *
     * @param image index of the image, 0 to {@code count - 1}
     * @param row 0 (top) to {@code rows - 1}
     * @param col 0 (left) to {@code cols - 1}
     */
    public int pixel(int image, int row, int col) {
        if (image < 0 || image >= count || row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("Pixel (" + image + ", " + row + ", " + col
                    + ") is outside " + count + " x " + rows + " x " + cols + ".");
        }
        return pixels[(image * rows + row) * cols + col] & 0xFF;
    }

    // The generated toString would print the array's identity, which is useless in logs.
    @Override
    public String toString() {
        return "IdxImages[count=" + count + ", rows=" + rows + ", cols=" + cols + "]";
    }
}
