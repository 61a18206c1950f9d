package org.trainingplayground.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.MathContext;

/** The JSON a chart sends and checks: compact point batches, options parsed as strictly as the browser. */
final class ChartJson {

    private ChartJson() {}

    /** y-values are for looking at: six significant digits are plenty and keep pushes small. */
    private static final MathContext Y_PRECISION = new MathContext(6);

    /** x-values must stay distinct and ordered even for long fractional runs, so keep more. */
    private static final MathContext X_PRECISION = new MathContext(10);

    /** Integral values below this are written exactly, without rounding or exponent. */
    private static final double EXACT_INTEGER_LIMIT = 9.007199254740992E15; // 2^53

    /** Only for checking the option early; as strict as the browser's JSON.parse. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The wire format of {@link EChart#appendPoints}: {@code {"x":[…],"y":[[…],…]}}. */
    static String points(double[] xs, double[][] ys) {
        // About 10 characters per number; sizing up front avoids copying a large history.
        StringBuilder json = new StringBuilder(16 + 10 * xs.length * (1 + ys.length));
        json.append("{\"x\":");
        appendArray(json, xs, X_PRECISION);
        json.append(",\"y\":[");
        for (int s = 0; s < ys.length; s++) {
            if (s > 0) {
                json.append(',');
            }
            appendArray(json, ys[s], Y_PRECISION);
        }
        return json.append("]}").toString();
    }

    private static void appendArray(StringBuilder json, double[] values, MathContext precision) {
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            appendNumber(json, values[i], precision);
        }
        json.append(']');
    }

    private static void appendNumber(StringBuilder json, double value, MathContext precision) {
        if (!Double.isFinite(value)) {
            json.append("null"); // JSON has no NaN or Infinity
        } else if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
            json.append((long) value); // step counts and exact zeros stay short and exact
        } else {
            // BigDecimal's toString is valid JSON (e.g. 0.0123457 or 1.23457E-7) and, unlike
            // rounding a double, never brings back long binary tails such as 0.30000000000000004.
            json.append(new BigDecimal(value, precision).stripTrailingZeros().toString());
        }
    }

    /** The option as a JSON object, or a sentence why it is not one. */
    static JsonNode requireObject(String optionJson) {
        JsonNode parsed = parse(optionJson, "The chart option");
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("The chart option must be a JSON object.");
        }
        return parsed;
    }

    static JsonNode parse(String json, String what) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new IllegalArgumentException(what + " is empty.");
        }
        return parsed;
    }
}
