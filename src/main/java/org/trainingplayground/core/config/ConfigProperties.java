package org.trainingplayground.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainingplayground.core.Limits;

/**
 * The one table of configuration properties: each has a key, reads its value from text and
 * writes it back. URL parameters, the exported JSON and {@code train --config} all go through
 * it, so a new setting cannot be forgotten on one side.
 */
public final class ConfigProperties {

    private ConfigProperties() {}

    /** A value that was ignored, and why, for the user. */
    public record Notice(String key, String sentence) {}

    /** What reading produced: the configuration with every good value applied, and notices. */
    public record Reading(PlaygroundConfig config, List<Notice> notices) {}

    /**
     * Applies the values found onto {@code base}. Never throws: an unknown key, a bad value or
     * a value outside {@code limits} is left out with a notice, and the rest applies.
     *
     * @param values key → value as text (a URL's query parameters; the first value counts)
     */
    public static Reading read(Map<String, String> values, PlaygroundConfig base, Limits limits) {
        throw new UnsupportedOperationException("to be written");
    }

    /** Every property that applies to {@code config}, in table order, as text. */
    public static LinkedHashMap<String, String> write(PlaygroundConfig config) {
        throw new UnsupportedOperationException("to be written");
    }

    /** The properties as a URL query string (without the leading {@code ?}), URL-encoded. */
    public static String toQuery(PlaygroundConfig config) {
        throw new UnsupportedOperationException("to be written");
    }

    /** Parses a query string (with or without {@code ?}) into key → first value. */
    public static Map<String, String> parseQuery(String query) {
        throw new UnsupportedOperationException("to be written");
    }

    /** The exported file: a JSON object of the properties, numbers and booleans typed. */
    public static String toJson(PlaygroundConfig config) {
        throw new UnsupportedOperationException("to be written");
    }

    /** Reads an exported file; text that is not a JSON object is one notice, never a throw. */
    public static Reading fromJson(String json, PlaygroundConfig base, Limits limits) {
        throw new UnsupportedOperationException("to be written");
    }
}
