package org.trainingplayground.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import org.trainingplayground.core.RunState;

/** The buttons that drive a run. It fires events; the view acts on them. */
class ControlPanel extends Composite<VerticalLayout> {

    private final Button start = new Button("Start", VaadinIcon.PLAY.create());
    private final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    private final Button reset = new Button("Reset", VaadinIcon.REFRESH.create());
    private final Paragraph pending = new Paragraph();

    ControlPanel() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        start.setId("start");
        pause.setId("pause");
        reset.setId("reset");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> fireEvent(new StartEvent(this)));
        pause.addClickListener(e -> fireEvent(new PauseEvent(this)));
        reset.addClickListener(e -> fireEvent(new ResetEvent(this)));
        pending.setId("settings-note");
        pending.getStyle().set("font-size", "0.85em")
                .set("color", "var(--lumo-warning-text-color, #8a6d00)").set("margin", "0");
        layout.add(new HorizontalLayout(start, pause, reset), pending);
    }

    /** Enables the buttons that make sense in {@code state}. */
    void showState(RunState state, boolean settingsValid, boolean settingsPending) {
        start.setEnabled(settingsValid && state == RunState.PAUSED);
        pause.setEnabled(state == RunState.RUNNING);
        reset.setEnabled(state != RunState.CREATING);
        pending.setText(settingsPending
                ? "The new settings take effect when you press Reset." : "");
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
}
