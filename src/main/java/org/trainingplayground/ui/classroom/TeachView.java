package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import org.trainingplayground.Services;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.session.classroom.LiveClasses;

/**
 * Where a teacher starts a class: a name in, a join code, a join link (with a QR code to
 * project) and the teacher's own link out. The teacher link holds the class's key and is shown
 * only here, once.
 */
@Route("teach")
@PageTitle("Teach a class · Training Playground")
@CssImport("./styles/classroom.css")
public class TeachView extends Main {

    private final TextField name = new TextField("Name of the class");
    private final PasswordField password = new PasswordField("Teacher password");
    private final Paragraph refusal = new Paragraph();
    private final Div created = new Div();
    private String origin = "";

    public TeachView() {
        addClassName("classroom-page");
        LiveClasses classes = Services.get().classes();
        name.setId("class-name");
        name.setMaxLength(ClassStore.MAX_NAME_LENGTH);
        name.setPlaceholder("e.g. Year 11 · neural networks");
        name.setWidth("min(100%, 28rem)");
        password.setId("teacher-password");
        password.setVisible(classes.passwordRequired());
        password.setHelperText("This server asks for it before a class is created.");
        Button create = new Button("Create the class", e -> create(classes));
        create.setId("create-class");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        refusal.setId("create-class-refusal");
        refusal.addClassName("classroom-refusal");
        refusal.setVisible(false);
        created.setId("new-class");
        created.addClassName("new-class");
        created.setVisible(false);
        add(
                new H1("Teach a class"),
                new Paragraph("Name your class to get a join code for your students and a"
                        + " dashboard where you see every student's run live, send everyone the"
                        + " same settings, pause the class and set a challenge. Students need no"
                        + " account: they join with a nickname."),
                name,
                password,
                create,
                refusal,
                created,
                new Anchor("./", "Back to the playground"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().fetchCurrentURL(url -> {
            origin = url.getProtocol() + "://" + url.getAuthority();
        });
    }

    private void create(LiveClasses classes) {
        ClassStore.NewClass made;
        try {
            made = classes.create(name.getValue(), password.getValue());
        } catch (IllegalArgumentException refused) {
            refusal.setText(refused.getMessage());
            refusal.setVisible(true);
            return;
        }
        refusal.setVisible(false);
        showCreated(made);
    }

    private void showCreated(ClassStore.NewClass made) {
        String code = made.classroom().code();
        String joinPath = "join/" + code;
        String teacherPath = "teach/" + code + "?key=" + made.teacherKey();
        Div codeBox = new Div(code);
        codeBox.setId("class-code");
        codeBox.addClassName("class-code");
        Anchor join = new Anchor(joinPath, origin + "/" + joinPath);
        join.setId("join-link");
        Anchor teacher = new Anchor(teacherPath, origin + "/" + teacherPath);
        teacher.setId("teacher-link");
        // A full page load, so the server turns the key into the teacher's cookie.
        teacher.setRouterIgnore(true);
        teacher.addClassName("teacher-link");
        Paragraph keep = new Paragraph("Keep this teacher link to yourself and save it now (a"
                + " bookmark will do): it opens your dashboard, it is shown only this once,"
                + " and anyone who has it can steer your class.");
        keep.setId("teacher-link-note");
        keep.addClassName("teacher-link-note");
        Anchor open = new Anchor(teacherPath, "Open the dashboard");
        open.setId("open-dashboard");
        open.setRouterIgnore(true);
        open.addClassName("open-dashboard");
        created.removeAll();
        created.add(
                new H2(made.classroom().name()),
                new Paragraph("Students go to " + (origin.isEmpty() ? "this site" : origin)
                        + "/join and type the code, or open the join link, or scan the QR code:"),
                codeBox,
                join,
                JoinQr.of(
                        origin.isEmpty() ? joinPath : origin + "/" + joinPath,
                        "QR code of the join link"),
                new H2("Your teacher link"),
                keep,
                teacher,
                open);
        created.setVisible(true);
    }
}
