package org.trainingplayground.ui.tour;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.ui.autograd.AutogradPanel;

/**
 * "Train your first network" as a guided lesson in six steps on the page. Each step explains
 * one idea, points at the part of the page it is about and asks the student to do one thing
 * there; the tour sees when it is done. It can be left and resumed at the same step, also after
 * a reload; a course page starts it with {@code tour=1}.
 */
@CssImport("./styles/tour.css")
public class LessonTour extends Composite<Div> {

    static final String TARGET_CLASS = "tour-target";

    private final Map<String, Component> targets;
    private final Supplier<TourFacts> facts;
    private final TourProgress progress;

    private final Button launcher = new Button();
    private final Div card = new Div();
    private final Span counter = new Span();
    private final H3 title = new H3();
    private final Paragraph explanation = new Paragraph();
    private final Paragraph task = new Paragraph();
    private final Div done = new Div("Done: on to the next step when you are ready.");
    private final Button back = new Button("Back");
    private final Button next = new Button();
    private final Button leave = new Button("Leave the lesson");

    private TourFacts startFacts;
    private Component pointedAt;

    /**
     * @param parts the page's parts by the names {@code hide=} gives them
     * @param more the other parts the steps point at: the buttons ({@code controls}), the
     *     settings' loss menu ({@code loss})
     * @param session the playground whose run the tour watches
     * @param autograd the autograd view, whose example one step asks for
     */
    public LessonTour(
            Map<String, ? extends Component> parts,
            Map<String, ? extends Component> more,
            PlaygroundSession session,
            AutogradPanel autograd) {
        this.targets = new HashMap<>(parts);
        targets.putAll(more);
        this.facts = () -> new TourFacts(
                session.history().stepCount(),
                session.runSpec().loss(),
                session.zeroGrad(),
                session.status().state() == RunState.FAILED,
                autograd.examplesComputed());
        // A new example changes nothing in the session, so no page update would follow it.
        autograd.addExampleListener(this::refresh);
        this.progress = TourProgress.of(VaadinSession.getCurrent());
        launcher.setId("lesson-tour-start");
        launcher.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        launcher.addClickListener(e -> open(progress.step()));
        card.setId("lesson-tour");
        card.addClassName("lesson-tour");
        card.getElement().setAttribute("role", "dialog");
        card.getElement().setAttribute("aria-label", "Train your first network, step by step");
        counter.setId("lesson-tour-step");
        counter.addClassName("lesson-tour-counter");
        title.setId("lesson-tour-title");
        task.setId("lesson-tour-task");
        task.addClassName("lesson-tour-task");
        done.setId("lesson-tour-done");
        done.addClassName("lesson-tour-done");
        back.setId("lesson-tour-back");
        next.setId("lesson-tour-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        leave.setId("lesson-tour-leave");
        leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClickListener(e -> open(progress.step() - 1));
        next.addClickListener(e -> {
            if (progress.step() == TourStep.values().length - 1) {
                progress.finish();
                close();
            } else {
                open(progress.step() + 1);
            }
        });
        leave.addClickListener(e -> {
            progress.leave();
            close();
        });
        Div buttons = new Div(back, next, leave);
        buttons.addClassName("lesson-tour-buttons");
        card.add(counter, title, explanation, task, done, buttons);
        getContent().add(launcher, card);
        if (progress.open()) {
            open(progress.step()); // a reload in the middle of the tour
        } else {
            close();
        }
    }

    /** Opens the tour where this browser left it (a course page's {@code tour=1}). */
    public void start() {
        open(progress.step());
    }

    /** Marks the step done once the student did its task (called with every page update). */
    public void refresh() {
        if (progress.open() && startFacts != null) {
            done.setVisible(current().done(startFacts, facts.get()));
        }
    }

    private TourStep current() {
        return TourStep.values()[progress.step()];
    }

    private void open(int index) {
        progress.openAt(index);
        TourStep step = current();
        int count = TourStep.values().length;
        counter.setText(
                "Train your first network · step " + (progress.step() + 1) + " of " + count);
        title.setText(step.title());
        explanation.setText(step.explanation());
        task.setText("Do this: " + step.task());
        back.setEnabled(progress.step() > 0);
        next.setText(progress.step() == count - 1 ? "Finish" : "Next");
        startFacts = facts.get();
        done.setVisible(false);
        // Beside each other (tour.css) the card stands over the settings column, unless the
        // step is about a setting.
        card.setClassName("lesson-tour-over-run", step.aboutASetting());
        card.setVisible(true);
        // Room below the page, so the card never covers the end of it; its next step from the top.
        card.getElement().executeJs("document.body.classList.add('tour-open'); this.scrollTop = 0");
        launcher.setVisible(false);
        point(targets.get(step.target()));
    }

    private void close() {
        card.setVisible(false);
        card.getElement().executeJs("document.body.classList.remove('tour-open')");
        launcher.setVisible(true);
        launcher.setText(
                progress.started()
                        ? "Resume the lesson (step " + (progress.step() + 1) + " of "
                                + TourStep.values().length + ")"
                        : "Take the guided lesson");
        point(null);
    }

    private void point(Component target) {
        if (pointedAt != null) {
            pointedAt.getElement().getClassList().remove(TARGET_CLASS);
        }
        pointedAt = target;
        if (target != null) {
            target.getElement().getClassList().add(TARGET_CLASS);
            target.scrollIntoView(new ScrollOptions(ScrollOptions.Behavior.SMOOTH));
        }
    }
}
