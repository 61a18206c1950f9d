package org.trainingplayground.ui.settings;

import static org.trainingplayground.ui.settings.SettingsFields.format;
import static org.trainingplayground.ui.settings.SettingsFields.numberField;
import static org.trainingplayground.ui.settings.SettingsFields.put;
import static org.trainingplayground.ui.settings.SettingsFields.row;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.trainingplayground.core.config.ConfigText;
import org.trainingplayground.core.config.ConfigText.Quantity;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Normalization;

/**
 * The dataset; for the image sets how their pixels are normalised, for the generated 2-D sets
 * their points, noise, test share and classes.
 */
public class DatasetFields extends Composite<Div> {

    private static final Quantity CLASSES = new Quantity("the number of classes", "3");

    private final Select<DatasetKind> dataset = new Select<>();
    private final Select<Normalization> normalize = new Select<>();
    private final TextField points;
    private final TextField noise;
    private final TextField testShare;
    private final TextField classes;
    private final HorizontalLayout pointFields;
    private final HorizontalLayout splitFields;
    private boolean filling;

    /**
     * @param onEdit runs after every edit
     * @param onKindChosen runs first when the student picks another dataset from the menu,
     *     with the one before and the one chosen
     */
    public DatasetFields(Runnable onEdit, BiConsumer<DatasetKind, DatasetKind> onKindChosen) {
        points = numberField("points", "Points", onEdit);
        noise = numberField("noise", "Noise", onEdit);
        testShare = numberField("test-fraction", "Test share", onEdit);
        classes = numberField("classes", "Classes", onEdit);
        pointFields = row(points, noise);
        splitFields = row(testShare, classes);
        dataset.setId("dataset");
        dataset.setLabel("Dataset");
        dataset.setItems(DatasetKind.values());
        dataset.setItemLabelGenerator(DatasetKind::label);
        dataset.setWidthFull();
        dataset.addValueChangeListener(e -> {
            if (!filling && e.getValue() != null) {
                fillPointFieldsFor(e.getOldValue(), e.getValue());
                if (e.getOldValue() != null) {
                    onKindChosen.accept(e.getOldValue(), e.getValue());
                }
            }
            showFieldsOfKind();
            onEdit.run();
        });
        normalize.setId("normalize");
        normalize.setLabel("Pixels");
        normalize.setItems(Normalization.values());
        normalize.setItemLabelGenerator(Normalization::label);
        normalize.setWidthFull();
        normalize.setHelperText("The lesson's Normalize((0.5,), (0.5,)) maps 0 to 1 onto −1 to 1.");
        normalize.addValueChangeListener(e -> onEdit.run());
        points.setHelperText(DatasetSpec.MIN_POINTS + " to "
                + String.format(Locale.ROOT, "%,d", DatasetSpec.MAX_POINTS));
        noise.setHelperText("0 to " + DatasetSpec.MAX_NOISE + ", spread of each point");
        testShare.setHelperText("Held out to test");
        getContent().add(dataset, normalize, pointFields, splitFields);
        getContent().setWidthFull();
    }

    /** Shows {@code data}; the caller keeps the change from counting as an edit. */
    public void fill(DatasetSpec data) {
        filling = true;
        try {
            dataset.setValue(data.kind());
            normalize.setValue(data.normalization());
            points.setValue(Integer.toString(data.points()));
            noise.setValue(format(data.noise()));
            testShare.setValue(format(data.testFraction()));
            classes.setValue(Integer.toString(data.classes()));
            showFieldsOfKind();
        } finally {
            filling = false;
        }
    }

    /** The fields' text under their property keys, the fields that do not apply left out. */
    public void putValues(Map<String, String> values) {
        values.put("dataset", kind().key());
        if (kind().images() && normalize.getValue() != null) {
            values.put("normalize", normalize.getValue().key());
        }
        put(values, "points", points);
        put(values, "noise", noise);
        put(values, "test", testShare);
        put(values, "classes", classes);
    }

    /** The text fields by the key of the property each shows the problems of. */
    public Map<String, TextField> fieldsByKey() {
        Map<String, TextField> fields = new LinkedHashMap<>();
        fields.put("points", points);
        fields.put("noise", noise);
        fields.put("test", testShare);
        fields.put("classes", classes);
        return fields;
    }

    private DatasetKind kind() {
        return dataset.getValue() == null ? DatasetKind.MNIST : dataset.getValue();
    }

    /**
     * Coming from an image set, a 2-D set starts from its own defaults; between 2-D sets the
     * student's points, noise and split stay, and only a class count the new set cannot have
     * falls back to its default.
     */
    private void fillPointFieldsFor(DatasetKind previous, DatasetKind chosen) {
        if (chosen.images()) {
            return;
        }
        DatasetSpec defaults = DatasetSpec.of(chosen);
        boolean wasFilling = filling;
        filling = true;
        try {
            if (previous == null || previous.images()) {
                points.setValue(Integer.toString(defaults.points()));
                noise.setValue(format(defaults.noise()));
                testShare.setValue(format(defaults.testFraction()));
            }
            boolean fits = ConfigText.whole(
                            classes.getValue(), CLASSES, chosen.minClasses(), chosen.maxClasses())
                    .ok();
            if (previous == null || previous.images() || !fits) {
                classes.setValue(Integer.toString(defaults.classes()));
            }
        } finally {
            filling = wasFilling;
        }
    }

    private void showFieldsOfKind() {
        DatasetKind kind = kind();
        boolean generated = !kind.images();
        normalize.setVisible(!generated);
        pointFields.setVisible(generated);
        points.setVisible(generated);
        noise.setVisible(generated);
        splitFields.setVisible(generated);
        testShare.setVisible(generated);
        classes.setVisible(generated && kind.classesAdjustable());
        classes.setHelperText(kind.minClasses() + " to " + kind.maxClasses());
        dataset.setHelperText(
                switch (kind) {
                    case MNIST -> "60,000 training and 10,000 test digits, 28 × 28 pixels.";
                    case FASHION_MNIST ->
                        "Clothes, harder than digits: 10,000 training and 2,000 test"
                                + " images, 28 × 28 pixels.";
                    default ->
                        "Points in the plane, generated from the seed; the network sees x1"
                                + " and x2 and paints its decision boundary.";
                });
    }
}
