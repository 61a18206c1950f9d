package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/** The elements the step-through view's cards are made of, styled by step-view.css. */
final class StepParts {

    private StepParts() {}

    static Div part(String number, String name, String code, Component... content) {
        Span badge = new Span(number);
        badge.addClassName("step-badge");
        Span heading = new Span(name);
        heading.addClassName("step-part-name");
        Span source = mono(code);
        source.addClassName("step-source");
        Div top = new Div(badge, heading, source);
        top.addClassName("step-part-top");
        Div part = new Div(top);
        part.add(content);
        part.addClassName("step-part");
        return part;
    }

    /**
     * A three-column table: tensor name, a measurement and an optional second one. It is laid
     * out as one CSS grid; its rows ({@link #row}) exist for screen readers, which announce
     * each cell with its column's header.
     */
    static Div table(String first, String second) {
        Div table = new Div(
                headerRow(small("tensor"), small(first), small(second == null ? "" : second)));
        table.addClassName("step-table");
        table.getElement().setAttribute("role", "table");
        return table;
    }

    /** A table's header row. */
    static Div headerRow(Component... headers) {
        return rowOf("columnheader", headers);
    }

    /** A table's row of cells. */
    static Div row(Component... cells) {
        return rowOf("cell", cells);
    }

    private static Div rowOf(String cellRole, Component... cells) {
        for (Component cell : cells) {
            cell.getElement().setAttribute("role", cellRole);
        }
        Div row = new Div(cells);
        row.addClassName("step-row");
        row.getElement().setAttribute("role", "row");
        return row;
    }

    static Div bar(float fraction, boolean trueClass) {
        Div fill = new Div();
        fill.addClassName("step-bar");
        fill.setClassName("step-true-class", trueClass);
        // Inline: the probability itself.
        fill.getStyle().set("width", Math.max(0, Math.min(1, fraction)) * 100 + "%");
        Div track = new Div(fill);
        track.addClassName("step-bar-track");
        return track;
    }

    static Div text(String sentence) {
        Div text = new Div(sentence);
        text.addClassName("step-text");
        return text;
    }

    static Div warning(String sentence) {
        Div text = new Div(sentence);
        text.addClassName("step-warning");
        return text;
    }

    static Span small(String text) {
        Span span = new Span(text);
        span.addClassName("step-small");
        return span;
    }

    static Span mono(String text) {
        Span span = new Span(text);
        span.addClassName("step-mono");
        return span;
    }

    /** Small and large values alike, with three significant digits. */
    static Span number(double value) {
        String text;
        if (!Double.isFinite(value)) {
            text = "–";
        } else if (value == 0 || (Math.abs(value) >= 0.01 && Math.abs(value) < 1000)) {
            text = String.format(Locale.ROOT, "%.3g", value);
        } else {
            text = String.format(Locale.ROOT, "%.2e", value)
                    .replaceAll("e([+-])0*(\\d)", "e$1$2")
                    .replace("e+", "e");
        }
        return new Span(text);
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
