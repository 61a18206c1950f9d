package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.classroom.ClassHandout;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.session.classroom.LiveClasses;
import org.trainingplayground.ui.PageOptions;
import org.trainingplayground.ui.UserSessions;

/**
 * The dashboard's part that hands the class its starting point: settings sent to every
 * student (from a settings link, or the teacher's own playground in this browser), and parts
 * of the students' pages locked.
 */
final class ClassSteering extends Composite<Div> {

    private final TextField link = new TextField("Settings to send");
    private final CheckboxGroup<String> locks = new CheckboxGroup<>("Lock for the class");

    /**
     * @param act runs a teacher's action once it has checked the key
     * @param say tells the teacher what an action did
     */
    ClassSteering(
            LiveClass live, LiveClasses classes, Consumer<Runnable> act, Consumer<String> say) {
        link.setId("push-settings");
        link.setWidth("min(100%, 40rem)");
        link.setMaxLength(4_000);
        link.setPlaceholder("A settings link, e.g. from the playground's Share panel");
        link.setHelperText("Leave it empty to send your own playground's settings (the one this"
                + " browser has open). Untrained runs take them at once; students who already"
                + " trained are asked to Reset.");
        Button send =
                new Button("Send to everyone", e -> act.accept(() -> send(live, classes, say)));
        send.setId("push-settings-send");
        locks.setId("class-lock");
        locks.setItems(PageOptions.PARTS);
        locks.setValue(live.locks());
        locks.setHelperText("Locked parts show their settings but nobody can change them.");
        locks.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act.accept(() -> {
                    live.setLocks(new LinkedHashSet<>(e.getValue()));
                    say.accept(
                            e.getValue().isEmpty()
                                    ? "Nothing is locked for the class."
                                    : "Locked for the class: " + String.join(", ", e.getValue())
                                            + ".");
                });
            }
        });
        Div sending = new Div(link, send);
        sending.addClassName("class-message-box");
        getContent().add(new H2("Settings for the class"), sending, locks);
        getContent().addClassName("class-steering");
    }

    private void send(LiveClass live, LiveClasses classes, Consumer<String> say) {
        String text = link.getValue().strip();
        PlaygroundConfig config;
        String notes = "";
        if (text.isEmpty()) {
            PlaygroundSession own = UserSessions.existing().orElse(null);
            if (own == null) {
                say.accept("This browser has no playground open: paste a settings link, or open"
                        + " the playground in another tab, set it up, and send again.");
                return;
            }
            config = new PlaygroundConfig(own.spec(), own.speed());
        } else {
            ConfigProperties.Reading reading = classes.readLink(text);
            config = reading.config();
            List<String> left = reading.notices().stream()
                    .map(ConfigProperties.Notice::sentence)
                    .toList();
            notes = left.isEmpty() ? "" : " Left out: " + String.join(" ", left);
        }
        ClassHandout.Sent sent = live.handout().sendSettings(config);
        say.accept("Sent: " + sent.taken() + " untrained runs took them, " + sent.waiting()
                + " students were asked to Reset"
                + (sent.refused() == 0 ? "" : ", " + sent.refused() + " could not (limits)")
                + "." + notes);
    }

    /** Shows the class's locks as they are now (another tab of the teacher may change them). */
    void show(Set<String> classLocks) {
        if (!locks.getValue().equals(classLocks)) {
            locks.setValue(classLocks);
        }
    }
}
