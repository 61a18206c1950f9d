package org.trainingplayground.core.data;

import java.nio.FloatBuffer;

/**
 * One split's network inputs, read a row at a time: a batch or an evaluation chunk copies the
 * rows it needs, so an image set stays in memory as its bytes (60,000 MNIST digits are 47 MB
 * as bytes, 188 MB as floats) and each run reads them with its own normalisation.
 */
public interface InputRows {

    /** Number of rows (samples). */
    int count();

    /** Values per row. */
    int width();

    /** Writes row {@code row}'s values into {@code into} from index {@code at} (absolute puts). */
    void copy(int row, FloatBuffer into, int at);

    /** Rows of {@code width} floats, one after the other (the 2-D point sets). */
    static InputRows of(float[] values, int width) {
        return new InputRows() {
            @Override
            public int count() {
                return values.length / width;
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public void copy(int row, FloatBuffer into, int at) {
                into.put(at, values, row * width, width);
            }
        };
    }

    /** Images of {@code width} pixel bytes each, byte {@code b} read as {@code byteValues[b]}. */
    static InputRows of(IdxImages images, float[] byteValues) {
        byte[] pixels = images.pixels();
        int width = images.pixelsPerImage();
        return new InputRows() {
            @Override
            public int count() {
                return images.count();
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public void copy(int row, FloatBuffer into, int at) {
                int from = row * width;
                for (int i = 0; i < width; i++) {
                    into.put(at + i, byteValues[pixels[from + i] & 0xFF]);
                }
            }
        };
    }
}
