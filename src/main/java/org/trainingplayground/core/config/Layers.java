package org.trainingplayground.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trainingplayground.core.config.ConfigText.Parsed;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.Choice;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;

/**
 * The hidden layers as a link writes them: {@code 128-relu,64-relu}, width and activation key
 * per layer, "" for none. A width alone ({@code 128}) means ReLU, for people typing a link.
 */
final class Layers {

    private Layers() {}

    static String write(List<LayerSpec> hidden) {
        return hidden.stream()
                .map(layer -> layer.width() + "-" + layer.activation().key())
                .collect(Collectors.joining(","));
    }

    /** The layers, or the sentence for the first thing wrong; the depth and widths in limits. */
    static Parsed<List<LayerSpec>> read(String text, Limits limits) {
        if (text == null) {
            return Parsed.problem("No value given; write the layers as 128-relu,64-relu, or"
                    + " nothing for none.");
        }
        if (text.isBlank()) {
            return Parsed.of(List.of());
        }
        String[] parts = text.split(",", -1);
        if (parts.length > limits.maxHiddenLayers()) {
            // Checked before the parts are read: a link may list thousands.
            return Parsed.problem("At most " + limits.maxHiddenLayers()
                    + " hidden layers are allowed here; this network has " + parts.length + ".");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int dash = part.indexOf('-');
            String widthText = dash < 0 ? part : part.substring(0, dash);
            String activationText = dash < 0 ? Activation.RELU.key() : part.substring(dash + 1);
            String layer = "Layer " + (i + 1);
            Parsed<Long> width = ConfigText.whole(
                    widthText,
                    new ConfigText.Quantity(layer + "'s width", "128"),
                    Long.MIN_VALUE,
                    Long.MAX_VALUE);
            if (width.problem() == null && width.value() < 1) {
                width = Parsed.problem(
                        "A layer needs at least one unit, not " + width.value() + ".");
            }
            if (width.problem() != null) {
                return Parsed.problem(layer + ": " + width.problem()
                        + " Write each layer as width-activation, such as 128-relu.");
            }
            if (width.value() > limits.maxWidth()) {
                return Parsed.problem(layer + " has " + width.value() + " units; at most "
                        + limits.maxWidth() + " are allowed here.");
            }
            Activation activation;
            try {
                activation = Activation.fromKey(activationText);
            } catch (IllegalArgumentException unknown) {
                return Parsed.problem(layer + ": unknown activation "
                        + ConfigText.quote(activationText.trim()) + "; choose one of "
                        + keys() + ".");
            }
            layers.add(new LayerSpec(width.value().intValue(), activation));
        }
        return Parsed.of(List.copyOf(layers));
    }

    private static String keys() {
        return java.util.Arrays.stream(Activation.values())
                .map(Choice::key)
                .collect(Collectors.joining(", "));
    }
}
