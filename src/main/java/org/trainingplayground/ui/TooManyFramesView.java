package org.trainingplayground.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * What a frame shows instead of a playground when its browser already has
 * {@code PLAYGROUND_MAX_FRAMES} frames open, each with a run of its own: a sentence, no run.
 */
@Route("too-many-frames")
@PageTitle("Training Playground")
public class TooManyFramesView extends VerticalLayout {

    public TooManyFramesView() {
        Paragraph sentence = new Paragraph(sentence(UserSessions.maxFrames()));
        sentence.setId("too-many-frames");
        add(sentence);
    }

    static String sentence(int maxFrames) {
        return "This browser already shows " + maxFrames + " playgrounds in frames, the most"
                + " one browser may. Close one of those pages or frames, then reload this one.";
    }
}
