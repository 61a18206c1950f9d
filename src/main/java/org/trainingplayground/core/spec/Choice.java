package org.trainingplayground.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A named option a user picks by a short lower-case key, e.g. on the command line. */
public interface Choice {

    /** The lower-case key used on the command line and in URLs, e.g. {@code relu}. */
    String key();

    /** The name shown to people, e.g. {@code ReLU}. */
    String label();

    /**
     * Finds the constant whose key is {@code text}; throws with a sentence listing the keys.
     *
     * @param what what is being chosen, for the message ("activation")
     */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String text, String what) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        E[] choices = type.getEnumConstants();
        for (E choice : choices) {
            if (choice.key().equals(wanted)) {
                return choice;
            }
        }
        String keys = Arrays.stream(choices).map(Choice::key).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown " + what + " \"" + shortened(text) + "\":"
                + " choose one of " + keys + ".");
    }

    /** The text as a sentence quotes it: trimmed, and cut at 40 characters (a link may be long). */
    private static String shortened(String text) {
        String shown = text == null ? "" : text.trim();
        int longest = 40;
        return shown.codePointCount(0, shown.length()) > longest
                ? shown.substring(0, shown.offsetByCodePoints(0, longest)) + "…"
                : shown;
    }
}
