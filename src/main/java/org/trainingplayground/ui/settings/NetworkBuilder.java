package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import org.trainingplayground.core.config.ConfigText;
import org.trainingplayground.core.config.ConfigText.Quantity;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.NetworkSpec;

/**
 * Builds the lesson's {@code nn.Sequential}: hidden layers (Linear + activation) between the
 * fixed input and output layers, each with its width and activation, and the initialisation.
 * Every edit calls the {@link #setOnEdit edit callback}; the caller reads {@link #network()}.
 */
@CssImport("./styles/panels.css")
public class NetworkBuilder extends Composite<VerticalLayout> {

    private static final Quantity WIDTH = new Quantity("the width", "64");

    private final Div inputLayer = new Div();
    private final Div layers = new Div();
    private final Button addLayer = new Button("Add layer", VaadinIcon.PLUS.create());
    private final Div outputLayer = new Div();
    private final Div layersProblem = new Div();
    private final Select<Init> init = new Select<>();
    private final List<LayerRow> rows = new ArrayList<>();
    private int inputs = 784;
    private int outputs = 10;
    private int maxLayers = 6;
    private int maxWidth = 1024;
    private Runnable onEdit = () -> {};
    private boolean showing;

    public NetworkBuilder() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layers.setId("layers");
        inputLayer.setId("input-layer");
        outputLayer.setId("output-layer");
        addLayer.setId("add-layer");
        addLayer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        addLayer.addClickListener(e -> {
            addRow(new LayerSpec(64, Activation.RELU));
            edited();
        });
        layersProblem.setId("layers-error");
        layersProblem.addClassName("network-problem");
        layersProblem.setVisible(false);
        configureInit();
        for (Div fixed : List.of(inputLayer, outputLayer)) {
            fixed.addClassName("network-fixed-layer");
        }
        layout.add(inputLayer, layers, addLayer, outputLayer, layersProblem, init);
        showFixedLayers();
    }

    private void configureInit() {
        init.setId("init");
        init.setLabel("Initial weights");
        init.setItems(Init.values());
        init.setItemLabelGenerator(Init::label);
        init.setWidthFull();
        init.setHelperText("How the weights are drawn before the first step.");
        init.addValueChangeListener(e -> edited());
    }

    /** At most {@code layers} hidden layers of at most {@code width} units each. */
    public void setLimits(int layers, int width) {
        maxLayers = layers;
        maxWidth = width;
        addLayer.setTooltipText("At most " + maxLayers + " hidden layers.");
        showButtons();
    }

    public void setOnEdit(Runnable callback) {
        onEdit = callback;
    }

    /** Shows {@code network} without calling back. */
    public void show(NetworkSpec network) {
        showing = true;
        try {
            inputs = network.inputs();
            outputs = network.outputs();
            showFixedLayers();
            // Reuse the rows that are there, so a field being typed in keeps its place.
            while (rows.size() > network.hidden().size()) {
                removeRow(rows.get(rows.size() - 1));
            }
            for (int i = 0; i < network.hidden().size(); i++) {
                if (i < rows.size()) {
                    rows.get(i).show(network.hidden().get(i));
                } else {
                    addRow(network.hidden().get(i));
                }
            }
            init.setValue(network.init());
            clearProblem();
        } finally {
            showing = false;
        }
    }

    private void showFixedLayers() {
        inputLayer.setText(
                inputs == 2
                        ? "Input: 2 numbers, the point's x1 and x2"
                        : "Input: " + inputs + " pixels (each image is 28 × 28)");
        outputLayer.setText(
                "Output: Linear → " + outputs + " logits, one per class (fixed by the dataset)");
    }

    /** Inputs of the network, fixed by the dataset. */
    public int inputs() {
        return inputs;
    }

    /** Outputs of the network (one per class), fixed by the dataset. */
    public int outputs() {
        return outputs;
    }

    /** The network the form describes, or null while a width is invalid. */
    public NetworkSpec network() {
        List<LayerSpec> hidden = new ArrayList<>();
        for (LayerRow row : rows) {
            Integer width = row.width();
            if (width == null) {
                return null;
            }
            hidden.add(new LayerSpec(width, row.activation.getValue()));
        }
        return new NetworkSpec(inputs, hidden, outputs, init.getValue());
    }

    /** What the diagram should draw for each hidden layer, "?" for a width still invalid. */
    public List<String> hiddenLabels() {
        return rows.stream()
                .map(row -> {
                    Integer width = row.width();
                    String units = width == null ? "?" : Integer.toString(width);
                    Activation activation = row.activation.getValue();
                    return activation == Activation.NONE ? units : units + " " + activation.label();
                })
                .toList();
    }

    public boolean isValid() {
        return rows.stream().allMatch(row -> !row.width.isInvalid()) && !layersProblem.isVisible();
    }

    /** Shows a sentence about the network as a whole, e.g. an operator's limit. */
    public void showProblem(String sentence) {
        layersProblem.setText(
                layersProblem.isVisible() ? layersProblem.getText() + " " + sentence : sentence);
        layersProblem.setVisible(true);
    }

    public void clearProblem() {
        layersProblem.setText("");
        layersProblem.setVisible(false);
    }

    private void edited() {
        if (!showing) {
            clearProblem();
            onEdit.run();
        }
    }

    private void addRow(LayerSpec layer) {
        LayerRow row = new LayerRow();
        row.show(layer);
        rows.add(row);
        layers.add(row);
        renumber();
    }

    private void removeRow(LayerRow row) {
        rows.remove(row);
        layers.remove(row);
        renumber();
    }

    private void move(LayerRow row, int by) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        layers.removeAll();
        rows.forEach(layers::add);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i + 1);
        }
        showButtons();
    }

    private void showButtons() {
        addLayer.setEnabled(rows.size() < maxLayers);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).up.setEnabled(i > 0);
            rows.get(i).down.setEnabled(i < rows.size() - 1);
        }
    }

    /** One hidden layer: its name as PyTorch would print it, width, activation, buttons. */
    private final class LayerRow extends HorizontalLayout {
        private final Span name = new Span();
        private final TextField width = new TextField();
        private final Select<Activation> activation = new Select<>();
        private final Button up = iconButton(VaadinIcon.ARROW_UP);
        private final Button down = iconButton(VaadinIcon.ARROW_DOWN);
        private final Button remove = iconButton(VaadinIcon.CLOSE_SMALL);

        LayerRow() {
            setSpacing(false);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            addClassName("network-layer-row");
            name.addClassName("network-layer-name");
            width.setWidth("5.5em");
            width.setPlaceholder("units");
            width.addThemeName("small");
            // Fires when the field is left or Enter is pressed, not on every key.
            width.setValueChangeMode(ValueChangeMode.ON_CHANGE);
            width.addValueChangeListener(e -> {
                checkWidth();
                edited();
            });
            activation.setItems(Activation.values());
            activation.setItemLabelGenerator(Activation::label);
            activation.setWidth("7.5em");
            activation.addThemeName("small");
            activation.addValueChangeListener(e -> edited());
            up.addClickListener(e -> {
                move(this, -1);
                edited();
            });
            down.addClickListener(e -> {
                move(this, 1);
                edited();
            });
            remove.addClickListener(e -> {
                removeRow(this);
                edited();
            });
            add(name, width, activation, up, down, remove);
        }

        void show(LayerSpec layer) {
            width.setValue(Integer.toString(layer.width()));
            width.setInvalid(false);
            activation.setValue(layer.activation());
        }

        void number(int position) {
            String id = "layer-" + position;
            setId(id);
            name.setText("fc" + position);
            width.setId(id + "-width");
            width.setAriaLabel("Units of layer fc" + position);
            activation.setId(id + "-activation");
            activation.setAriaLabel("Activation after fc" + position);
            up.setId(id + "-up");
            up.setTooltipText("Move fc" + position + " up");
            up.setAriaLabel("Move fc" + position + " up");
            down.setId(id + "-down");
            down.setTooltipText("Move fc" + position + " down");
            down.setAriaLabel("Move fc" + position + " down");
            remove.setId(id + "-remove");
            remove.setTooltipText("Remove fc" + position);
            remove.setAriaLabel("Remove fc" + position);
        }

        private ConfigText.Parsed<Long> checkWidth() {
            ConfigText.Parsed<Long> read = ConfigText.whole(width.getValue(), WIDTH, 1, maxWidth);
            width.setInvalid(!read.ok());
            width.setErrorMessage(read.problem());
            return read;
        }

        /** The width typed, or null while it is invalid (which the field then says). */
        Integer width() {
            ConfigText.Parsed<Long> read = checkWidth();
            return read.ok() ? read.value().intValue() : null;
        }
    }

    private static Button iconButton(VaadinIcon icon) {
        Button button = new Button(icon.create());
        button.addThemeVariants(
                ButtonVariant.LUMO_ICON,
                ButtonVariant.LUMO_TERTIARY_INLINE,
                ButtonVariant.LUMO_SMALL);
        return button;
    }
}
