package org.trainingplayground.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainingplayground.core.config.ConfigProperties.Notice;
import org.trainingplayground.core.config.ConfigProperties.Reading;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;

/** The exported settings file: the properties of {@link ConfigProperties} as a JSON object. */
public final class ConfigJson {

    /** The {@code "format"} of an exported file, telling ours from any other JSON. */
    public static final String JSON_FORMAT = "training-playground-config";
    /** The {@code "version"} of the exported file this code writes and reads. */
    public static final int JSON_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigJson() {}

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
        ConfigProperties.write(config).forEach((key, text) -> {
            switch (PropertyTable.BY_KEY.get(key).json()) {
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
        Reading reading = ConfigProperties.read(values, base, limits);
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
}
