package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.Presets;
import org.trainingplayground.ui.settings.NetworkBuilder;
import org.trainingplayground.ui.settings.NetworkDiagram;
import org.trainingplayground.ui.settings.NumberText;
import org.trainingplayground.ui.settings.NumberText.Quantity;
import org.trainingplayground.ui.settings.NumberText.Reading;

/**
 * The run's settings: network, loss, optimizer and run length. It never touches the session:
 * each field says in a sentence what is wrong with it, and when the whole form is valid it fires
 * a {@link SettingsEvent} with the new settings; the view decides what to do with them.
 */
@CssImport("./styles/panels.css")
class SettingsPanel extends Composite<VerticalLayout> {

    private static final Quantity MOMENTUM = new Quantity("the momentum", "0.9");
    private static final Quantity BETA1 = new Quantity("β1", "0.9");
    private static final Quantity BETA2 = new Quantity("β2", "0.999");
    private static final Quantity WEIGHT_DECAY = new Quantity("the weight decay", "0.0001");
    private static final Quantity BATCH_SIZE = new Quantity("the batch size", "64");
    private static final Quantity EPOCHS = new Quantity("the number of epochs", "5");
    private static final Quantity SEED = new Quantity("the seed", "1");
    private static final Quantity POINTS = new Quantity("the number of points", "500");
    private static final Quantity NOISE = new Quantity("the noise", "0.1");
    private static final Quantity TEST_SHARE = new Quantity("the test share", "0.2");
    private static final Quantity CLASSES = new Quantity("the number of classes", "3");

    private final Select<Presets> preset = new Select<>();
    private final Select<DatasetKind> dataset = new Select<>();
    private final TextField points = numberField("points", "Points");
    private final TextField noise = numberField("noise", "Noise");
    private final TextField testShare = numberField("test-fraction", "Test share");
    private final TextField classes = numberField("classes", "Classes");
    private final HorizontalLayout pointFields = row(points, noise);
    private final HorizontalLayout splitFields = row(testShare, classes);
    private final NetworkBuilder builder = new NetworkBuilder();
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final Span parameterCount = new Span();
    private final Select<LossKind> loss = new Select<>();
    private final Paragraph lossNote = new Paragraph();
    private final Select<OptimizerKind> optimizer = new Select<>();
    private final TextField learningRate = new TextField("Learning rate");
    private final TextField momentum = numberField("momentum", "Momentum");
    private final Checkbox nesterov = new Checkbox("Nesterov");
    private final TextField beta1 = numberField("beta1", "β1");
    private final TextField beta2 = numberField("beta2", "β2");
    private final TextField weightDecay = numberField("weight-decay", "Weight decay");
    private final TextField batchSize = numberField("batch-size", "Batch size");
    private final TextField epochs = numberField("epochs", "Epochs");
    private final TextField seed = numberField("seed", "Seed");
    private final HorizontalLayout sgdFields = row(momentum, nesterov);
    private final HorizontalLayout adamFields = row(beta1, beta2);
    private final Div otherProblems = new Div();
    /** The fields a problem's field id can point at (see {@link Limits.Problem#field()}). */
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
        layout.setWidth("320px");
        Paragraph liveNote = note("The learning rate applies at once, even while training;"
                + " other settings need a Reset.");
        liveNote.setId("live-note");
        otherProblems.setId("settings-error");
        otherProblems.addClassName("settings-problems");
        otherProblems.setVisible(false);
        layout.add(
                liveNote,
                section("preset", configurePreset()),
                section("dataset", heading("Data"), configureDataset()),
                section("layers", heading("Network"), configureNetwork()),
                section("loss", heading("Loss"), configureLoss()),
                section("optimizer", heading("Optimizer"), configureOptimizer()),
                section("run", heading("Run"), row(batchSize, epochs, seed)),
                otherProblems);
        for (TextField field : List.of(
                points,
                noise,
                testShare,
                classes,
                learningRate,
                momentum,
                beta1,
                beta2,
                weightDecay,
                batchSize,
                epochs,
                seed)) {
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

    /** Hides one part of the form (a name from {@link #SECTIONS}); its settings still apply. */
    void hideSection(String name) {
        sections.get(name).setVisible(false);
    }

    /** Shows one part of the form but lets nobody change it. */
    void lockSection(String name) {
        sections.get(name).setEnabled(false);
    }

    private Select<Presets> configurePreset() {
        preset.setId("preset");
        preset.setLabel("Preset");
        preset.setItems(Presets.values());
        preset.setItemLabelGenerator(Presets::label);
        preset.setPlaceholder("Your own settings");
        preset.setHelperText("Lesson: the lesson exactly · Quick: learns within seconds ·"
                + " Spiral: a small net untangles 2-D points.");
        preset.setWidthFull();
        preset.addValueChangeListener(e -> {
            if (!updatingForm && e.getValue() != null) {
                fillForm(presetSettings(e.getValue()));
                settingsEdited();
            }
        });
        return preset;
    }

    private Div configureDataset() {
        dataset.setId("dataset");
        dataset.setLabel("Dataset");
        dataset.setItems(DatasetKind.values());
        dataset.setItemLabelGenerator(DatasetKind::label);
        dataset.setWidthFull();
        dataset.addValueChangeListener(e -> {
            if (!updatingForm && e.getValue() != null) {
                fillPointFieldsFor(e.getOldValue(), e.getValue());
            }
            showDatasetFields();
            settingsEdited();
        });
        points.setHelperText(DatasetSpec.MIN_POINTS + " to "
                + String.format(Locale.ROOT, "%,d", DatasetSpec.MAX_POINTS));
        noise.setHelperText("0 to " + DatasetSpec.MAX_NOISE + ", spread of each point");
        testShare.setHelperText("Held out to test");
        Div data = new Div(dataset, pointFields, splitFields);
        data.setWidthFull();
        return data;
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

    private Div configureLoss() {
        loss.setId("loss-function");
        loss.setLabel("Loss function");
        loss.setItems(LossKind.values());
        loss.setItemLabelGenerator(LossKind::label);
        loss.setWidthFull();
        loss.addValueChangeListener(e -> {
            showLossNote();
            settingsEdited();
        });
        lossNote.setId("loss-note");
        styleAsNote(lossNote);
        return new Div(loss, lossNote);
    }

    private VerticalLayout configureOptimizer() {
        optimizer.setId("optimizer");
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::label);
        optimizer.setWidthFull();
        optimizer.addValueChangeListener(e -> settingsEdited());
        learningRate.setId("learning-rate");
        learningRate.setWidthFull();
        learningRate.setHelperText("SGD: try 0.01 to 0.1 · Adam: try 0.001. The lesson's 0.003"
                + " learns slowly on our 8,000 digits.");
        // Applies live, so it follows typing; the other fields wait until they are left.
        // On change (Enter or leaving the field), like the other numbers: a half-typed rate
        // such as "0." never reaches the run.
        learningRate.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        learningRate.addValueChangeListener(e -> settingsEdited());
        momentum.setHelperText("Share of the last update kept; 0 is plain SGD.");
        nesterov.setId("nesterov");
        nesterov.setTooltipText("Look ahead along the momentum before taking the gradient");
        nesterov.addValueChangeListener(e -> settingsEdited());
        sgdFields.setAlignItems(FlexComponent.Alignment.BASELINE);
        beta1.setHelperText("Memory of gradients");
        beta2.setHelperText("Of their squares");
        weightDecay.setHelperText("Pulls every weight towards 0 a little each step.");
        VerticalLayout fields =
                new VerticalLayout(optimizer, learningRate, sgdFields, adamFields, weightDecay);
        fields.setPadding(false);
        fields.setSpacing(false);
        return fields;
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
            DatasetSpec data = spec.dataset();
            dataset.setValue(data.kind());
            points.setValue(Integer.toString(data.points()));
            noise.setValue(format(data.noise()));
            testShare.setValue(format(data.testFraction()));
            classes.setValue(Integer.toString(data.classes()));
            showDatasetFields();
            builder.show(spec.network());
            loss.setValue(spec.loss());
            OptimizerSpec chosen = spec.optimizer();
            optimizer.setValue(chosen.kind());
            learningRate.setValue(format(chosen.learningRate()));
            momentum.setValue(format(chosen.momentum()));
            nesterov.setValue(chosen.nesterov());
            beta1.setValue(format(chosen.beta1()));
            beta2.setValue(format(chosen.beta2()));
            weightDecay.setValue(format(chosen.weightDecay()));
            batchSize.setValue(Integer.toString(spec.batchSize()));
            epochs.setValue(Integer.toString(spec.epochs()));
            seed.setValue(Long.toString(spec.seed()));
            fieldsById.values().forEach(field -> field.setInvalid(false));
            otherProblems.setVisible(false);
            showOptimizerFields();
            showLossNote();
            showNetwork(spec.network());
            showMatchingPreset(spec);
        } finally {
            updatingForm = false;
        }
    }

    private void settingsEdited() {
        if (updatingForm) {
            return;
        }
        showOptimizerFields();
        otherProblems.setVisible(false);
        RunSpec edited = readForm();
        if (edited != null) {
            List<Limits.Problem> problems = limits.check(edited);
            markProblems(problems);
            if (!problems.isEmpty()) {
                edited = null;
            }
        }
        showNetwork(builder.network());
        showMatchingPreset(edited);
        fireEvent(new ValidityEvent(this));
        if (edited != null) {
            fireEvent(new SettingsEvent(this, edited));
        }
    }

    /** The settings the form describes, or null after marking every field that is invalid. */
    private RunSpec readForm() {
        DatasetSpec data = readDataset();
        NetworkSpec network = builder.network();
        if (data != null
                && network != null
                && (network.inputs() != data.inputSize() || network.outputs() != data.classes())) {
            // The dataset fixes the input and output layers; the student owns the hidden ones.
            network = new NetworkSpec(
                    data.inputSize(), network.hidden(), data.classes(), network.init());
            builder.show(network);
        }
        if (data != null) {
            formDataset = data;
        }
        boolean sgd = optimizer.getValue() != OptimizerKind.ADAM;
        String rateProblem = OptimizerSpec.learningRateProblem(learningRate.getValue());
        show(learningRate, rateProblem);
        Reading<Double> momentumRead =
                sgd ? check(momentum, NumberText.fraction(momentum.getValue(), MOMENTUM)) : null;
        if (sgd && momentumRead.ok() && nesterov.getValue() && momentumRead.value() == 0) {
            show(momentum, "Nesterov momentum needs a momentum above 0, such as 0.9.");
            momentumRead = null;
        }
        Reading<Double> beta1Read =
                sgd ? null : check(beta1, NumberText.fraction(beta1.getValue(), BETA1));
        Reading<Double> beta2Read =
                sgd ? null : check(beta2, NumberText.fraction(beta2.getValue(), BETA2));
        Reading<Double> decayRead =
                check(weightDecay, NumberText.nonNegative(weightDecay.getValue(), WEIGHT_DECAY));
        Reading<Long> batchRead = check(
                batchSize,
                NumberText.whole(batchSize.getValue(), BATCH_SIZE, 1, limits.maxBatchSize()));
        Reading<Long> epochsRead =
                check(epochs, NumberText.whole(epochs.getValue(), EPOCHS, 1, limits.maxEpochs()));
        Reading<Long> seedRead =
                check(seed, NumberText.whole(seed.getValue(), SEED, 0, Long.MAX_VALUE));
        boolean optimizerRead =
                sgd ? momentumRead != null && momentumRead.ok() : beta1Read.ok() && beta2Read.ok();
        if (data == null
                || network == null
                || rateProblem != null
                || !optimizerRead
                || !decayRead.ok()
                || !batchRead.ok()
                || !epochsRead.ok()
                || !seedRead.ok()
                || loss.isEmpty()) {
            return null;
        }
        double rate = Double.parseDouble(learningRate.getValue().trim());
        try {
            // Only the chosen optimizer's own settings count; the others keep their defaults,
            // so switching back and forth gives the same settings.
            OptimizerSpec chosen = sgd
                    ? new OptimizerSpec(
                            OptimizerKind.SGD,
                            rate,
                            momentumRead.value(),
                            nesterov.getValue(),
                            0.9,
                            0.999,
                            decayRead.value())
                    : new OptimizerSpec(
                            OptimizerKind.ADAM,
                            rate,
                            0,
                            false,
                            beta1Read.value(),
                            beta2Read.value(),
                            decayRead.value());
            return new RunSpec(
                    network,
                    loss.getValue(),
                    chosen,
                    batchRead.value().intValue(),
                    epochsRead.value().intValue(),
                    seedRead.value(),
                    shown.evalEverySteps(),
                    data);
        } catch (IllegalArgumentException unexpected) {
            // The fields above check what the core checks; this is a last guard, not a path.
            otherProblems.setText(unexpected.getMessage());
            otherProblems.setVisible(true);
            return null;
        }
    }

    /** The dataset settings, or null after marking the fields that are invalid. */
    private DatasetSpec readDataset() {
        DatasetKind kind = dataset.getValue() == null ? DatasetKind.MNIST : dataset.getValue();
        if (kind.images()) {
            // Points, noise and split do not apply to the image sets' fixed files.
            return DatasetSpec.of(kind);
        }
        Reading<Long> pointsRead = check(
                points,
                NumberText.whole(
                        points.getValue(), POINTS, DatasetSpec.MIN_POINTS, DatasetSpec.MAX_POINTS));
        Reading<Double> noiseRead = check(noise, NumberText.nonNegative(noise.getValue(), NOISE));
        if (noiseRead.ok()) {
            show(noise, DatasetSpec.noiseProblem(noiseRead.value()));
        }
        Reading<Double> shareRead =
                check(testShare, NumberText.fraction(testShare.getValue(), TEST_SHARE));
        if (shareRead.ok()) {
            show(testShare, DatasetSpec.testFractionProblem(shareRead.value()));
        }
        int classCount = kind.defaultClasses();
        if (kind.classesAdjustable()) {
            Reading<Long> classesRead = check(
                    classes,
                    NumberText.whole(
                            classes.getValue(), CLASSES, kind.minClasses(), kind.maxClasses()));
            if (!classesRead.ok()) {
                return null;
            }
            classCount = classesRead.value().intValue();
        }
        if (!pointsRead.ok() || noise.isInvalid() || testShare.isInvalid()) {
            return null;
        }
        try {
            return new DatasetSpec(
                    kind,
                    pointsRead.value().intValue(),
                    noiseRead.value(),
                    shareRead.value(),
                    classCount);
        } catch (IllegalArgumentException tooFewForASplit) {
            show(points, tooFewForASplit.getMessage());
            return null;
        }
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
        boolean wasUpdating = updatingForm;
        updatingForm = true;
        try {
            if (previous == null || previous.images()) {
                points.setValue(Integer.toString(defaults.points()));
                noise.setValue(format(defaults.noise()));
                testShare.setValue(format(defaults.testFraction()));
            }
            Reading<Long> count = NumberText.whole(
                    classes.getValue(), CLASSES, chosen.minClasses(), chosen.maxClasses());
            if (previous == null || previous.images() || !count.ok()) {
                classes.setValue(Integer.toString(defaults.classes()));
            }
        } finally {
            updatingForm = wasUpdating;
        }
    }

    private void showDatasetFields() {
        DatasetKind kind = dataset.getValue() == null ? DatasetKind.MNIST : dataset.getValue();
        boolean generated = !kind.images();
        pointFields.setVisible(generated);
        points.setVisible(generated);
        noise.setVisible(generated);
        splitFields.setVisible(generated);
        testShare.setVisible(generated);
        classes.setVisible(generated && kind.classesAdjustable());
        classes.setHelperText(kind.minClasses() + " to " + kind.maxClasses());
        dataset.setHelperText(
                switch (kind) {
                    case MNIST -> "8,000 training and 2,000 test digits, 28 × 28 pixels.";
                    case FASHION_MNIST ->
                        "Clothes, harder than digits: 10,000 training and 2,000 test"
                                + " images, 28 × 28 pixels.";
                    default ->
                        "Points in the plane, generated from the seed; the network sees x1"
                                + " and x2 and paints its decision boundary.";
                });
    }

    private static <T> Reading<T> check(TextField field, Reading<T> read) {
        show(field, read.problem());
        return read;
    }

    private static void show(TextField field, String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }

    private void showOptimizerFields() {
        boolean sgd = optimizer.getValue() != OptimizerKind.ADAM;
        sgdFields.setVisible(sgd);
        momentum.setVisible(sgd);
        adamFields.setVisible(!sgd);
        beta1.setVisible(!sgd);
        beta2.setVisible(!sgd);
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

    private void showLossNote() {
        String why = "The network outputs logits (raw scores), not probabilities: probabilities"
                + " near 0 and 1 lose precision in floating point, their logarithms don't.";
        LossKind kind = loss.getValue() == null ? LossKind.CROSS_ENTROPY : loss.getValue();
        lossNote.setText(
                switch (kind) {
                    case CROSS_ENTROPY ->
                        why + " CrossEntropyLoss = LogSoftmax + NLLLoss in one"
                                + " numerically stable step.";
                    case NLL ->
                        why + " Here the network ends in LogSoftmax and NLLLoss takes the"
                                + " log-probability of the right digit: the same loss as CrossEntropyLoss,"
                                + " in two steps.";
                    case MSE ->
                        "MSELoss asks the logits to equal one-hot targets (1 for the right digit,"
                                + " 0 for the others), so it also punishes confident right answers: it"
                                + " trains worse than cross-entropy on logits.";
                });
    }

    private void showMatchingPreset(RunSpec spec) {
        boolean wasUpdating = updatingForm;
        updatingForm = true;
        try {
            Presets matching = null;
            for (Presets candidate : Presets.values()) {
                if (presetSettings(candidate).equals(spec)) {
                    matching = candidate;
                }
            }
            if (!Objects.equals(preset.getValue(), matching)) {
                preset.setValue(matching);
            }
        } finally {
            updatingForm = wasUpdating;
        }
    }

    /**
     * A preset's settings: on the shown dataset (its network fitted to it) when the preset
     * keeps the dataset, otherwise on the preset's own.
     */
    private RunSpec presetSettings(Presets chosen) {
        RunSpec presetSpec = chosen.spec().withEvalEverySteps(shown.evalEverySteps());
        return chosen.keepsDataset() ? presetSpec.withDataset(formDataset) : presetSpec;
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private TextField numberField(String id, String label) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setWidthFull();
        // Checked when the field is left or Enter is pressed, not on every key.
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.addValueChangeListener(e -> settingsEdited());
        return field;
    }

    private static HorizontalLayout row(Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setWidthFull();
        row.setSpacing(false);
        row.addClassName("settings-row");
        for (Component field : fields) {
            if (field instanceof TextField text) {
                // Share the column: a text field is 12em wide by default, three would spill
                // over into the charts.
                text.setWidth("0");
                text.setMinWidth("0");
                row.setFlexGrow(1, field);
            }
        }
        return row;
    }

    private static H4 heading(String text) {
        H4 heading = new H4(text);
        heading.addClassName("settings-heading");
        return heading;
    }

    private static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        styleAsNote(note);
        return note;
    }

    private static void styleAsNote(Paragraph note) {
        note.addClassName("settings-note");
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
