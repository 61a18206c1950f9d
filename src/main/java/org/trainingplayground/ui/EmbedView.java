package org.trainingplayground.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The playground for a course page's iframe (about 800×600): no title, introduction or sharing
 * panel. The URL carries the settings, and {@code hide}, {@code lock} and {@code autostart}.
 */
@Route("embed")
@PageTitle("Training Playground")
public class EmbedView extends PlaygroundView {

    public EmbedView() {
        super(true);
    }
}
