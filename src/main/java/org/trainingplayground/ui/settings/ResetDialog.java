package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks whether to start a new run now that settings were changed that a running run cannot take
 * on. Keep training leaves them waiting for the next Reset.
 */
public class ResetDialog extends ConfirmDialog {

    public ResetDialog(Runnable reset) {
        setId("reset-dialog");
        setHeader("Start a new run?");
        setText("These settings need a new run. Reset now?");
        setConfirmText("Reset");
        addConfirmListener(e -> reset.run());
        setCancelable(true);
        setCancelText("Keep training");
        setCloseOnEsc(true);
    }
}
