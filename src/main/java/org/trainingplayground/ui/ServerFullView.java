package org.trainingplayground.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * What a visitor sees instead of the playground when {@code maxSessions} browser sessions
 * already hold one: a sentence, no run and no native memory. The address stays the one asked
 * for, so reloading later tries again.
 */
@Route("full")
@PageTitle("Training Playground is full")
@CssImport("./styles/panels.css")
public class ServerFullView extends VerticalLayout {

    public ServerFullView() {
        H2 title = new H2("Training Playground");
        title.addClassName("page-title");
        Paragraph sentence = new Paragraph(sentence(UserSessions.sessionsWithPlayground()));
        sentence.setId("server-full");
        add(title, sentence);
    }

    static String sentence(int students) {
        return "The playground is full: " + students
                + (students == 1 ? " student is" : " students are")
                + " using it right now. Please try again in a few minutes.";
    }
}
