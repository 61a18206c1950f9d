package org.trainingplayground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;
import java.util.Locale;

/**
 * What a link or an imported file held that could not be used, one sentence each, above the
 * controls until dismissed: the rest of its settings were applied.
 */
@CssImport("./styles/panels.css")
class NoticeBox extends Composite<Div> {

    /**
     * Most sentences listed: a link of a few kilobytes could name thousands of unknown parts,
     * and a sentence each made a 2 MB page.
     */
    static final int MOST_SHOWN = 10;

    NoticeBox() {
        Div box = getContent();
        box.setId("url-notices");
        box.setWidthFull();
        box.addClassName("notice-box");
        setVisible(false);
    }

    /**
     * Lists the sentences; an empty list hides the box.
     *
     * @param source what was read, for the first line: "The link" or "The imported file"
     */
    void show(String source, List<String> sentences) {
        Div box = getContent();
        box.removeAll();
        setVisible(!sentences.isEmpty());
        if (sentences.isEmpty()) {
            return;
        }
        Span intro =
                new Span(source + " had settings that could not be used; the others were applied:");
        UnorderedList list = new UnorderedList();
        list.addClassName("notice-list");
        sentences.stream().limit(MOST_SHOWN).forEach(sentence -> list.add(new ListItem(sentence)));
        if (sentences.size() > MOST_SHOWN) {
            list.add(new ListItem(
                    String.format(Locale.ROOT, "and %,d more.", sentences.size() - MOST_SHOWN)));
        }
        Button dismiss = new Button("Dismiss", e -> show(source, List.of()));
        dismiss.setId("url-notices-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        box.add(intro, list, dismiss);
    }
}
