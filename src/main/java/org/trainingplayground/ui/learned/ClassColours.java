package org.trainingplayground.ui.learned;

import java.util.List;
import java.util.Locale;

/**
 * The one palette for classes, so that class 3 has the same colour in the dataset preview, the
 * decision boundary and its legend. Ten clearly different hues (Tableau 10); an eleventh class
 * starts over.
 */
final class ClassColours {

    private static final List<String> PALETTE = List.of(
            "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#bab0ac");

    private ClassColours() {}

    /** The class colour as {@code #rrggbb}. */
    static String of(int cls) {
        return PALETTE.get(Math.floorMod(cls, PALETTE.size()));
    }

    /**
     * The class colour washed towards white: {@code strength} 1 is the colour itself, 0 is white.
     * Backgrounds use it so that the points drawn on top stay visible.
     */
    static String light(int cls, double strength) {
        return mix(of(cls), 255, strength);
    }

    /** A darker shade for points, so they stand out on a background of their own class. */
    static String dark(int cls) {
        return mix(of(cls), 0, 0.7);
    }

    private static String mix(String colour, int towards, double strength) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        int r = blend((rgb >> 16) & 0xff, towards, strength);
        int g = blend((rgb >> 8) & 0xff, towards, strength);
        int b = blend(rgb & 0xff, towards, strength);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static int blend(int channel, int towards, double strength) {
        return (int) Math.round(towards + (channel - towards) * strength);
    }
}
