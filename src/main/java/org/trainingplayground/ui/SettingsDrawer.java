package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.details.Details;

/**
 * The settings column. Beside the run it is always open; under 900 px, where the settings
 * stand above the run, it folds into a "Settings" drawer, closed when the page opens, so a
 * phone or a tablet opens on the buttons, the status and the charts. The browser decides, with
 * the same media query as the stylesheet (frontend/settings-drawer).
 */
@JsModule("./settings-drawer/settings-drawer.ts")
final class SettingsDrawer extends Composite<Details> {

    SettingsDrawer(Component... content) {
        Details drawer = getContent();
        drawer.setId("settings-drawer");
        drawer.addClassName("settings-drawer");
        drawer.setSummaryText("Settings");
        drawer.add(content);
        drawer.setOpened(true);
    }

    /** Lets the browser fold the drawer on a narrow window (each time the page is attached). */
    void attached() {
        getElement().executeJs("window.trainingPlayground.foldSettingsWhenNarrow(this)");
    }
}
