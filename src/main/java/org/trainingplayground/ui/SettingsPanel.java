package org.trainingplayground.ui;

import static org.trainingplayground.ui.settings.SettingsFields.heading;
import static org.trainingplayground.ui.settings.SettingsFields.note;
import static org.trainingplayground.ui.settings.SettingsFields.numberField;
import static org.trainingplayground.ui.settings.SettingsFields.row;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.ui.settings.DatasetFields;
import org.trainingplayground.ui.settings.DatasetSwitch;
import org.trainingplayground.ui.settings.LossFields;
import org.trainingplayground.ui.settings.NetworkBuilder;
import org.trainingplayground.ui.settings.NetworkDiagram;
import org.trainingplayground.ui.settings.OptimizerFields;
import org.trainingplayground.ui.settings.PresetChoice;

/**
 * The run's settings: network, loss, optimizer and run length. It never touches the session:
 * each field says in a sentence what is wrong with it, and when the whole form is valid it fires
 * a {@link SettingsEvent} with the new settings; the view decides what to do with them.
 */
@CssImport("./styles/panels.css")
class SettingsPanel extends Composite<VerticalLayout> {

    private final PresetChoice preset =
            new PresetChoice(chosen -> chosen.settingsFor(this.shown, this.formDataset), chosen -> {
                fillForm(chosen);
                settingsEdited();
            });
    private final DatasetFields datasetFields =
            new DatasetFields(this::settingsEdited, this::datasetChosen);
    private final NetworkBuilder builder = new NetworkBuilder();
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final Span parameterCount = new Span();
    private final LossFields lossFields = new LossFields(this::settingsEdited);
    private final OptimizerFields optimizerFields = new OptimizerFields(this::settingsEdited);
    private final TextField batchSize =
            numberField("batch-size", "Batch size", this::settingsEdited);
    private final TextField epochs = numberField("epochs", "Epochs", this::settingsEdited);
    private final TextField seed = numberField("seed", "Seed", this::settingsEdited);
    private final Div otherProblems = new Div();
    /** The text fields by the key of the property whose problems each shows. */
    private final Map<String, TextField> fieldsByKey = new LinkedHashMap<>();
    /** The fields a limit's problem can point at (see {@link Limits.Problem#field()}). */
    private final Map<String, TextField> fieldsById = new LinkedHashMap<>();
    /** The form's parts by name, for a course page to hide or lock (see {@link #SECTIONS}). */
    private final Map<String, Div> sections = new LinkedHashMap<>();

    private Limits limits = Limits.defaults();
    private RunSpec shown = RunSpec.lesson();
    /** The dataset the form last described validly: presets that keep the dataset use it. */
    private DatasetSpec formDataset = shown.dataset();

    private boolean updatingForm;

    SettingsPanel() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        // 320 px beside the run, the full width under 900 px (panels.css).
        layout.setWidth(null);
        layout.addClassName("settings-panel");
        Paragraph liveNote = note("The learning rate applies at once, even while training;"
                + " other settings need a Reset.");
        liveNote.setId("live-note");
        otherProblems.setId("settings-error");
        otherProblems.addClassName("settings-problems");
        otherProblems.setVisible(false);
        layout.add(
                liveNote,
                section("preset", preset),
                section("dataset", heading("Data"), datasetFields),
                section("layers", heading("Network"), configureNetwork()),
                section("loss", heading("Loss"), lossFields),
                section("optimizer", heading("Optimizer"), optimizerFields),
                section("run", heading("Run"), row(batchSize, epochs, seed)),
                otherProblems);
        fieldsByKey.putAll(datasetFields.fieldsByKey());
        fieldsByKey.putAll(optimizerFields.fieldsByKey());
        fieldsByKey.put("batch", batchSize);
        fieldsByKey.put("epochs", epochs);
        fieldsByKey.put("seed", seed);
        for (TextField field : fieldsByKey.values()) {
            fieldsById.put(field.getId().orElseThrow(), field);
        }
        showSettings(shown);
    }

    /** Names of the parts of the form an embedding page may hide or lock. */
    static final List<String> SECTIONS =
            List.of("preset", "dataset", "layers", "loss", "optimizer", "run");

    private Div section(String name, Component... parts) {
        Div section = new Div(parts);
        section.setWidthFull();
        section.addClassName("settings-section");
        section.getElement().setAttribute("data-section", name);
        sections.put(name, section);
        return section;
    }

    /** One part of the form by its name in {@link #SECTIONS}: to hide, lock or point at. */
    Div section(String name) {
        return sections.get(name);
    }

    private Div configureNetwork() {
        builder.setOnEdit(this::settingsEdited);
        parameterCount.setId("parameter-count");
        parameterCount.addClassName("settings-parameter-count");
        Div network = new Div(builder, diagram, parameterCount);
        network.setId("network");
        network.setWidthFull();
        return network;
    }

    /** Lets the form check the operator's limits itself, before anything is applied. */
    void setLimits(Limits operatorLimits) {
        limits = operatorLimits;
        builder.setLimits(limits.maxHiddenLayers(), limits.maxWidth());
        batchSize.setHelperText("1 to " + limits.maxBatchSize());
        epochs.setHelperText("1 to " + limits.maxEpochs());
    }

    /** True when every field holds a valid value, so Start and Step may be enabled. */
    boolean isValid() {
        return builder.isValid()
                && !otherProblems.isVisible()
                && fieldsById.values().stream()
                        .filter(TextField::isVisible)
                        .noneMatch(TextField::isInvalid);
    }

    /**
     * Shows each problem next to the field it names (an element id such as "batch-size" or
     * "layers"); one naming no field here is shown under the form.
     */
    void showProblems(List<Limits.Problem> problems) {
        markProblems(problems);
        fireEvent(new ValidityEvent(this));
    }

    private void markProblems(List<Limits.Problem> problems) {
        for (Limits.Problem problem : problems) {
            TextField field = fieldsById.get(problem.field());
            if ("layers".equals(problem.field())) {
                builder.showProblem(problem.sentence());
            } else if (field != null) {
                field.setErrorMessage(
                        field.isInvalid() && field.getErrorMessage() != null
                                ? field.getErrorMessage() + " " + problem.sentence()
                                : problem.sentence());
                field.setInvalid(true);
            } else {
                otherProblems.setText(problem.sentence());
                otherProblems.setVisible(true);
            }
        }
    }

    /** Shows {@code spec}, the session's settings, without firing events back. */
    void showSettings(RunSpec spec) {
        shown = spec;
        formDataset = spec.dataset();
        fillForm(spec);
    }

    private void fillForm(RunSpec spec) {
        updatingForm = true;
        try {
            datasetFields.fill(spec.dataset());
            builder.show(spec.network());
            lossFields.fill(spec.loss());
            optimizerFields.fill(spec.optimizer());
            batchSize.setValue(Integer.toString(spec.batchSize()));
            epochs.setValue(Integer.toString(spec.epochs()));
            seed.setValue(Long.toString(spec.seed()));
            fieldsById.values().forEach(field -> field.setInvalid(false));
            otherProblems.setVisible(false);
            showNetwork(spec.network());
            preset.showMatching(spec);
        } finally {
            updatingForm = false;
        }
    }

    /** A dataset picked from the menu brings its defaults where the form still shows the last. */
    private void datasetChosen(DatasetKind previous, DatasetKind chosen) {
        updatingForm = true;
        try {
            DatasetSwitch.bringDefaults(previous, chosen, optimizerFields, batchSize, epochs);
        } finally {
            updatingForm = false;
        }
    }

    private void settingsEdited() {
        if (updatingForm) {
            return;
        }
        optimizerFields.showFieldsOfKind();
        otherProblems.setVisible(false);
        RunSpec edited = readForm();
        showNetwork(builder.network());
        preset.showMatching(edited);
        fireEvent(new ValidityEvent(this));
        if (edited != null) {
            fireEvent(new SettingsEvent(this, edited));
        }
    }

    /**
     * The settings the form describes, read by the same table and sentences as a link, or
     * null after marking every field that is invalid.
     */
    private RunSpec readForm() {
        NetworkSpec network = builder.network();
        Map<String, String> values = new LinkedHashMap<>();
        datasetFields.putValues(values);
        if (network != null) {
            values.put("layers", ConfigProperties.layersText(network.hidden()));
            values.put("init", network.init().key());
        }
        if (lossFields.value() != null) {
            values.put("loss", lossFields.value().key());
        }
        optimizerFields.putValues(values);
        values.put("batch", batchSize.getValue());
        values.put("epochs", epochs.getValue());
        values.put("seed", seed.getValue());
        ConfigProperties.Check check =
                ConfigProperties.check(values, new PlaygroundConfig(shown, 0), limits);
        showProblemsOf(check.problems());
        RunSpec read = check.config().run();
        if (DATASET_KEYS.stream().noneMatch(check.problems()::containsKey)) {
            formDataset = read.dataset();
            if (network != null
                    && (network.inputs() != read.dataset().inputSize()
                            || network.outputs() != read.dataset().classes())) {
                // The dataset fixes the input and output layers; the student owns the hidden
                // ones.
                builder.show(new NetworkSpec(
                        read.dataset().inputSize(),
                        network.hidden(),
                        read.dataset().classes(),
                        network.init()));
            }
        }
        return check.ok() && network != null && lossFields.value() != null ? read : null;
    }

    private static final List<String> DATASET_KEYS =
            List.of("dataset", "points", "noise", "test", "classes");

    /** Each problem next to its field; the network's at the builder, the rest under the form. */
    private void showProblemsOf(Map<String, String> problems) {
        Map<TextField, String> byField = new LinkedHashMap<>();
        fieldsByKey.forEach((key, field) -> {
            String problem = problems.get(key);
            byField.merge(
                    field,
                    problem == null ? "" : problem,
                    (first, next) -> (first + " " + next).trim());
        });
        byField.forEach((field, problem) -> {
            field.setInvalid(!problem.isEmpty());
            field.setErrorMessage(problem.isEmpty() ? null : problem);
        });
        builder.clearProblem();
        List<String> others = new ArrayList<>();
        problems.forEach((key, problem) -> {
            if ("layers".equals(key)) {
                builder.showProblem(problem);
            } else if (!fieldsByKey.containsKey(key)) {
                others.add(problem);
            }
        });
        otherProblems.setText(String.join(" ", others));
        otherProblems.setVisible(!others.isEmpty());
    }

    private void showNetwork(NetworkSpec network) {
        diagram.show(builder.inputs(), builder.hiddenLabels(), builder.outputs());
        parameterCount.setText(
                network == null
                        ? "Fix the marked widths to count the weights."
                        : String.format(
                                Locale.ROOT,
                                "%,d weights and biases to learn",
                                network.parameterCount()));
    }

    Registration addSettingsListener(ComponentEventListener<SettingsEvent> listener) {
        return addListener(SettingsEvent.class, listener);
    }

    Registration addValidityListener(ComponentEventListener<ValidityEvent> listener) {
        return addListener(ValidityEvent.class, listener);
    }

    /** The user edited the form into valid new settings. */
    static final class SettingsEvent extends ComponentEvent<SettingsPanel> {
        private final RunSpec spec;

        SettingsEvent(SettingsPanel source, RunSpec spec) {
            super(source, false);
            this.spec = spec;
        }

        RunSpec spec() {
            return spec;
        }
    }

    /** A field became valid or invalid; ask {@link SettingsPanel#isValid()}. */
    static final class ValidityEvent extends ComponentEvent<SettingsPanel> {
        ValidityEvent(SettingsPanel source) {
            super(source, false);
        }
    }
}
