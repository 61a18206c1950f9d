package org.trainingplayground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;

/** The playground's title and what it is for; a course page's frame shows neither. */
class PageHeader extends Composite<Header> {

    PageHeader() {
        H1 title = new H1("Training Playground");
        title.addClassName("page-title");
        Paragraph intro = new Paragraph("Train a real neural network on handwritten digits,"
                + " clothes or points in the plane, and watch it learn. Each step runs the loop"
                + " of the lesson: forward pass, loss, backward pass (gradients), optimizer"
                + " step.");
        intro.addClassName("page-intro");
        Anchor history = new Anchor("runs", "Your runs");
        history.setId("history-link");
        history.addClassName("history-link");
        // A <header> landmark, so that no text of the page stands outside a landmark.
        getContent().add(title, intro, history);
    }
}
