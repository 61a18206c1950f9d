package org.trainingplayground.core.config;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads and writes the values of a configuration as text: the one set of rules and sentences
 * for numbers, whether they are typed into the settings form, written in a link or a file, or
 * given to {@code train}. A reader returns the number, or a sentence saying what is wrong and
 * what to write instead; it never clamps and never throws.
 */
public final class ConfigText {

    private static final Pattern DECIMAL = NumberPatterns.DECIMAL;
    private static final Pattern WHOLE = NumberPatterns.WHOLE;
    private static final int MAX_NUMBER_CHARS = NumberPatterns.MAX_NUMBER_CHARS;
    /** Longest part of a value quoted back in a sentence: a link can carry megabytes. */
    private static final int QUOTED_CODE_POINTS = 40;

    private ConfigText() {}

    /**
     * What is being read, for the sentences.
     *
     * @param name how a sentence names it, e.g. "the batch size" or "β1"
     * @param example a good value to suggest, e.g. "64"
     */
    public record Quantity(String name, String example) {}

    /** A value read from text, or the sentence saying why there is none. */
    public record Parsed<T>(T value, String problem) {

        public boolean ok() {
            return problem == null;
        }

        static <T> Parsed<T> of(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> problem(String sentence) {
            return new Parsed<>(null, sentence);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Parsed<Long> whole(String text, Quantity what, long min, long max) {
        String typed = text == null ? "" : text.trim();
        if (typed.isEmpty()) {
            return Parsed.problem(enter(what));
        }
        if (!WHOLE.matcher(typed).matches()) {
            if (typed.length() > MAX_NUMBER_CHARS) {
                return Parsed.problem(tooLong(typed, what));
            }
            return Parsed.problem(
                    DECIMAL.matcher(typed).matches()
                            ? quote(typed) + " is not a whole number; enter one such as "
                                    + what.example() + "."
                            : notANumber(typed, what));
        }
        String range = capitalised(what.name()) + " must be between " + min + " and " + max
                + ", not " + quote(typed, false) + ".";
        try {
            long value = Long.parseLong(typed.startsWith("+") ? typed.substring(1) : typed);
            return value < min || value > max ? Parsed.problem(range) : Parsed.of(value);
        } catch (NumberFormatException tooManyDigits) {
            return Parsed.problem(range);
        }
    }

    /** Any finite decimal number; ranges are the caller's. */
    public static Parsed<Double> decimal(String text, Quantity what) {
        String typed = text == null ? "" : text.trim();
        if (typed.isEmpty()) {
            return Parsed.problem(enter(what));
        }
        if (typed.length() > MAX_NUMBER_CHARS) {
            return Parsed.problem(tooLong(typed, what));
        }
        if (!DECIMAL.matcher(typed).matches()) {
            return Parsed.problem(notANumber(typed, what));
        }
        double value = Double.parseDouble(typed);
        if (Double.isInfinite(value)) {
            return Parsed.problem(
                    quote(typed) + " is too large; enter a number such as " + what.example() + ".");
        }
        // "-0" is 0: left as -0.0 it would make two equal settings unequal records.
        return Parsed.of(value + 0.0);
    }

    /** A fraction at least 0 and below 1, as momentum and Adam's betas are. */
    public static Parsed<Double> fraction(String text, Quantity what) {
        Parsed<Double> read = decimal(text, what);
        if (read.ok() && !(read.value() >= 0 && read.value() < 1)) {
            return Parsed.problem(capitalised(what.name()) + " must be at least 0 and below 1,"
                    + " such as " + what.example() + ", not " + quote(text.trim(), false) + ".");
        }
        return read;
    }

    /** A number of 0 or more, as weight decay and the speed are. */
    public static Parsed<Double> nonNegative(String text, Quantity what) {
        Parsed<Double> read = decimal(text, what);
        if (read.ok() && !(read.value() >= 0)) {
            return Parsed.problem(capitalised(what.name()) + " must be 0 or more, such as "
                    + what.example() + ", not " + quote(text.trim(), false) + ".");
        }
        return read;
    }

    /** {@code true} or {@code false}, in any case. */
    static Parsed<Boolean> bool(String text) {
        String typed = text == null ? "" : text.trim();
        if (typed.equalsIgnoreCase("true") || typed.equalsIgnoreCase("false")) {
            return Parsed.of(Boolean.parseBoolean(typed));
        }
        return Parsed.problem(
                typed.isEmpty() ? "No value given." : quote(typed) + " is neither true nor false.");
    }

    /**
     * A double as text that reads back to exactly the same double: plain digits where that is
     * short ("0.003"), the exponent form otherwise ("1.0E-12").
     */
    public static String format(double value) {
        double size = Math.abs(value);
        if (value == 0 || (size >= 1e-6 && size < 1e9)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value);
    }

    /** {@code text} in quotes, shortened when long, for a sentence. */
    static String quote(String text) {
        return quote(text, true);
    }

    /** {@code text} shortened to 40 characters when long, in quotes when {@code quoted}. */
    public static String quote(String text, boolean quoted) {
        String shown = text == null ? "" : text;
        if (shown.codePointCount(0, shown.length()) > QUOTED_CODE_POINTS) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, QUOTED_CODE_POINTS)) + "…";
        }
        return quoted ? "\"" + shown + "\"" : shown;
    }

    static String capitalised(String name) {
        return name.startsWith("the ") ? "The " + name.substring(4) : name;
    }

    private static String enter(Quantity what) {
        return "Enter a number for " + what.name() + ", such as " + what.example() + ".";
    }

    private static String tooLong(String typed, Quantity what) {
        return quote(typed) + " is " + typed.length() + " characters long; a number here has at"
                + " most " + MAX_NUMBER_CHARS + ", such as " + what.example() + ".";
    }

    private static String notANumber(String typed, Quantity what) {
        if (DECIMAL.matcher(typed.replace(',', '.')).matches()) {
            // A decimal comma, as many students' keyboards and schools write it.
            return quote(typed) + " is not a number; write decimals with a point, such as "
                    + what.example() + ".";
        }
        return quote(typed) + " is not a number; enter a number such as " + what.example() + ".";
    }
}
