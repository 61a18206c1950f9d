package org.trainingplayground.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.trainingplayground.core.config.ConfigText.Parsed;
import org.trainingplayground.core.spec.Choice;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;

/**
 * The one table of configuration properties: each has a key, reads its value from text and
 * writes it back. URL parameters, the exported JSON and {@code train --config} all go through
 * it, so a new setting cannot be forgotten on one side.
 *
 * <p>Reading applies the properties in table order whatever order they come in: the dataset
 * before its settings and the layers, the optimizer before its own settings. A property that
 * does not apply to the chosen dataset or optimizer (momentum with Adam, points with MNIST) is
 * ignored with a notice: a configuration only holds what applies, so it could not be kept. The
 * other optimizer's settings are reset to their defaults, as the settings form does, so a link
 * reads back the same whatever the page showed before.
 */
public final class ConfigProperties {

    /** The {@code "format"} of an exported file, telling ours from any other JSON. */
    public static final String JSON_FORMAT = "training-playground-config";
    /** The {@code "version"} of the exported file this code writes and reads. */
    public static final int JSON_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigProperties() {}

    /** A value that was ignored, and why, for the user. */
    public record Notice(String key, String sentence) {}

    /** What reading produced: the configuration with every good value applied, and notices. */
    public record Reading(PlaygroundConfig config, List<Notice> notices) {}

    /** How a property's value is typed in the exported JSON. */
    private enum JsonType {
        TEXT,
        NUMBER,
        BOOLEAN,
        LAYERS
    }

    /** Reads one value into the draft; returns a sentence when it is refused, else null. */
    private interface Reader {
        String read(String text, Draft draft);
    }

    /**
     * One setting.
     *
     * @param name how sentences name it, e.g. "the learning rate"
     * @param applies whether it belongs to the configuration at all (written, or read)
     * @param onlyFor what it applies to, for the notice when it does not, e.g. "SGD"
     * @param value its value as text
     */
    private record Property(
            String key,
            String name,
            JsonType json,
            Predicate<Draft> applies,
            String onlyFor,
            Function<Draft, String> value,
            Reader reader) {}

    private static final Predicate<Draft> ALWAYS = draft -> true;
    private static final Predicate<Draft> POINT_SETS = draft -> !draft.kind.images();
    private static final Predicate<Draft> SGD = draft -> draft.optimizer == OptimizerKind.SGD;
    private static final Predicate<Draft> ADAM = draft -> draft.optimizer == OptimizerKind.ADAM;

    private static final List<Property> TABLE = List.of(
            new Property(
                    "dataset",
                    "the dataset",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.kind.key(),
                    (text, draft) ->
                            choose(DatasetKind.class, text, "dataset", draft::switchDataset)),
            new Property(
                    "points",
                    "the number of points",
                    JsonType.NUMBER,
                    POINT_SETS,
                    "the 2-D sets",
                    draft -> Integer.toString(draft.points),
                    (text, draft) -> take(
                            ConfigText.whole(
                                    text,
                                    "the number of points",
                                    DatasetSpec.MIN_POINTS,
                                    DatasetSpec.MAX_POINTS),
                            value -> null,
                            value -> draft.points = value.intValue())),
            new Property(
                    "noise",
                    "the noise",
                    JsonType.NUMBER,
                    POINT_SETS,
                    "the 2-D sets",
                    draft -> ConfigText.format(draft.noise),
                    (text, draft) -> take(
                            ConfigText.decimal(text),
                            DatasetSpec::noiseProblem,
                            value -> draft.noise = value)),
            new Property(
                    "test",
                    "the test share",
                    JsonType.NUMBER,
                    POINT_SETS,
                    "the 2-D sets",
                    draft -> ConfigText.format(draft.testFraction),
                    (text, draft) -> take(
                            ConfigText.decimal(text),
                            DatasetSpec::testFractionProblem,
                            value -> draft.testFraction = value)),
            new Property(
                    "classes",
                    "the number of classes",
                    JsonType.NUMBER,
                    draft -> draft.kind.classesAdjustable(),
                    "spiral and gaussian",
                    draft -> Integer.toString(draft.classes),
                    (text, draft) -> take(
                            ConfigText.whole(
                                    text,
                                    "the number of classes",
                                    draft.kind.minClasses(),
                                    draft.kind.maxClasses()),
                            value -> null,
                            value -> draft.classes = value.intValue())),
            new Property(
                    "layers",
                    "the hidden layers",
                    JsonType.LAYERS,
                    ALWAYS,
                    null,
                    draft -> Layers.write(draft.hidden),
                    (text, draft) -> take(
                            Layers.read(text, draft.limits),
                            value -> null,
                            value -> draft.hidden = value)),
            new Property(
                    "init",
                    "the initialisation",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.init.key(),
                    (text, draft) -> choose(
                            Init.class, text, "initialisation", value -> draft.init = value)),
            new Property(
                    "loss",
                    "the loss",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.loss.key(),
                    (text, draft) ->
                            choose(LossKind.class, text, "loss", value -> draft.loss = value)),
            new Property(
                    "optimizer",
                    "the optimizer",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.optimizer.key(),
                    (text, draft) -> choose(
                            OptimizerKind.class,
                            text,
                            "optimizer",
                            value -> draft.optimizer = value)),
            new Property(
                    "lr",
                    "the learning rate",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> ConfigText.format(draft.learningRate),
                    (text, draft) -> take(
                            ConfigText.decimal(text),
                            OptimizerSpec::learningRateProblem,
                            value -> draft.learningRate = value)),
            new Property(
                    "momentum",
                    "the momentum",
                    JsonType.NUMBER,
                    SGD,
                    "SGD",
                    draft -> ConfigText.format(draft.momentum),
                    (text, draft) -> take(
                            ConfigText.fraction(text, "the momentum", "0.9"),
                            value -> null,
                            value -> draft.momentum = value)),
            new Property(
                    "nesterov",
                    "Nesterov momentum",
                    JsonType.BOOLEAN,
                    SGD,
                    "SGD",
                    draft -> Boolean.toString(draft.nesterov),
                    (text, draft) -> take(
                            ConfigText.bool(text), value -> null, value -> draft.nesterov = value)),
            new Property(
                    "beta1",
                    "β1",
                    JsonType.NUMBER,
                    ADAM,
                    "Adam",
                    draft -> ConfigText.format(draft.beta1),
                    (text, draft) -> take(
                            ConfigText.fraction(text, "β1", "0.9"),
                            value -> null,
                            value -> draft.beta1 = value)),
            new Property(
                    "beta2",
                    "β2",
                    JsonType.NUMBER,
                    ADAM,
                    "Adam",
                    draft -> ConfigText.format(draft.beta2),
                    (text, draft) -> take(
                            ConfigText.fraction(text, "β2", "0.999"),
                            value -> null,
                            value -> draft.beta2 = value)),
            new Property(
                    "decay",
                    "the weight decay",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> ConfigText.format(draft.weightDecay),
                    (text, draft) -> take(
                            ConfigText.nonNegative(text, "the weight decay", "0.0001"),
                            value -> null,
                            value -> draft.weightDecay = value)),
            new Property(
                    "batch",
                    "the batch size",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> Integer.toString(draft.batchSize),
                    (text, draft) -> take(
                            ConfigText.whole(
                                    text, "the batch size", 1, draft.limits.maxBatchSize()),
                            value -> null,
                            value -> draft.batchSize = value.intValue())),
            new Property(
                    "epochs",
                    "the number of epochs",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> Integer.toString(draft.epochs),
                    (text, draft) -> take(
                            ConfigText.whole(
                                    text, "the number of epochs", 1, draft.limits.maxEpochs()),
                            value -> null,
                            value -> draft.epochs = value.intValue())),
            new Property(
                    "seed",
                    "the seed",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> Long.toString(draft.seed),
                    (text, draft) -> take(
                            ConfigText.whole(text, "the seed", 0, Long.MAX_VALUE),
                            value -> null,
                            value -> draft.seed = value)),
            new Property(
                    "speed",
                    "the speed",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> ConfigText.format(draft.speed),
                    (text, draft) -> take(
                            ConfigText.nonNegative(text, "the speed", "5"),
                            value -> null,
                            value -> draft.speed = value)));

    private static final Map<String, Property> BY_KEY = TABLE.stream()
            .collect(Collectors.toMap(
                    Property::key, property -> property, (a, b) -> a, LinkedHashMap::new));

    /** The keys of every property, in table order (the order they are written and applied). */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /**
     * Applies the values found onto {@code base}. Never throws: an unknown key, a bad value or
     * a value outside {@code limits} is left out with a notice, and the rest applies.
     *
     * @param values key → value as text (a URL's query parameters; the first value counts)
     * @param base the configuration the values change; trusted to be within {@code limits}
     */
    public static Reading read(Map<String, String> values, PlaygroundConfig base, Limits limits) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(limits, "limits");
        Map<String, String> given = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> given.put(key == null ? "" : key, value));
        }
        Draft draft = new Draft(base, limits);
        List<Notice> notices = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (Property property : TABLE) {
            if (!given.containsKey(property.key())) {
                continue;
            }
            String text = given.get(property.key());
            String problem;
            if (!property.applies().test(draft)) {
                notices.add(new Notice(
                        property.key(),
                        said(property.key(), text) + ": "
                                + ConfigText.capitalised(property.name()) + " applies to "
                                + property.onlyFor() + " only; ignored."));
            } else if ((problem = property.reader().read(text, draft)) != null) {
                notices.add(new Notice(
                        property.key(),
                        said(property.key(), text) + ": " + problem + " "
                                + stays(property, draft)));
            } else {
                taken.add(property.key());
            }
        }
        for (String key : given.keySet()) {
            if (!BY_KEY.containsKey(key)) {
                notices.add(
                        new Notice(key, "Unknown setting " + ConfigText.quote(key) + " ignored."));
            }
        }
        PlaygroundConfig config = draft.settle(taken, (key, sentence) -> {
            Property property = BY_KEY.get(key);
            notices.add(new Notice(
                    key,
                    property == null
                            ? sentence
                            : said(key, given.get(key)) + ": " + sentence + " "
                                    + stays(property, draft)));
        });
        return new Reading(config, List.copyOf(notices));
    }

    /** Every property that applies to {@code config}, in table order, as text. */
    public static LinkedHashMap<String, String> write(PlaygroundConfig config) {
        Draft draft = new Draft(config, Limits.defaults());
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (Property property : TABLE) {
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

    /**
     * The exported file: a JSON object of the properties, numbers and booleans typed, the layers
     * as an array of {@code {"width": 128, "activation": "relu"}} objects, headed by
     * {@code "format": "training-playground-config"} and {@code "version": 1}.
     */
    public static String toJson(PlaygroundConfig config) {
        ObjectNode file = JSON.createObjectNode();
        file.put("format", JSON_FORMAT);
        file.put("version", JSON_VERSION);
        Draft draft = new Draft(config, Limits.defaults());
        write(config).forEach((key, text) -> {
            switch (BY_KEY.get(key).json()) {
                case TEXT -> file.put(key, text);
                case NUMBER -> file.put(key, new BigDecimal(text));
                case BOOLEAN -> file.put(key, Boolean.parseBoolean(text));
                case LAYERS -> {
                    ArrayNode layers = file.putArray(key);
                    for (LayerSpec layer : draft.hidden) {
                        layers.addObject()
                                .put("width", layer.width())
                                .put("activation", layer.activation().key());
                    }
                }
            }
        });
        try {
            return JSON.writeValueAsString(file);
        } catch (JsonProcessingException impossibleForATree) {
            throw new IllegalStateException(impossibleForATree);
        }
    }

    /**
     * Reads an exported file; text that is not a JSON object is one notice, never a throw.
     * Each value is turned into text and read by the same table as a link's; the layers may
     * also be given as a link's text ({@code "128-relu,64-relu"}).
     */
    public static Reading fromJson(String json, PlaygroundConfig base, Limits limits) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            return unread(base, "", "The file is not valid JSON" + where + "; nothing was read.");
        }
        if (root == null || !root.isObject()) {
            return unread(base, "", "The file holds no JSON object; nothing was read.");
        }
        JsonNode format = root.get("format");
        if (format == null || !JSON_FORMAT.equals(format.asText())) {
            return unread(
                    base,
                    "format",
                    "The file is not a Training Playground configuration"
                            + " (it lacks \"format\": \"" + JSON_FORMAT + "\"); nothing was read.");
        }
        List<Notice> fileNotices = new ArrayList<>();
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != JSON_VERSION) {
            fileNotices.add(new Notice(
                    "version",
                    "The file's version is "
                            + (version == null ? "missing" : ConfigText.quote(version.toString()))
                            + ", not " + JSON_VERSION + "; the settings this playground knows were"
                            + " read."));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!Set.of("format", "version").contains(field.getKey())) {
                values.put(field.getKey(), asText(field.getKey(), field.getValue()));
            }
        }
        Reading reading = read(values, base, limits);
        fileNotices.addAll(reading.notices());
        return new Reading(reading.config(), List.copyOf(fileNotices));
    }

    private static Reading unread(PlaygroundConfig base, String key, String sentence) {
        return new Reading(base, List.of(new Notice(key, sentence)));
    }

    /** A JSON value as the text a link would carry, so the table's readers judge it. */
    private static String asText(String key, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if ("layers".equals(key) && value.isArray()) {
            List<String> layers = new ArrayList<>();
            for (JsonNode layer : value) {
                layers.add(
                        layer.isObject()
                                ? textOf(layer.get("width")) + "-" + textOf(layer.get("activation"))
                                : textOf(layer));
            }
            return String.join(",", layers);
        }
        return textOf(value);
    }

    private static String textOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
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

    /**
     * Reads a number, checks it with {@code problem} (a core check returning a sentence or
     * null) and hands it to {@code set} when both are happy.
     */
    private static <T> String take(
            Parsed<T> parsed, Function<T, String> problem, java.util.function.Consumer<T> set) {
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        String refused = problem.apply(parsed.value());
        if (refused != null) {
            return refused;
        }
        set.accept(parsed.value());
        return null;
    }

    /** Picks a constant by its key, as {@link Choice#parse} does, quoting long text shortly. */
    private static <E extends Enum<E> & Choice> String choose(
            Class<E> type, String text, String what, java.util.function.Consumer<E> set) {
        String wanted = text == null ? "" : text.trim();
        try {
            set.accept(Choice.parse(type, wanted, what));
            return null;
        } catch (IllegalArgumentException unknown) {
            String keys = Arrays.stream(type.getEnumConstants())
                    .map(Choice::key)
                    .collect(Collectors.joining(", "));
            return "Unknown " + what + " " + ConfigText.quote(wanted) + ": choose one of " + keys
                    + ".";
        }
    }
}
