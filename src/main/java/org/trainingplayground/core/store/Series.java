package org.trainingplayground.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One per-step series (the loss, a tensor's gradient norm or update ratio) kept bounded: one
 * point a step up to its limit, then neighbouring points are merged pairwise into buckets
 * (mean, min, max), and later steps fill buckets of the new width. A 100-epoch run thus keeps
 * the shape of its curve in a bounded number of points. Not thread-safe: the history writer
 * owns it.
 */
public final class Series {

    /** The loss's limit: every step of a lesson run (625 steps) and of 16 epochs is kept. */
    public static final int MAX_POINTS = 2_000;

    /**
     * The limit of each weight or bias tensor's series: a network has six or more of them, and
     * their shape (rising, vanishing, exploding) shows in fewer points than the loss's noise.
     */
    public static final int TENSOR_POINTS = 500;

    /**
     * Steps a tensor's bucket starts with: five, so that a class of 40 writes about a third of
     * the rows it would with one (the curves' shape needs no more).
     */
    public static final int TENSOR_FIRST_WIDTH = 5;

    private final int maxPoints;

    /**
     * One bucket of steps.
     *
     * @param elapsedMs time since the run's first step, at the bucket's first step
     * @param samples steps measured in the bucket (update ratios are measured every 25th step)
     */
    public record Point(
            long firstStep,
            long lastStep,
            long elapsedMs,
            int samples,
            double mean,
            double min,
            double max) {

        Point plus(Point later) {
            int total = samples + later.samples;
            return new Point(
                    firstStep,
                    later.lastStep,
                    elapsedMs,
                    total,
                    (mean * samples + later.mean * later.samples) / total,
                    Math.min(min, later.min),
                    Math.max(max, later.max));
        }
    }

    private final List<Point> points = new ArrayList<>();

    /** A series of at most {@code maxPoints} points, one a step at first. */
    public Series(int maxPoints) {
        this(maxPoints, 1);
    }

    /** A series of at most {@code maxPoints} points of {@code firstWidth} steps at first. */
    public Series(int maxPoints, int firstWidth) {
        if (maxPoints < 2 || firstWidth < 1) {
            throw new IllegalArgumentException(
                    "A series keeps at least 2 points of at least one step.");
        }
        this.maxPoints = maxPoints;
        this.width = firstWidth;
    }

    private Point filling;
    private int width = 1;
    /** Points the store already holds as they are now. */
    private int saved;
    /** Buckets were merged since the last save: the stored rows are all out of date. */
    private boolean mergedSinceSave;

    /** Adds one step's value; a NaN (not measured) is skipped. */
    public void add(long step, long elapsedMs, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        Point point = new Point(step, step, elapsedMs, 1, value, value, value);
        filling = filling == null ? point : filling.plus(point);
        if (filling.samples() >= width) {
            points.add(filling);
            filling = null;
            if (points.size() >= maxPoints) {
                mergePairs();
            }
        }
    }

    private void mergePairs() {
        List<Point> merged = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i < points.size(); i += 2) {
            merged.add(
                    i + 1 < points.size() ? points.get(i).plus(points.get(i + 1)) : points.get(i));
        }
        points.clear();
        points.addAll(merged);
        width *= 2;
        saved = 0;
        mergedSinceSave = true;
    }

    /** Every point, the one still filling last. */
    public List<Point> points() {
        List<Point> all = new ArrayList<>(points);
        if (filling != null) {
            all.add(filling);
        }
        return all;
    }

    /**
     * What the store must write to hold this series as it is now: the buckets from {@link
     * Unsaved#fromBucket} on (all of them after a merge, with the old rows deleted first).
     */
    Unsaved unsaved() {
        List<Point> all = points();
        return new Unsaved(mergedSinceSave, saved, all.subList(saved, all.size()));
    }

    /** The store holds everything {@link #unsaved} returned, the filling bucket excepted. */
    void markSaved(Unsaved written) {
        mergedSinceSave = false;
        saved = Math.max(
                saved, Math.min(points.size(), written.fromBucket + written.points.size()));
    }

    record Unsaved(boolean replaceAll, int fromBucket, List<Point> points) {}
}
