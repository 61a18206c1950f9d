package org.trainingplayground.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.trainingplayground.core.metrics.RunState;

/** The buttons and switches that drive a run. It fires events; the view acts on them. */
@CssImport("./styles/panels.css")
class ControlPanel extends Composite<VerticalLayout> {

    /** The speeds a teacher can pick, in steps per second; 0 is full speed. */
    static final List<Double> SPEEDS = List.of(0.0, 20.0, 5.0, 1.0);

    private final Button start = new Button("Start", VaadinIcon.PLAY.create());
    private final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    private final Button reset = new Button("Reset", VaadinIcon.REFRESH.create());
    private final Button step = new Button("Step", VaadinIcon.STEP_FORWARD.create());
    private final Button stepEpoch = new Button("Step epoch", VaadinIcon.FAST_FORWARD.create());
    private final Select<Double> speed = new Select<>();
    private final Checkbox forgetZeroGrad = new Checkbox("Forget zero_grad");
    private final java.util.Map<String, Div> parts = new java.util.LinkedHashMap<>();
    private final Paragraph pending = new Paragraph();
    /** Set while showing the session's values, so they are not echoed back as user choices. */
    private boolean showingSession;

    ControlPanel() {
        VerticalLayout layout = getContent();
        layout.setId("controls");
        layout.setPadding(false);
        layout.setSpacing(false);
        start.setId("start");
        pause.setId("pause");
        reset.setId("reset");
        step.setId("step");
        stepEpoch.setId("step-epoch");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        step.setTooltipText("Take exactly one batch through forward, loss, backward, step");
        stepEpoch.setTooltipText("Train to the end of the current epoch, then pause");
        start.addClickListener(e -> fireEvent(new StartEvent(this)));
        pause.addClickListener(e -> fireEvent(new PauseEvent(this)));
        reset.addClickListener(e -> fireEvent(new ResetEvent(this)));
        step.addClickListener(e -> fireEvent(new StepEvent(this)));
        stepEpoch.addClickListener(e -> fireEvent(new StepEpochEvent(this)));
        pending.setId("settings-note");
        pending.addClassName("controls-pending");
        Span speedLabel = new Span("Speed");
        speedLabel.addClassName("controls-speed-label");
        Div speedPart = new Div(speedLabel, configureSpeed());
        speedPart.addClassName("controls-speed");
        parts.put("speed", speedPart);
        HorizontalLayout buttons =
                new HorizontalLayout(start, pause, reset, step, stepEpoch, speedPart);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.addClassName("controls-buttons");
        Div zeroGradPart = configureForgetZeroGrad();
        parts.put("zero-grad", zeroGradPart);
        layout.add(buttons, zeroGradPart, pending);
    }

    /** Names of the options an embedding page may hide or lock. */
    static final List<String> PARTS = List.of("speed", "zero-grad");

    /** Hides an option (a name from {@link #PARTS}); its value still applies. */
    void hidePart(String name) {
        parts.get(name).setVisible(false);
    }

    /** Shows an option but lets nobody change it. */
    void setPartLocked(String name, boolean locked) {
        parts.get(name).setEnabled(!locked);
    }

    private Select<Double> configureSpeed() {
        speed.setId("speed");
        speed.setAriaLabel("Speed");
        speed.setItems(SPEEDS);
        speed.setItemLabelGenerator(ControlPanel::speedLabel);
        speed.setValue(0.0);
        speed.setWidth("10em");
        speed.setTooltipText("Slow the run down so a class can follow each step");
        speed.addValueChangeListener(e -> {
            if (!showingSession && e.getValue() != null) {
                fireEvent(new SpeedEvent(this, e.getValue()));
            }
        });
        return speed;
    }

    private Div configureForgetZeroGrad() {
        forgetZeroGrad.setId("forget-zero-grad");
        forgetZeroGrad.addValueChangeListener(e -> {
            if (!showingSession) {
                fireEvent(new ForgetZeroGradEvent(this, e.getValue()));
            }
        });
        Paragraph why = new Paragraph("Skips optimizer.zero_grad(): each step's gradients are"
                + " added to the previous ones instead of replacing them, as in PyTorch when"
                + " the call is missing.");
        why.addClassName("controls-zero-grad-why");
        Div row = new Div(forgetZeroGrad, why);
        row.addClassName("controls-zero-grad");
        return row;
    }

    static String speedLabel(double stepsPerSecond) {
        if (stepsPerSecond == 0) {
            return "Full speed";
        }
        long whole = Math.round(stepsPerSecond);
        return whole + (whole == 1 ? " step/s" : " steps/s");
    }

    /** Enables the buttons that make sense in {@code state}. */
    void showState(RunState state, boolean settingsValid, boolean settingsPending) {
        // Also while a new run is being built: the scheduler builds it before it takes the
        // click, so "change a setting, press Start at once" works.
        boolean ready = state == RunState.PAUSED || state == RunState.CREATING;
        start.setEnabled(settingsValid && ready);
        // Pause also takes a run waiting for a free place out of the queue.
        pause.setEnabled(state == RunState.RUNNING || state == RunState.QUEUED);
        reset.setEnabled(state != RunState.CREATING);
        step.setEnabled(settingsValid && ready);
        stepEpoch.setEnabled(settingsValid && ready);
        pending.setText(
                settingsPending ? "The new settings take effect when you press Reset." : "");
    }

    /** Shows the session's speed and zero_grad choice without firing events back. */
    void showOptions(double stepsPerSecond, boolean zeroGrad) {
        showingSession = true;
        try {
            if (SPEEDS.contains(stepsPerSecond)) {
                speed.setValue(stepsPerSecond);
            }
            forgetZeroGrad.setValue(!zeroGrad);
        } finally {
            showingSession = false;
        }
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

    Registration addStepListener(ComponentEventListener<StepEvent> listener) {
        return addListener(StepEvent.class, listener);
    }

    Registration addStepEpochListener(ComponentEventListener<StepEpochEvent> listener) {
        return addListener(StepEpochEvent.class, listener);
    }

    Registration addSpeedListener(ComponentEventListener<SpeedEvent> listener) {
        return addListener(SpeedEvent.class, listener);
    }

    Registration addForgetZeroGradListener(ComponentEventListener<ForgetZeroGradEvent> listener) {
        return addListener(ForgetZeroGradEvent.class, listener);
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

    /** Take exactly one batch. */
    static final class StepEvent extends ComponentEvent<ControlPanel> {
        StepEvent(ControlPanel source) {
            super(source, false);
        }
    }

    /** Train to the end of the current epoch, then pause. */
    static final class StepEpochEvent extends ComponentEvent<ControlPanel> {
        StepEpochEvent(ControlPanel source) {
            super(source, false);
        }
    }

    /** The user chose a speed: at most this many steps per second, 0 for full speed. */
    static final class SpeedEvent extends ComponentEvent<ControlPanel> {
        private final double stepsPerSecond;

        SpeedEvent(ControlPanel source, double stepsPerSecond) {
            super(source, false);
            this.stepsPerSecond = stepsPerSecond;
        }

        double stepsPerSecond() {
            return stepsPerSecond;
        }
    }

    /** The user ticked or cleared "Forget zero_grad". */
    static final class ForgetZeroGradEvent extends ComponentEvent<ControlPanel> {
        private final boolean forget;

        ForgetZeroGradEvent(ControlPanel source, boolean forget) {
            super(source, false);
            this.forget = forget;
        }

        boolean forget() {
            return forget;
        }
    }

    /**
     * The page offers a few speeds only; another one, from a link or a file, is named and the
     * {@code current} speed stays.
     */
    static List<String> speedNotice(double speed, double current) {
        if (ControlPanel.SPEEDS.contains(speed)) {
            return List.of();
        }
        return List.of("speed="
                + new java.math.BigDecimal(speed).stripTrailingZeros().toPlainString()
                + ": the page trains at full speed (0) or at 20, 5 or 1"
                + " steps per second; the speed stays "
                + speedLabel(current).toLowerCase(java.util.Locale.ROOT)
                + ".");
    }
}
