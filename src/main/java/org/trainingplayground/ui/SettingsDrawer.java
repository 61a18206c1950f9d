package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.shared.Registration;

/**
 * The settings column. Beside the run it is always open; under 900 px, where the settings
 * stand above the run, it folds into a "Settings" drawer, closed when the page opens, so a
 * phone or a tablet opens on the buttons, the status and the charts.
 */
final class SettingsDrawer extends Composite<Details> {

    /** Below this window width the page is one column (the same as panels.css). */
    static final int NARROW_PX = 900;

    private Registration resizes;

    SettingsDrawer(Component... content) {
        Details drawer = getContent();
        drawer.setId("settings-drawer");
        drawer.addClassName("settings-drawer");
        drawer.setSummaryText("Settings");
        drawer.add(content);
        // Open until the browser says how wide it is (and for tests without a browser).
        drawer.setOpened(true);
    }

    /** Folds the drawer on a narrow window, and opens it whenever the window gets wide. */
    void attached(UI ui) {
        ui.getPage().retrieveExtendedClientDetails(details -> {
            if (details.getWindowInnerWidth() <= NARROW_PX) {
                getContent().setOpened(false);
            }
        });
        resizes = ui.getPage().addBrowserWindowResizeListener(resized -> {
            if (resized.getWidth() > NARROW_PX) {
                // The drawer's handle is hidden there: closed, the settings could not be had.
                getContent().setOpened(true);
            }
        });
    }

    void detached() {
        if (resizes != null) {
            resizes.remove();
            resizes = null;
        }
    }
}
