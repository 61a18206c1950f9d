package org.trainingplayground.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.trainingplayground.core.config.ConfigText.Parsed;
import org.trainingplayground.core.config.ConfigText.Quantity;
import org.trainingplayground.core.spec.Choice;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;

/**
 * The table of configuration properties: each has a key, reads its value from text with its
 * rule and sentence, and writes it back. {@link ConfigProperties} applies it to links, files,
 * the settings form and {@code train}'s options alike.
 */
final class PropertyTable {

    private PropertyTable() {}

    /** How a property's value is typed in the exported JSON. */
    enum JsonType {
        TEXT,
        NUMBER,
        BOOLEAN,
        LAYERS
    }

    /** Reads one value into the draft; returns a sentence when it is refused, else null. */
    interface Reader {
        String read(String text, Draft draft);
    }

    /**
     * One setting.
     *
     * @param name how sentences name it, e.g. "the learning rate"
     * @param applies whether it belongs to the configuration at all (written, or read)
     * @param onlyFor what it applies to, for the notice when it does not, e.g. "SGD"
     * @param value its value as text
     */
    record Property(
            String key,
            String name,
            JsonType json,
            Predicate<Draft> applies,
            String onlyFor,
            Function<Draft, String> value,
            Reader reader) {}

    private static final Quantity POINTS = new Quantity("the number of points", "500");
    private static final Quantity NOISE = new Quantity("the noise", "0.1");
    private static final Quantity TEST_SHARE = new Quantity("the test share", "0.2");
    private static final Quantity CLASSES = new Quantity("the number of classes", "3");
    private static final Quantity LEARNING_RATE = new Quantity("the learning rate", "0.003");
    private static final Quantity MOMENTUM = new Quantity("the momentum", "0.9");
    private static final Quantity BETA1 = new Quantity("β1", "0.9");
    private static final Quantity BETA2 = new Quantity("β2", "0.999");
    private static final Quantity WEIGHT_DECAY = new Quantity("the weight decay", "0.0001");
    private static final Quantity BATCH_SIZE = new Quantity("the batch size", "64");
    private static final Quantity EPOCHS = new Quantity("the number of epochs", "5");
    private static final Quantity SEED = new Quantity("the seed", "1");
    private static final Quantity SPEED = new Quantity("the speed", "5");

    private static final Predicate<Draft> ALWAYS = draft -> true;
    private static final Predicate<Draft> POINT_SETS = draft -> !draft.kind.images();
    private static final Predicate<Draft> IMAGE_SETS = draft -> draft.kind.images();
    private static final Predicate<Draft> SGD = draft -> draft.optimizer == OptimizerKind.SGD;
    private static final Predicate<Draft> ADAM = draft -> draft.optimizer == OptimizerKind.ADAM;

    static final List<Property> TABLE = List.of(
            new Property(
                    "dataset",
                    "the dataset",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.kind.key(),
                    (text, draft) ->
                            choose(DatasetKind.class, text, "dataset", draft::switchDataset)),
            new Property(
                    "normalize",
                    "the normalisation",
                    JsonType.TEXT,
                    IMAGE_SETS,
                    "the image sets",
                    draft -> draft.normalization.key(),
                    (text, draft) -> choose(
                            Normalization.class,
                            text,
                            "normalize",
                            value -> draft.normalization = value)),
            new Property(
                    "points",
                    "the number of points",
                    JsonType.NUMBER,
                    POINT_SETS,
                    "the 2-D sets",
                    draft -> Integer.toString(draft.points),
                    (text, draft) -> take(
                            ConfigText.whole(
                                    text, POINTS, DatasetSpec.MIN_POINTS, DatasetSpec.MAX_POINTS),
                            value -> null,
                            value -> draft.points = value.intValue())),
            new Property(
                    "noise",
                    "the noise",
                    JsonType.NUMBER,
                    POINT_SETS,
                    "the 2-D sets",
                    draft -> ConfigText.format(draft.noise),
                    (text, draft) -> take(
                            ConfigText.decimal(text, NOISE),
                            DatasetSpec::noiseProblem,
                            value -> draft.noise = value)),
            new Property(
                    "test",
                    "the test share",
                    JsonType.NUMBER,
                    POINT_SETS,
                    "the 2-D sets",
                    draft -> ConfigText.format(draft.testFraction),
                    (text, draft) -> take(
                            ConfigText.decimal(text, TEST_SHARE),
                            DatasetSpec::testFractionProblem,
                            value -> draft.testFraction = value)),
            new Property(
                    "classes",
                    "the number of classes",
                    JsonType.NUMBER,
                    draft -> draft.kind.classesAdjustable(),
                    "spiral and gaussian",
                    draft -> Integer.toString(draft.classes),
                    (text, draft) -> take(
                            ConfigText.whole(
                                    text,
                                    CLASSES,
                                    draft.kind.minClasses(),
                                    draft.kind.maxClasses()),
                            value -> null,
                            value -> draft.classes = value.intValue())),
            new Property(
                    "layers",
                    "the hidden layers",
                    JsonType.LAYERS,
                    ALWAYS,
                    null,
                    draft -> Layers.write(draft.hidden),
                    (text, draft) -> take(
                            Layers.read(text, draft.limits),
                            value -> null,
                            value -> draft.hidden = value)),
            new Property(
                    "init",
                    "the initialisation",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.init.key(),
                    (text, draft) -> choose(
                            Init.class, text, "initialisation", value -> draft.init = value)),
            new Property(
                    "loss",
                    "the loss",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.loss.key(),
                    (text, draft) ->
                            choose(LossKind.class, text, "loss", value -> draft.loss = value)),
            new Property(
                    "optimizer",
                    "the optimizer",
                    JsonType.TEXT,
                    ALWAYS,
                    null,
                    draft -> draft.optimizer.key(),
                    (text, draft) -> choose(
                            OptimizerKind.class,
                            text,
                            "optimizer",
                            value -> draft.optimizer = value)),
            new Property(
                    "lr",
                    "the learning rate",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> ConfigText.format(draft.learningRate),
                    (text, draft) -> take(
                            ConfigText.decimal(text, LEARNING_RATE),
                            OptimizerSpec::learningRateProblem,
                            value -> draft.learningRate = value)),
            new Property(
                    "momentum",
                    "the momentum",
                    JsonType.NUMBER,
                    SGD,
                    "SGD",
                    draft -> ConfigText.format(draft.momentum),
                    (text, draft) -> take(
                            ConfigText.fraction(text, MOMENTUM),
                            value -> null,
                            value -> draft.momentum = value)),
            new Property(
                    "nesterov",
                    "Nesterov momentum",
                    JsonType.BOOLEAN,
                    SGD,
                    "SGD",
                    draft -> Boolean.toString(draft.nesterov),
                    (text, draft) -> take(
                            ConfigText.bool(text), value -> null, value -> draft.nesterov = value)),
            new Property(
                    "beta1",
                    "β1",
                    JsonType.NUMBER,
                    ADAM,
                    "Adam",
                    draft -> ConfigText.format(draft.beta1),
                    (text, draft) -> take(
                            ConfigText.fraction(text, BETA1),
                            value -> null,
                            value -> draft.beta1 = value)),
            new Property(
                    "beta2",
                    "β2",
                    JsonType.NUMBER,
                    ADAM,
                    "Adam",
                    draft -> ConfigText.format(draft.beta2),
                    (text, draft) -> take(
                            ConfigText.fraction(text, BETA2),
                            value -> null,
                            value -> draft.beta2 = value)),
            new Property(
                    "decay",
                    "the weight decay",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> ConfigText.format(draft.weightDecay),
                    (text, draft) -> take(
                            ConfigText.nonNegative(text, WEIGHT_DECAY),
                            value -> null,
                            value -> draft.weightDecay = value)),
            new Property(
                    "batch",
                    "the batch size",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> Integer.toString(draft.batchSize),
                    (text, draft) -> take(
                            ConfigText.whole(text, BATCH_SIZE, 1, draft.limits.maxBatchSize()),
                            value -> null,
                            value -> draft.batchSize = value.intValue())),
            new Property(
                    "epochs",
                    "the number of epochs",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> Integer.toString(draft.epochs),
                    (text, draft) -> take(
                            ConfigText.whole(text, EPOCHS, 1, draft.limits.maxEpochs()),
                            value -> null,
                            value -> draft.epochs = value.intValue())),
            new Property(
                    "seed",
                    "the seed",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> Long.toString(draft.seed),
                    (text, draft) -> take(
                            ConfigText.whole(text, SEED, 0, Long.MAX_VALUE),
                            value -> null,
                            value -> draft.seed = value)),
            new Property(
                    "speed",
                    "the speed",
                    JsonType.NUMBER,
                    ALWAYS,
                    null,
                    draft -> ConfigText.format(draft.speed),
                    (text, draft) -> take(
                            ConfigText.nonNegative(text, SPEED),
                            value -> null,
                            value -> draft.speed = value)));

    static final Map<String, Property> BY_KEY = TABLE.stream()
            .collect(Collectors.toMap(
                    Property::key, property -> property, (a, b) -> a, LinkedHashMap::new));

    /**
     * Reads a number, checks it with {@code problem} (a core check returning a sentence or
     * null) and hands it to {@code set} when both are happy.
     */
    private static <T> String take(Parsed<T> parsed, Function<T, String> problem, Consumer<T> set) {
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        String refused = problem.apply(parsed.value());
        if (refused != null) {
            return refused;
        }
        set.accept(parsed.value());
        return null;
    }

    /** Picks a constant by its key with {@link Choice#parse}, whose sentence names the keys. */
    private static <E extends Enum<E> & Choice> String choose(
            Class<E> type, String text, String what, Consumer<E> set) {
        try {
            set.accept(Choice.parse(type, text, what));
            return null;
        } catch (IllegalArgumentException unknown) {
            return unknown.getMessage();
        }
    }
}
