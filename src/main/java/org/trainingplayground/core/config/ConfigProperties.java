package org.trainingplayground.core.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.trainingplayground.core.config.PropertyTable.Property;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;

/**
 * Reads and writes configurations through the one {@link PropertyTable}: URL parameters, the
 * exported JSON ({@link ConfigJson}), {@code train}'s options and the settings form's fields
 * all go through it, so a rule and its sentence exist once and a new setting cannot be
 * forgotten on one side.
 *
 * <p>Reading applies the properties in table order whatever order they come in: the dataset
 * before its settings and the layers, the optimizer before its own settings. A property that
 * does not apply to the chosen dataset or optimizer (momentum with Adam, points with MNIST) is
 * ignored with a notice: a configuration only holds what applies, so it could not be kept. The
 * other optimizer's settings are reset to their defaults, as the settings form does, so a link
 * reads back the same whatever the page showed before.
 */
public final class ConfigProperties {

    private ConfigProperties() {}

    /** A value that was ignored, and why, for the user. */
    public record Notice(String key, String sentence) {}

    /** What reading produced: the configuration with every good value applied, and notices. */
    public record Reading(PlaygroundConfig config, List<Notice> notices) {}

    /**
     * What checking produced: the configuration with every good value applied, and for each key
     * whose value was refused (or does not apply), the sentence saying why, without the key, in
     * table order.
     */
    public record Check(PlaygroundConfig config, Map<String, String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The keys of every property, in table order (the order they are written and applied). */
    public static List<String> keys() {
        return List.copyOf(PropertyTable.BY_KEY.keySet());
    }

    /**
     * Applies the values found onto {@code base}. Never throws: an unknown key, a bad value or
     * a value outside {@code limits} is left out with a notice, and the rest applies.
     *
     * @param values key → value as text (a URL's query parameters; the first value counts)
     * @param base the configuration the values change; trusted to be within {@code limits}
     */
    public static Reading read(Map<String, String> values, PlaygroundConfig base, Limits limits) {
        Applied applied = apply(values, base, limits);
        return new Reading(applied.config(), List.copyOf(applied.notices()));
    }

    /**
     * Applies the values as {@link #read} does, for the settings form and {@code train}, which
     * refuse what a link would ignore: each problem is keyed by the property it belongs to.
     */
    public static Check check(Map<String, String> values, PlaygroundConfig base, Limits limits) {
        Applied applied = apply(values, base, limits);
        return new Check(applied.config(), Collections.unmodifiableMap(applied.problems()));
    }

    /** The hidden layers as a link writes them ({@code 128-relu,64-relu}). */
    public static String layersText(List<LayerSpec> hidden) {
        return Layers.write(hidden);
    }

    private record Applied(
            PlaygroundConfig config, List<Notice> notices, Map<String, String> problems) {

        void refuse(String key, String notice, String problem) {
            notices.add(new Notice(key, notice));
            problems.merge(key, problem, (first, next) -> first + " " + next);
        }
    }

    private static Applied apply(Map<String, String> values, PlaygroundConfig base, Limits limits) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(limits, "limits");
        Map<String, String> given = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> given.put(key == null ? "" : key, value));
        }
        Draft draft = new Draft(base, limits);
        Applied applied = new Applied(null, new ArrayList<>(), new LinkedHashMap<>());
        List<String> taken = new ArrayList<>();
        for (Property property : PropertyTable.TABLE) {
            if (!given.containsKey(property.key())) {
                continue;
            }
            String text = given.get(property.key());
            String problem;
            if (!property.applies().test(draft)) {
                String why = ConfigText.capitalised(property.name()) + " applies to "
                        + property.onlyFor() + " only";
                applied.refuse(
                        property.key(),
                        said(property.key(), text) + ": " + why + "; ignored.",
                        why + ".");
            } else if ((problem = property.reader().read(text, draft)) != null) {
                applied.refuse(
                        property.key(),
                        said(property.key(), text) + ": " + problem + " " + stays(property, draft),
                        problem);
            } else {
                taken.add(property.key());
            }
        }
        for (String key : given.keySet()) {
            if (!PropertyTable.BY_KEY.containsKey(key)) {
                String problem = "Unknown setting " + ConfigText.quote(key) + " ignored.";
                applied.refuse(key, problem, problem);
            }
        }
        PlaygroundConfig config = draft.settle(taken, (key, sentence) -> {
            Property property = PropertyTable.BY_KEY.get(key);
            applied.refuse(
                    key,
                    property == null
                            ? sentence
                            : said(key, given.get(key)) + ": " + sentence + " "
                                    + stays(property, draft),
                    sentence);
        });
        return new Applied(config, applied.notices(), applied.problems());
    }

    /** Every property that applies to {@code config}, in table order, as text. */
    public static LinkedHashMap<String, String> write(PlaygroundConfig config) {
        Draft draft = new Draft(config, Limits.defaults());
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (Property property : PropertyTable.TABLE) {
            if (property.applies().test(draft)) {
                values.put(property.key(), property.value().apply(draft));
            }
        }
        return values;
    }

    /** The properties as a URL query string (without the leading {@code ?}), URL-encoded. */
    public static String toQuery(PlaygroundConfig config) {
        return write(config).entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        // A comma is allowed in a query as it is, and "128-relu,64-relu" reads better than
        // "128-relu%2C64-relu" in the address bar.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2C", ",");
    }

    /**
     * Parses a query string (with or without {@code ?}) into key → first value. Empty parts
     * ({@code &&}) are skipped; a part without {@code =} has the value "".
     */
    public static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null) {
            return values;
        }
        String text = query.startsWith("?") ? query.substring(1) : query;
        for (String part : text.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String key = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            values.putIfAbsent(decode(key), decode(value));
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // "%zz" or a lone "%": taken literally, so the reader names it in its notice.
            return text;
        }
    }

    /** "key=value" as the user gave it, shortened, for the start of a notice. */
    private static String said(String key, String text) {
        return key + "=" + ConfigText.quote(text, false);
    }

    private static String stays(Property property, Draft draft) {
        String value = property.value().apply(draft);
        boolean plural = property.name().endsWith("layers");
        return ConfigText.capitalised(property.name()) + (plural ? " stay " : " stays ")
                + (value.isEmpty() ? "none" : value) + ".";
    }
}
