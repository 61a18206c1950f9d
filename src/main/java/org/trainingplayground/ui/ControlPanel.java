package org.trainingplayground.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.Locale;
import org.trainingplayground.core.OptimizerKind;
import org.trainingplayground.core.OptimizerSpec;
import org.trainingplayground.core.RunSpec;
import org.trainingplayground.core.RunState;

/**
 * The run's settings and the Start, Pause and Reset buttons. It never touches the session: it
 * fires events and the view acts on them.
 */
class ControlPanel extends Composite<VerticalLayout> {

    private final Select<OptimizerKind> optimizer = new Select<>();
    private final TextField learningRate = new TextField("Learning rate");
    private final Button start = new Button("Start", VaadinIcon.PLAY.create());
    private final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    private final Button reset = new Button("Reset", VaadinIcon.REFRESH.create());
    private final Div network = new Div();
    private final Paragraph pending = new Paragraph();
    private boolean updatingFromSession;

    ControlPanel() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.setWidth("300px");
        layout.add(new H3("Network"), network, configureOptimizer(), configureLearningRate(),
                buttons(), pending);
        network.setId("network");
        network.getStyle().set("font-size", "0.9em").set("line-height", "1.5");
        pending.setId("settings-note");
        pending.getStyle().set("font-size", "0.85em").set("color", "var(--lumo-warning-text-color, #8a6d00)");
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

    private HorizontalLayout buttons() {
        start.setId("start");
        pause.setId("pause");
        reset.setId("reset");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> fireEvent(new StartEvent(this)));
        pause.addClickListener(e -> fireEvent(new PauseEvent(this)));
        reset.addClickListener(e -> fireEvent(new ResetEvent(this)));
        HorizontalLayout row = new HorizontalLayout(start, pause, reset);
        row.getStyle().set("margin-top", "var(--lumo-space-m)");
        return row;
    }

    private void settingsEdited() {
        if (updatingFromSession) {
            return;
        }
        String problem = OptimizerSpec.learningRateProblem(learningRate.getValue());
        learningRate.setInvalid(problem != null);
        learningRate.setErrorMessage(problem);
        start.setEnabled(problem == null && start.isEnabled());
        if (problem == null && optimizer.getValue() != null) {
            double rate = Double.parseDouble(learningRate.getValue().trim());
            fireEvent(new SettingsEvent(this, new OptimizerSpec(optimizer.getValue(), rate, 0)));
        }
    }

    /** Shows the settings of the session without firing events back. */
    void showSettings(RunSpec spec) {
        updatingFromSession = true;
        try {
            optimizer.setValue(spec.optimizer().kind());
            learningRate.setValue(format(spec.optimizer().learningRate()));
            learningRate.setInvalid(false);
            StringBuilder layers = new StringBuilder(spec.network().inputs() + " pixels");
            for (int width : spec.network().hidden()) {
                layers.append(" → Linear ").append(width).append(" → ")
                        .append(spec.network().activation().label());
            }
            layers.append(" → Linear ").append(spec.network().outputs()).append(" logits");
            Div diagram = new Div(layers.toString());
            diagram.getStyle().set("font-family", "monospace").set("font-size", "0.9em");
            network.removeAll();
            network.add(diagram,
                    new Div(String.format(Locale.ROOT, "%,d weights and biases to learn",
                            spec.network().parameterCount())),
                    new Div("Loss: cross-entropy on the logits"),
                    new Div(String.format(Locale.ROOT, "Batch %d · %d epochs · seed %d",
                            spec.batchSize(), spec.epochs(), spec.seed())));
        } finally {
            updatingFromSession = false;
        }
    }

    /** Enables the buttons that make sense in {@code state}. */
    void showState(RunState state, boolean settingsPending) {
        boolean valid = !learningRate.isInvalid();
        start.setEnabled(valid && state == RunState.PAUSED);
        pause.setEnabled(state == RunState.RUNNING);
        reset.setEnabled(state != RunState.CREATING);
        pending.setText(settingsPending
                ? "The new optimizer settings take effect when you press Reset." : "");
    }

    private static String format(double value) {
        String text = Double.toString(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    Registration addStartListener(ComponentEventListener<StartEvent> listener) {
        return addListener(StartEvent.class, listener);
    }

    Registration addPauseListener(ComponentEventListener<PauseEvent> listener) {
        return addListener(PauseEvent.class, listener);
    }

    Registration addResetListener(ComponentEventListener<ResetEvent> listener) {
        return addListener(ResetEvent.class, listener);
    }

    Registration addSettingsListener(ComponentEventListener<SettingsEvent> listener) {
        return addListener(SettingsEvent.class, listener);
    }

    static final class StartEvent extends ComponentEvent<ControlPanel> {
        StartEvent(ControlPanel source) {
            super(source, false);
        }
    }

    static final class PauseEvent extends ComponentEvent<ControlPanel> {
        PauseEvent(ControlPanel source) {
            super(source, false);
        }
    }

    static final class ResetEvent extends ComponentEvent<ControlPanel> {
        ResetEvent(ControlPanel source) {
            super(source, false);
        }
    }

    /** The user chose a valid optimizer setting. */
    static final class SettingsEvent extends ComponentEvent<ControlPanel> {
        private final OptimizerSpec optimizer;

        SettingsEvent(ControlPanel source, OptimizerSpec optimizer) {
            super(source, false);
            this.optimizer = optimizer;
        }

        OptimizerSpec optimizer() {
            return optimizer;
        }
    }
}
