package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.trainingplayground.Services;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.classroom.Challenge;
import org.trainingplayground.session.classroom.ChallengeResult;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.ui.UserSessions;

/**
 * A student's view of their class at the top of the playground: the class, their nickname and
 * the teacher's message, brought up to date the moment the teacher changes something. Hidden
 * for a learner in no class.
 */
public final class ClassBanner extends Composite<Div> {

    static final String NOTICE = "Your teacher sent new settings: Reset to use them.";

    private final String learner = UserSessions.learnerId();
    private final PlaygroundSession session;
    private final Consumer<Set<String>> locks;
    private final Span title = new Span();
    private final Paragraph message = new Paragraph();
    private final Paragraph note = new Paragraph();
    private final Div notice = new Div();
    private final Paragraph challenge = new Paragraph();
    private final Paragraph challengeMet = new Paragraph();
    private LiveClass live;
    private Runnable stopWatching;

    /**
     * @param session the playground this page shows, which the teacher's settings reach
     * @param locks told the parts the class locks now, each time they change
     */
    public ClassBanner(PlaygroundSession session, Consumer<Set<String>> locks) {
        this.session = session;
        this.locks = locks;
        Div banner = getContent();
        banner.setId("class-banner");
        banner.addClassName("class-banner");
        banner.getElement().setAttribute("role", "status");
        title.addClassName("class-banner-title");
        message.setId("class-banner-message");
        message.addClassName("class-banner-message");
        note.setId("class-banner-note");
        note.addClassName("class-banner-note");
        Button use = new Button("Reset to use them", e -> resetToSettings());
        use.setId("class-notice-reset");
        use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        notice.add(new Span(NOTICE), use);
        notice.setId("class-notice");
        notice.addClassName("class-notice");
        challenge.setId("class-banner-challenge");
        challengeMet.setId("challenge-met");
        challengeMet.addClassName("challenge-met");
        banner.add(title, message, challenge, challengeMet, note, notice);
        banner.setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Optional<LiveClass> found = Services.get().classes().classOf(learner);
        live = found.orElse(null);
        if (live == null) {
            return;
        }
        UI ui = event.getUI();
        stopWatching = live.watch(() -> {
            try {
                ui.access(this::show);
            } catch (UIDetachedException closedMeanwhile) {
                // The page went away; its detach stops the watching.
            }
        });
        show();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
    }

    private void resetToSettings() {
        String refusal = live.handout().resetToSettings(session);
        note.setText(refusal == null ? "" : refusal);
        show();
    }

    /** Shows the class as it is now (UI thread). */
    private void show() {
        Optional<String> nickname = live.nickname(learner);
        boolean inClass = nickname.isPresent() && !live.ended();
        locks.accept(inClass ? live.locks() : Set.of());
        notice.setVisible(inClass && live.handout().awaitsReset(session));
        Challenge goal = live.scores().challenge();
        challenge.setText(goal == null ? "" : "Challenge: " + goal.describe() + ".");
        challenge.setVisible(inClass && goal != null);
        Optional<ChallengeResult> result = goal == null
                ? Optional.empty()
                : live.scores().result(learner).filter(r -> r.met());
        challengeMet.setText(result.map(r -> "Challenge met: "
                        + Challenge.percent(r.hiddenAccuracy()) + " on the hidden test samples.")
                .orElse(""));
        challengeMet.setVisible(inClass && result.isPresent());
        // Text, never markup: the teacher typed the name and the message.
        title.setText(
                nickname.isPresent()
                        ? "Class " + live.name() + " · you are " + nickname.get()
                        : "Class " + live.name());
        String text = live.message();
        message.setText(text == null ? "" : text);
        message.setVisible(text != null && nickname.isPresent() && !live.ended());
        if (nickname.isEmpty()) {
            note.setText("Your teacher removed you from this class; your runs are still yours.");
        } else if (live.ended()) {
            note.setText("This class has ended. Your runs stay in your history.");
        }
        note.setVisible(!note.getText().isEmpty());
        getContent().setClassName("class-banner-over", nickname.isEmpty() || live.ended());
        getContent().setVisible(true);
    }
}
