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
        legend.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("font-size", "0.85em")
                .set("margin", "var(--lumo-space-xs) 0");
        legend.add(new Span("Classes:"));
        for (int c = 0; c < classNames.size(); c++) {
            Span swatch = new Span();
            swatch.getStyle()
                    .set("display", "inline-block")
                    .set("width", "0.9em")
                    .set("height", "0.9em")
                    .set("border-radius", "50%")
                    .set("background", ClassColours.dark(c))
                    .set("margin-right", "0.3em")
                    .set("vertical-align", "-0.1em");
            legend.add(new Span(swatch, new Span(classNames.get(c))));
        }
    }

    static Paragraph caption(String text) {
        Paragraph caption = new Paragraph(text);
        caption.getStyle()
                .set("font-size", "0.8em")
                .set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)");
        return caption;
    }
}
