package org.trainingplayground.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.Locale;
import org.trainingplayground.core.Activation;
import org.trainingplayground.core.OptimizerKind;
import org.trainingplayground.core.OptimizerSpec;
import org.trainingplayground.core.RunSpec;

/**
 * The run's settings. It never touches the session: when the whole form is valid it fires a
 * {@link SettingsEvent} with the new settings, and the view decides what to do with them.
 */
class SettingsPanel extends Composite<VerticalLayout> {

    private final Select<OptimizerKind> optimizer = new Select<>();
    private final TextField learningRate = new TextField("Learning rate");
    private final Div network = new Div();
    private RunSpec shown;
    private boolean updatingFromSession;

    SettingsPanel() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.setWidth("300px");
        layout.add(new H3("Network"), network, configureOptimizer(), configureLearningRate());
        network.setId("network");
        network.getStyle().set("font-size", "0.9em").set("line-height", "1.5");
    }

    private Select<OptimizerKind> configureOptimizer() {
        optimizer.setId("optimizer");
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::label);
        optimizer.setWidthFull();
        optimizer.addValueChangeListener(e -> settingsEdited());
        return optimizer;
    }

    private TextField configureLearningRate() {
        learningRate.setId("learning-rate");
        learningRate.setWidthFull();
        learningRate.setHelperText("SGD: try 0.01 to 0.1 · Adam: try 0.001. The lesson's 0.003"
                + " learns slowly on our 8,000 digits.");
        learningRate.setValueChangeMode(ValueChangeMode.LAZY);
        learningRate.addValueChangeListener(e -> settingsEdited());
        return learningRate;
    }

    /** True when every field holds a valid value, so Start and Step may be enabled. */
    boolean isValid() {
        return !learningRate.isInvalid();
    }

    private void settingsEdited() {
        if (updatingFromSession) {
            return;
        }
        String problem = OptimizerSpec.learningRateProblem(learningRate.getValue());
        learningRate.setInvalid(problem != null);
        learningRate.setErrorMessage(problem);
        fireEvent(new ValidityEvent(this));
        if (problem == null && optimizer.getValue() != null && shown != null) {
            double rate = Double.parseDouble(learningRate.getValue().trim());
            OptimizerSpec chosen = optimizer.getValue() == shown.optimizer().kind()
                    ? shown.optimizer().withLearningRate(rate)
                    : optimizer.getValue() == OptimizerKind.ADAM
                            ? OptimizerSpec.adam(rate) : OptimizerSpec.sgd(rate);
            fireEvent(new SettingsEvent(this, shown.withOptimizer(chosen)));
        }
    }

    /** Shows {@code spec} without firing events back. */
    void showSettings(RunSpec spec) {
        shown = spec;
        updatingFromSession = true;
        try {
            optimizer.setValue(spec.optimizer().kind());
            learningRate.setValue(format(spec.optimizer().learningRate()));
            learningRate.setInvalid(false);
            StringBuilder layers = new StringBuilder(spec.network().inputs() + " pixels");
            for (var layer : spec.network().hidden()) {
                layers.append(" → Linear ").append(layer.width());
                if (layer.activation() != Activation.NONE) {
                    layers.append(" → ").append(layer.activation().label());
                }
            }
            layers.append(" → Linear ").append(spec.network().outputs()).append(" logits");
            Div diagram = new Div(layers.toString());
            diagram.getStyle().set("font-family", "monospace").set("font-size", "0.9em");
            network.removeAll();
            network.add(diagram,
                    new Div(String.format(Locale.ROOT, "%,d weights and biases to learn",
                            spec.network().parameterCount())),
                    new Div("Loss: " + spec.loss().label()),
                    new Div(String.format(Locale.ROOT, "Batch %d · %d epochs · seed %d",
                            spec.batchSize(), spec.epochs(), spec.seed())));
        } finally {
            updatingFromSession = false;
        }
    }

    private static String format(double value) {
        String text = Double.toString(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    Registration addSettingsListener(ComponentEventListener<SettingsEvent> listener) {
        return addListener(SettingsEvent.class, listener);
    }

    Registration addValidityListener(ComponentEventListener<ValidityEvent> listener) {
        return addListener(ValidityEvent.class, listener);
    }

    /** The user edited the form into valid new settings. */
    static final class SettingsEvent extends ComponentEvent<SettingsPanel> {
        private final RunSpec spec;

        SettingsEvent(SettingsPanel source, RunSpec spec) {
            super(source, false);
            this.spec = spec;
        }

        RunSpec spec() {
            return spec;
        }
    }

    /** A field became valid or invalid; ask {@link SettingsPanel#isValid()}. */
    static final class ValidityEvent extends ComponentEvent<SettingsPanel> {
        ValidityEvent(SettingsPanel source) {
            super(source, false);
        }
    }
}
