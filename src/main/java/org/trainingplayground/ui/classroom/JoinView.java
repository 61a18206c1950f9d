package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import org.trainingplayground.Services;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.session.classroom.LiveClasses;
import org.trainingplayground.ui.BrowserIdentity;
import org.trainingplayground.ui.UserSessions;

/**
 * A student joins a class: {@code /join/CODE} (the join link) or {@code /join} with a field for
 * the code, and a nickname unique in the class. No account, no personal data: the membership
 * belongs to this browser's learner cookie, so reloads and new tabs keep it.
 */
@Route("join")
@PageTitle("Join a class · Training Playground")
@CssImport("./styles/classroom.css")
public class JoinView extends Main implements HasUrlParameter<String> {

    private final LiveClasses classes = Services.get().classes();
    private final H1 title = new H1("Join a class");
    private final TextField code = new TextField("Class code");
    private final TextField nickname = new TextField("Your nickname");
    private final Paragraph refusal = new Paragraph();
    private final Button join = new Button("Join", e -> join());

    public JoinView() {
        addClassName("classroom-page");
        code.setId("join-code");
        code.setMaxLength(12);
        code.setHelperText("Six letters and digits, from your teacher's screen.");
        nickname.setId("nickname");
        nickname.setMaxLength(ClassStore.MAX_NICKNAME_LENGTH);
        nickname.setHelperText("What your teacher and class see; not your full name.");
        join.setId("join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickShortcut(Key.ENTER);
        refusal.setId("join-refusal");
        refusal.addClassName("classroom-refusal");
        refusal.setVisible(false);
        Anchor playground = new Anchor("./", "Go to the playground");
        playground.setId("playground-link");
        add(title, code, nickname, join, refusal, playground);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String typed) {
        String learner = UserSessions.learnerId();
        Optional<LiveClass> current = classes.classOf(learner).filter(c -> !c.ended());
        if (current.isPresent() && (typed == null || sameCode(current.get(), typed))) {
            String name = current.get().nickname(learner).orElse("");
            title.setText("You are in " + current.get().name() + " as " + name);
            code.setVisible(false);
            nickname.setVisible(false);
            join.setVisible(false);
            return;
        }
        if (typed == null) {
            return;
        }
        Optional<LiveClass> found = classes.find(typed);
        if (found.isPresent()) {
            title.setText("Join " + found.get().name());
            code.setValue(found.get().code());
            code.setVisible(false);
        } else {
            refuse("There is no class with that code; check it with your teacher and type it"
                    + " below.");
        }
    }

    private static boolean sameCode(LiveClass live, String typed) {
        return live.code().equals(ClassStore.normalizeCode(typed));
    }

    private void join() {
        String sentence = classes.join(
                code.getValue(),
                UserSessions.learnerId(),
                nickname.getValue(),
                BrowserIdentity.clientAddress());
        if (sentence != null) {
            refuse(sentence);
            return;
        }
        UI.getCurrent().navigate("");
    }

    private void refuse(String sentence) {
        refusal.setText(sentence);
        refusal.setVisible(true);
    }
}
