package org.trainingplayground.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.trainingplayground.core.config.ConfigText;
import org.trainingplayground.core.spec.LayerSpec;

/** {@code train}'s {@code --hidden} and {@code --activation}, read together as the layers. */
final class LayerOptions {

    private final String hidden;
    private final String activation;

    /** Either may be null (not given). */
    LayerOptions(String hidden, String activation) {
        this.hidden = hidden;
        this.activation = activation;
    }

    /** {@code --hidden} and {@code --activation} as they were given, for a sentence. */
    String given() {
        return ((hidden == null ? "" : "--hidden " + ConfigText.quote(hidden, false) + " ")
                        + (activation == null
                                ? ""
                                : "--activation " + ConfigText.quote(activation, false)))
                .trim();
    }

    /**
     * {@code --hidden} and {@code --activation} as the table's layers ({@code 32-relu,16-tanh}),
     * or null when neither is given. {@code --activation} alone applies to the base's widths;
     * {@code --hidden} alone keeps the base's activation when it has one for all layers, and
     * takes ReLU when the base's were per layer.
     */
    String tableValue(List<LayerSpec> baseLayers) {
        if (hidden == null && activation == null) {
            return null;
        }
        List<String> widths = hidden == null
                ? baseLayers.stream()
                        .map(layer -> Integer.toString(layer.width()))
                        .toList()
                : Arrays.stream(hidden.split(","))
                        .filter(part -> !part.isBlank())
                        .toList();
        List<String> baseActivations = baseLayers.stream()
                .map(layer -> layer.activation().key())
                .distinct()
                .toList();
        String activations = activation != null
                ? activation
                : hidden == null
                        ? null
                        : baseActivations.size() == 1 ? baseActivations.get(0) : "relu";
        List<String> perLayer;
        if (activations == null) {
            perLayer =
                    baseLayers.stream().map(layer -> layer.activation().key()).toList();
        } else {
            String[] parts = activations.split(",");
            if (parts.length != 1 && parts.length != widths.size()) {
                throw new IllegalArgumentException(
                        "--activation lists " + parts.length + " activations but --hidden" + " has "
                                + widths.size() + " layers; give one, or one per layer.");
            }
            perLayer = parts.length == 1
                    ? Collections.nCopies(widths.size(), parts[0].trim())
                    : Arrays.stream(parts).map(String::trim).toList();
        }
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            layers.add(widths.get(i).trim() + "-" + perLayer.get(i));
        }
        return String.join(",", layers);
    }
}
