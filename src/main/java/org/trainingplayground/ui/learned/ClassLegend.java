package org.trainingplayground.ui.learned;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.util.List;

/** Small pieces of page shared by the panels: the class colour key and captions. */
final class ClassLegend {

    private ClassLegend() {}

    /** Fills {@code legend} with one colour swatch and name per class. */
    static void fill(Div legend, List<String> classNames) {
        legend.removeAll();
        legend.addClassName("class-legend");
        legend.add(new Span("Classes:"));
        for (int c = 0; c < classNames.size(); c++) {
            Span swatch = new Span();
            swatch.addClassName("class-swatch");
            // Inline: the class's own colour, the same as in the charts (ClassColours).
            swatch.getStyle().set("background", ClassColours.dark(c));
            legend.add(new Span(swatch, new Span(classNames.get(c))));
        }
    }

    static Paragraph caption(String text) {
        Paragraph caption = new Paragraph(text);
        caption.addClassName("class-legend-caption");
        return caption;
    }
}
