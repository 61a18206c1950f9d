package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.List;

/**
 * The network drawn as a row of boxes, one per layer with its width, e.g. {@code 784 → 128 ReLU
 * → 64 ReLU → 10}. Plain elements and CSS; the row wraps when it is long.
 */
@CssImport("./styles/panels.css")
public class NetworkDiagram extends Div {

    public NetworkDiagram() {
        setId("network-diagram");
        addClassName("network-diagram");
    }

    /**
     * Draws {@code inputs}, then one box per hidden layer labelled as given ("128 ReLU"), then
     * the {@code outputs} logits.
     */
    public void show(int inputs, List<String> hidden, int outputs) {
        removeAll();
        add(box(Integer.toString(inputs), "Input: one number per pixel", true));
        for (int i = 0; i < hidden.size(); i++) {
            add(
                    arrow(),
                    box(hidden.get(i), "fc" + (i + 1) + ": Linear, then its activation", false));
        }
        add(arrow(), box(Integer.toString(outputs), "Output: one logit per digit", true));
    }

    private static Div box(String text, String title, boolean fixed) {
        Div box = new Div(text);
        box.addClassName("layer-box");
        box.setClassName("layer-box-fixed", fixed);
        box.setTitle(title);
        return box;
    }

    private static Span arrow() {
        Span arrow = new Span("→");
        arrow.addClassName("network-diagram-arrow");
        return arrow;
    }
}
