package org.trainingplayground.core.config;

import java.util.regex.Pattern;

/**
 * What counts as a number in a link, a settings file, the {@code train} command and the
 * settings form, which all read numbers through these.
 */
public final class NumberPatterns {

    /**
     * A decimal number, stricter than {@link Double#parseDouble}, which also takes "NaN", "1d"
     * or hexadecimal. The quantifiers are possessive: with "\\d+\\.?\\d*" a run of digits
     * could be split in n ways, and 40,000 digits followed by a letter took 16 s to refuse.
     */
    public static final Pattern DECIMAL =
            Pattern.compile("[-+]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][-+]?+\\d++)?+");

    /** A whole number, with an optional sign. */
    public static final Pattern WHOLE = Pattern.compile("[-+]?+\\d++");

    /**
     * Longest number read at all: a double needs 17 significant digits and an exponent, so
     * anything longer is refused before a pattern looks at it.
     */
    public static final int MAX_NUMBER_CHARS = 64;

    private NumberPatterns() {}
}
