package org.trainingplayground.core.metrics;

/**
 * What a network trained on 2-D points predicts over a square grid: the picture behind the
 * scatter of points. Cell {@code (column, row)} is at index {@code row * resolution + column};
 * its centre is {@code x = min + (column + 0.5) * cellSize()}, {@code y = min + (row + 0.5) *
 * cellSize()}, so row 0 is the bottom.
 *
 * @param step training steps taken when the grid was computed
 * @param min smallest x and y of the grid
 * @param max largest x and y of the grid
 * @param resolution cells per side
 * @param predicted the predicted class of each cell
 * @param confidence the softmax probability of that class, from 1/classes to 1
 */
public record DecisionBoundary(
        long step, double min, double max, int resolution, int[] predicted, float[] confidence) {

    public DecisionBoundary {
        if (predicted.length != resolution * resolution || confidence.length != predicted.length) {
            throw new IllegalArgumentException("A boundary grid needs resolution² cells.");
        }
    }

    public double cellSize() {
        return (max - min) / resolution;
    }

    /** The class predicted at the cell containing {@code (x, y)}, clamped to the grid. */
    public int classAt(double x, double y) {
        int column = clamp((int) Math.floor((x - min) / cellSize()));
        int row = clamp((int) Math.floor((y - min) / cellSize()));
        return predicted[row * resolution + column];
    }

    private int clamp(int index) {
        return Math.max(0, Math.min(resolution - 1, index));
    }
}
