package org.trainingplayground.ui.settings;

import java.util.regex.Pattern;
import org.trainingplayground.core.config.NumberPatterns;

/**
 * Reads numbers people type into the settings form. A bad value gets a sentence saying what is
 * wrong and what to type instead; it is never clamped, and reading never throws.
 */
public final class NumberText {

    // The configuration's patterns (possessive, so a long value cannot make them backtrack).
    private static final Pattern DECIMAL = NumberPatterns.DECIMAL;
    private static final Pattern WHOLE = NumberPatterns.WHOLE;
    /** Longest part of a typed value quoted back in a sentence. */
    private static final int QUOTED_CHARS = 40;

    private NumberText() {}

    /**
     * What is being typed, for the sentences.
     *
     * @param name how a sentence names it, e.g. "the batch size" or "β1"
     * @param example a good value to suggest, e.g. "64"
     */
    public record Quantity(String name, String example) {}

    /** A value read from text, or the sentence saying why there is none. */
    public record Reading<T>(T value, String problem) {

        public boolean ok() {
            return problem == null;
        }

        static <T> Reading<T> of(T value) {
            return new Reading<>(value, null);
        }

        static <T> Reading<T> problem(String sentence) {
            return new Reading<>(null, sentence);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Reading<Long> whole(String text, Quantity what, long min, long max) {
        String typed = text == null ? "" : text.trim();
        if (typed.isEmpty()) {
            return Reading.problem(enter(what));
        }
        if (typed.length() > NumberPatterns.MAX_NUMBER_CHARS) {
            return Reading.problem("This is " + typed.length() + " characters long; enter a"
                    + " number such as " + what.example() + ".");
        }
        if (!WHOLE.matcher(typed).matches()) {
            return Reading.problem(notANumber(typed, what, true));
        }
        String range = capitalised(what.name()) + " must be between " + min + " and " + max
                + ", not " + typed + ".";
        try {
            long value = Long.parseLong(typed.startsWith("+") ? typed.substring(1) : typed);
            return value < min || value > max ? Reading.problem(range) : Reading.of(value);
        } catch (NumberFormatException tooManyDigits) {
            return Reading.problem(range);
        }
    }

    /** A fraction at least 0 and below 1, as momentum and Adam's betas are. */
    public static Reading<Double> fraction(String text, Quantity what) {
        Reading<Double> read = decimal(text, what);
        if (read.ok() && !(read.value() >= 0 && read.value() < 1)) {
            return Reading.problem(capitalised(what.name()) + " must be at least 0 and below 1,"
                    + " such as " + what.example() + ", not " + text.trim() + ".");
        }
        return read;
    }

    /** A number of 0 or more, as weight decay is. */
    public static Reading<Double> nonNegative(String text, Quantity what) {
        Reading<Double> read = decimal(text, what);
        if (read.ok() && !(read.value() >= 0)) {
            return Reading.problem(capitalised(what.name()) + " must be 0 or more, such as "
                    + what.example() + ", not " + text.trim() + ".");
        }
        return read;
    }

    private static Reading<Double> decimal(String text, Quantity what) {
        String typed = text == null ? "" : text.trim();
        if (typed.isEmpty()) {
            return Reading.problem(enter(what));
        }
        if (typed.length() > NumberPatterns.MAX_NUMBER_CHARS) {
            return Reading.problem("This is " + typed.length() + " characters long; enter a"
                    + " number such as " + what.example() + ".");
        }
        if (!DECIMAL.matcher(typed).matches()) {
            return Reading.problem(notANumber(typed, what, false));
        }
        double value = Double.parseDouble(typed);
        if (Double.isInfinite(value)) {
            return Reading.problem("\"" + shortened(typed) + "\" is too large; enter a number"
                    + " such as " + what.example() + ".");
        }
        return Reading.of(value);
    }

    private static String enter(Quantity what) {
        return "Enter a number for " + what.name() + ", such as " + what.example() + ".";
    }

    private static String notANumber(String typed, Quantity what, boolean wholeWanted) {
        if (wholeWanted && DECIMAL.matcher(typed).matches()) {
            return "\"" + shortened(typed) + "\" is not a whole number; enter one such as "
                    + what.example() + ".";
        }
        if (!wholeWanted && DECIMAL.matcher(typed.replace(',', '.')).matches()) {
            // A decimal comma, as many students' keyboards and schools write it.
            return "\"" + shortened(typed) + "\" is not a number; write decimals with a point,"
                    + " such as " + what.example() + ".";
        }
        return "\"" + shortened(typed) + "\" is not a number; enter a number such as "
                + what.example() + ".";
    }

    private static String shortened(String typed) {
        return typed.length() > QUOTED_CHARS ? typed.substring(0, QUOTED_CHARS) + "…" : typed;
    }

    private static String capitalised(String name) {
        return name.startsWith("the ") ? "The " + name.substring(4) : name;
    }
}
