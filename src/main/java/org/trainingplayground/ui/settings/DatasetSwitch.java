package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.textfield.TextField;

import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.session.DatasetDefaults;

/**
 * What picking another kind of data from the menu changes besides the data: the training
 * settings move to the new kind's defaults, each only where the form still shows the old
 * kind's default, so what a student chose stays.
 */
public final class DatasetSwitch {

    private DatasetSwitch() {}

    /** Moves the fields from {@code previous}'s defaults to {@code chosen}'s. */
    public static void bringDefaults(
            DatasetKind previous,
            DatasetKind chosen,
            OptimizerFields optimizer,
            TextField batchSize,
            TextField epochs) {
        DatasetDefaults from = DatasetDefaults.of(previous);
        DatasetDefaults to = DatasetDefaults.of(chosen);
        if (optimizer.shows(from.optimizer())) {
            optimizer.fill(to.optimizer());
        }
        replaceIfShowing(batchSize, from.batchSize(), to.batchSize());
        replaceIfShowing(epochs, from.epochs(), to.epochs());
    }

    private static void replaceIfShowing(TextField field, int shown, int replacement) {
        if (field.getValue().equals(Integer.toString(shown))) {
            field.setValue(Integer.toString(replacement));
        }
    }
}
