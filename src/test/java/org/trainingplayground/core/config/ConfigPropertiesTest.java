package org.trainingplayground.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.config.ConfigProperties.Notice;
import org.trainingplayground.core.config.ConfigProperties.Reading;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

class ConfigPropertiesTest {

    private static final Limits LIMITS = Limits.defaults();
    private static final PlaygroundConfig LESSON = new PlaygroundConfig(RunSpec.lesson(), 0);

    static PlaygroundConfig config(
            DatasetSpec data,
            List<LayerSpec> hidden,
            Init init,
            LossKind loss,
            OptimizerSpec optimizer,
            int batch,
            int epochs,
            long seed,
            double speed) {
        RunSpec run = RunSpec.lesson().withDataset(data);
        run = run.withNetwork(run.network().withHidden(hidden).withInit(init))
                .withLoss(loss)
                .withOptimizer(optimizer)
                .withBatchSize(batch)
                .withEpochs(epochs)
                .withSeed(seed);
        return new PlaygroundConfig(run, speed);
    }

    static final PlaygroundConfig MNIST_NESTEROV = config(
            DatasetSpec.mnist(),
            List.of(LayerSpec.relu(128), LayerSpec.relu(64)),
            Init.PYTORCH,
            LossKind.CROSS_ENTROPY,
            new OptimizerSpec(OptimizerKind.SGD, 0.05, 0.9, true, 0.9, 0.999, 0),
            64,
            5,
            1,
            0);
    static final PlaygroundConfig FASHION_ADAM = config(
            DatasetSpec.of(DatasetKind.FASHION_MNIST),
            List.of(new LayerSpec(256, Activation.TANH)),
            Init.HE,
            LossKind.NLL,
            new OptimizerSpec(OptimizerKind.ADAM, 0.001, 0, false, 0.8, 0.99, 0.0001),
            128,
            3,
            42,
            5);
    static final PlaygroundConfig SPIRAL_FIVE = config(
            new DatasetSpec(DatasetKind.SPIRAL, 800, 0.2, 0.3, 5),
            List.of(LayerSpec.relu(32), new LayerSpec(32, Activation.LEAKY_RELU)),
            Init.XAVIER,
            LossKind.CROSS_ENTROPY,
            OptimizerSpec.adam(0.01),
            16,
            60,
            7,
            20);
    static final PlaygroundConfig CIRCLES_NO_HIDDEN = config(
            new DatasetSpec(DatasetKind.CIRCLES, 20, 0, 0.5, 2),
            List.of(),
            Init.PYTORCH,
            LossKind.MSE,
            new OptimizerSpec(OptimizerKind.SGD, 1e-12, 0.5, false, 0.9, 0.999, 1.5e-7),
            1,
            1,
            Long.MAX_VALUE,
            1);

    static final List<PlaygroundConfig> EXAMPLES =
            List.of(LESSON, MNIST_NESTEROV, FASHION_ADAM, SPIRAL_FIVE, CIRCLES_NO_HIDDEN);

    private static Reading readLink(String query, PlaygroundConfig base) {
        return ConfigProperties.read(ConfigProperties.parseQuery(query), base, LIMITS);
    }

    private static Reading readLink(String query) {
        return readLink(query, LESSON);
    }

    private static List<String> sentences(Reading reading) {
        return reading.notices().stream().map(Notice::sentence).toList();
    }

    @Test
    void everyExampleReadsBackFromItsLinkExactlyWhateverThePageShowedBefore() {
        for (PlaygroundConfig example : EXAMPLES) {
            for (PlaygroundConfig before : EXAMPLES) {
                Reading reading = readLink(ConfigProperties.toQuery(example), before);
                assertEquals(List.of(), reading.notices(), ConfigProperties.toQuery(example));
                assertEquals(example, reading.config(), ConfigProperties.toQuery(example));
            }
        }
    }

    @Test
    void everyExampleReadsBackFromItsExportedFileExactly() {
        for (PlaygroundConfig example : EXAMPLES) {
            for (PlaygroundConfig before : EXAMPLES) {
                String json = ConfigJson.toJson(example);
                Reading reading = ConfigJson.fromJson(json, before, LIMITS);
                assertEquals(List.of(), reading.notices(), json);
                assertEquals(example, reading.config(), json);
            }
        }
    }

    @Test
    void randomValidConfigurationsReadBackFromLinksAndFiles() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            PlaygroundConfig example = randomConfig(random);
            PlaygroundConfig before = randomConfig(random);
            Reading link = readLink(ConfigProperties.toQuery(example), before);
            assertEquals(List.of(), link.notices(), ConfigProperties.toQuery(example));
            assertEquals(example, link.config(), ConfigProperties.toQuery(example));
            Reading file = ConfigJson.fromJson(ConfigJson.toJson(example), before, LIMITS);
            assertEquals(example, file.config(), ConfigJson.toJson(example));
        }
    }

    @Test
    void theLinkListsTheKeysInTableOrderAndOnlyThoseThatApply() {
        assertEquals(
                "dataset=mnist&normalize=none&layers=128-relu,64-relu&init=pytorch&loss=cross-entropy"
                        + "&optimizer=sgd&lr=0.003&momentum=0&nesterov=false&decay=0&batch=64&epochs=5"
                        + "&seed=1&speed=0",
                ConfigProperties.toQuery(LESSON));
        assertEquals(
                List.of(
                        "dataset",
                        "points",
                        "noise",
                        "test",
                        "classes",
                        "layers",
                        "init",
                        "loss",
                        "optimizer",
                        "lr",
                        "beta1",
                        "beta2",
                        "decay",
                        "batch",
                        "epochs",
                        "seed",
                        "speed"),
                List.copyOf(ConfigProperties.write(SPIRAL_FIVE).keySet()));
        assertFalse(
                ConfigProperties.write(CIRCLES_NO_HIDDEN).containsKey("classes"),
                "two circles always have two classes");
        assertEquals("", ConfigProperties.write(CIRCLES_NO_HIDDEN).get("layers"));
    }

    @Test
    void theExportedFileTypesItsValuesAndSaysWhatItIs() throws Exception {
        JsonNode file = new ObjectMapper().readTree(ConfigJson.toJson(MNIST_NESTEROV));
        assertEquals("training-playground-config", file.get("format").asText());
        assertEquals(1, file.get("version").asInt());
        assertTrue(file.get("lr").isNumber() && file.get("batch").isInt());
        assertTrue(file.get("nesterov").isBoolean());
        assertEquals(128, file.get("layers").get(0).get("width").asInt());
        assertEquals("relu", file.get("layers").get(0).get("activation").asText());
    }

    @Test
    void aLearningRateThatIsNotANumberIsNoticedAndTheRestApplies() {
        Reading reading = readLink("lr=abc&batch=32&optimizer=adam");
        assertEquals(
                List.of(new Notice(
                        "lr",
                        "lr=abc: \"abc\" is not a number; enter a number such as 0.003. The learning"
                                + " rate stays 0.003.")),
                reading.notices());
        assertEquals(32, reading.config().run().batchSize());
        assertEquals(OptimizerKind.ADAM, reading.config().run().optimizer().kind());
        assertEquals(0.003, reading.config().run().optimizer().learningRate());
    }

    @Test
    void eachBadValueGetsItsOwnSentenceNamingTheValue() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(
                "dataset=cifar",
                "dataset=cifar: Unknown dataset \"cifar\": choose one of"
                        + " mnist, fashion-mnist, spiral, circles, xor, gaussian, moons. The dataset"
                        + " stays mnist.");
        expected.put(
                "lr=-1",
                "lr=-1: The learning rate must be greater than 0, such as 0.003."
                        + " The learning rate stays 0.003.");
        expected.put(
                "lr=0,01",
                "lr=0,01: \"0,01\" is not a number; write decimals with a"
                        + " point, such as 0.003. The learning rate stays 0.003.");
        expected.put(
                "momentum=1.5",
                "momentum=1.5: The momentum must be at least 0 and below"
                        + " 1, such as 0.9, not 1.5. The momentum stays 0.");
        expected.put(
                "nesterov=yes",
                "nesterov=yes: \"yes\" is neither true nor false."
                        + " Nesterov momentum stays false.");
        expected.put(
                "batch=2000",
                "batch=2000: The batch size must be between 1 and 1024, not"
                        + " 2000. The batch size stays 64.");
        expected.put(
                "epochs=2.5",
                "epochs=2.5: \"2.5\" is not a whole number; enter one such as 5. The number"
                        + " of epochs stays 5.");
        expected.put(
                "seed=-3",
                "seed=-3: The seed must be between 0 and 9223372036854775807,"
                        + " not -3. The seed stays 1.");
        expected.put(
                "decay=-0.1",
                "decay=-0.1: The weight decay must be 0 or more, such as"
                        + " 0.0001, not -0.1. The weight decay stays 0.");
        expected.put(
                "speed=1e999",
                "speed=1e999: \"1e999\" is too large; enter a number such as 5. The speed"
                        + " stays 0.");
        expected.put(
                "loss=hinge",
                "loss=hinge: Unknown loss \"hinge\": choose one of"
                        + " cross-entropy, nll, mse. The loss stays cross-entropy.");
        expected.put(
                "init=zeros",
                "init=zeros: Unknown initialisation \"zeros\": choose one of"
                        + " pytorch, xavier, he. The initialisation stays pytorch.");
        expected.put(
                "layers=128-gelu",
                "layers=128-gelu: Layer 1: unknown activation \"gelu\";"
                        + " choose one of none, relu, sigmoid, tanh, leakyrelu. The hidden layers stay"
                        + " 128-relu,64-relu.");
        expected.put(
                "layers=2000-relu",
                "layers=2000-relu: Layer 1 has 2000 units; at most"
                        + " 1024 are allowed here. The hidden layers stay 128-relu,64-relu.");
        expected.put(
                "layers=1,2,3,4,5,6,7",
                "layers=1,2,3,4,5,6,7: At most 6 hidden layers are"
                        + " allowed here; this network has 7. The hidden layers stay 128-relu,64-relu.");
        expected.put(
                "layers=0-relu",
                "layers=0-relu: Layer 1: A layer needs at least one unit,"
                        + " not 0. Write each layer as width-activation, such as 128-relu. The hidden"
                        + " layers stay 128-relu,64-relu.");
        expected.put(
                "points=300",
                "points=300: The number of points applies to the 2-D sets only; ignored.");
        expected.put("beta1=0.5", "beta1=0.5: β1 applies to Adam only; ignored.");
        expected.put(
                "lr",
                "lr=: Enter a number for the learning rate, such as 0.003. The learning rate"
                        + " stays 0.003.");
        expected.forEach((query, sentence) -> {
            boolean epochsTested = query.startsWith("epochs");
            Reading reading = readLink(query + (epochsTested ? "&seed=7" : "&epochs=7"));
            assertEquals(List.of(sentence), sentences(reading), query);
            RunSpec run = reading.config().run();
            assertEquals(7, epochsTested ? run.seed() : run.epochs(), "the rest applies: " + query);
        });
    }

    @Test
    void aSettingOfTheOtherOptimizerIsIgnoredWithANotice() {
        Reading reading = readLink("optimizer=adam&momentum=0.9&beta1=0.5");
        assertEquals(
                List.of("momentum=0.9: The momentum applies to SGD only; ignored."),
                sentences(reading));
        assertEquals(0.5, reading.config().run().optimizer().beta1());
        assertEquals(0, reading.config().run().optimizer().momentum());
    }

    @Test
    void theLessonsNormalisationIsReadFromALinkAndWrittenBackForImageSetsOnly() {
        Reading reading = readLink("normalize=lesson&lr=0.1");
        assertEquals(List.of(), reading.notices());
        assertEquals(Normalization.LESSON, reading.config().run().dataset().normalization());
        assertTrue(ConfigProperties.toQuery(reading.config()).contains("normalize=lesson"));

        Reading spiral = readLink("dataset=spiral&normalize=lesson");
        assertEquals(DatasetKind.SPIRAL, spiral.config().run().dataset().kind());
        assertFalse(ConfigProperties.toQuery(spiral.config()).contains("normalize"));

        Reading bad = readLink("normalize=sideways&lr=0.1");
        assertEquals(
                List.of("normalize=sideways: Unknown normalize \"sideways\": choose one of none,"
                        + " lesson. The normalisation stays none."),
                sentences(bad));
        assertEquals(Normalization.NONE, bad.config().run().dataset().normalization());
        assertEquals(0.1, bad.config().run().optimizer().learningRate());
    }

    @Test
    void unknownKeysAreNoticedOneByOne() {
        Reading reading = readLink("foo=1&lr=0.1&=2&LR=3");
        assertEquals(
                List.of(
                        new Notice("foo", "Unknown setting \"foo\" ignored."),
                        new Notice("", "Unknown setting \"\" ignored."),
                        new Notice("LR", "Unknown setting \"LR\" ignored.")),
                reading.notices());
        assertEquals(0.1, reading.config().run().optimizer().learningRate());
    }

    @Test
    void theDatasetIsAppliedBeforeItsSettingsWhateverTheOrderOfTheLink() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("classes", "5");
        values.put("layers", "16-tanh");
        values.put("momentum", "0.5");
        values.put("optimizer", "sgd");
        values.put("dataset", "spiral");
        Reading reading =
                ConfigProperties.read(values, new PlaygroundConfig(FASHION_ADAM.run(), 0), LIMITS);
        assertEquals(List.of(), reading.notices());
        RunSpec run = reading.config().run();
        assertEquals(DatasetKind.SPIRAL, run.dataset().kind());
        assertEquals(5, run.dataset().classes());
        assertEquals(2, run.network().inputs(), "the input layer follows the dataset");
        assertEquals(5, run.network().outputs());
        assertEquals(0.5, run.optimizer().momentum());
    }

    @Test
    void aSplitTooSmallForTheClassesTakesBackTheLastSettingRead() {
        Reading reading = readLink("dataset=spiral&points=20&test=0.2&classes=6");
        assertEquals(
                List.of(new Notice(
                        "classes",
                        "classes=6: With 20 points and a test share"
                                + " of 0.2, a split would be too small for 6 classes. The number of classes"
                                + " stays 3.")),
                reading.notices());
        assertEquals(
                new DatasetSpec(DatasetKind.SPIRAL, 20, 0.05, 0.2, 3),
                reading.config().run().dataset());
    }

    @Test
    void whenTakingBackTheClassesIsNotEnoughTheTestShareGoesBackToo() {
        Reading reading = readLink("dataset=spiral&points=20&test=0.1&classes=6");
        assertEquals(
                List.of("classes", "test"),
                reading.notices().stream().map(Notice::key).toList());
        assertTrue(sentences(reading)
                .get(1)
                .startsWith("test=0.1: With 20 points and a test"
                        + " share of 0.1, a split would be too small for 3 classes."));
        assertEquals(
                new DatasetSpec(DatasetKind.SPIRAL, 20, 0.05, 0.2, 3),
                reading.config().run().dataset());
    }

    @Test
    void aNetworkWithMoreWeightsThanAllowedIsRefusedNamingTheLimit() {
        Reading reading = readLink("layers=1024,1024,1024,1024,1024,1024&seed=9");
        assertEquals(1, reading.notices().size(), reading.notices().toString());
        assertTrue(
                reading.notices()
                        .get(0)
                        .sentence()
                        .contains("weights and biases; at most 5,000,000 are allowed here."),
                reading.notices().get(0).sentence());
        assertEquals(RunSpec.lesson().network(), reading.config().run().network());
        assertEquals(9, reading.config().run().seed());
    }

    @Test
    void tighterLimitsRefuseWhatTheDefaultsAllow() {
        Limits classroom = new Limits(2, 256, 256, 10, 500_000);
        Reading reading = ConfigProperties.read(
                ConfigProperties.parseQuery("layers=512-relu&batch=512&epochs=20"),
                LESSON,
                classroom);
        assertEquals(
                List.of(
                        "layers=512-relu: Layer 1 has 512 units; at most 256 are allowed here. The"
                                + " hidden layers stay 128-relu,64-relu.",
                        "batch=512: The batch size must be between 1 and 256, not 512. The batch size"
                                + " stays 64.",
                        "epochs=20: The number of epochs must be between 1 and 10, not 20. The number"
                                + " of epochs stays 5."),
                sentences(reading));
    }

    @Test
    void nesterovWithoutMomentumIsTakenBack() {
        Reading reading = readLink("nesterov=true&lr=0.1");
        assertEquals(
                List.of("nesterov=true: Nesterov momentum needs a momentum above 0, such"
                        + " as 0.9. Nesterov momentum stays false."),
                sentences(reading));
        assertFalse(reading.config().run().optimizer().nesterov());
        assertEquals(0.1, reading.config().run().optimizer().learningRate());
        Reading withMomentum = readLink("nesterov=true&momentum=0.9");
        assertEquals(List.of(), withMomentum.notices());
        assertTrue(withMomentum.config().run().optimizer().nesterov());
    }

    @Test
    void aMalformedEscapeIsTakenLiterallyAndNamedInItsNotice() {
        Map<String, String> values = ConfigProperties.parseQuery("?lr=%zz&batch=3%2&seed=%41");
        assertEquals("%zz", values.get("lr"));
        Reading reading = ConfigProperties.read(values, LESSON, LIMITS);
        assertEquals(
                List.of(
                        "lr=%zz: \"%zz\" is not a number; enter a number such as 0.003. The learning"
                                + " rate stays 0.003.",
                        "batch=3%2: \"3%2\" is not a number; enter a number such as 64. The batch"
                                + " size stays 64.",
                        "seed=A: \"A\" is not a number; enter a number such as 1. The seed stays 1."),
                sentences(reading));
    }

    @Test
    void theFirstValueOfARepeatedKeyCountsAndEmptyPartsAreSkipped() {
        Map<String, String> values = ConfigProperties.parseQuery("&&lr=0.1&&lr=0.2&layers=&");
        assertEquals(Map.of("lr", "0.1", "layers", ""), values);
        Reading reading = ConfigProperties.read(values, LESSON, LIMITS);
        assertEquals(List.of(), reading.config().run().network().hidden());
    }

    @Test
    void aLongValueIsShortenedInItsNotice() {
        String huge = "9".repeat(100_000);
        Reading reading = readLink("batch=" + huge);
        String sentence = reading.notices().get(0).sentence();
        assertTrue(sentence.length() < 200, sentence);
        assertTrue(sentence.contains("must be between 1 and 1024"), sentence);
    }

    @Test
    void aFileThatIsNotOursIsOneNoticeAndChangesNothing() {
        for (String text : List.of(
                "{\"lr\": 0.1}",
                "[1, 2]",
                "",
                "not json",
                "{\"format\":",
                "null",
                "{\"format\": \"something-else\", \"lr\": 0.1}",
                "{} trailing")) {
            Reading reading = ConfigJson.fromJson(text, LESSON, LIMITS);
            assertEquals(LESSON, reading.config(), text);
            assertEquals(1, reading.notices().size(), text + ": " + reading.notices());
        }
        assertEquals(
                "The file is not a Training Playground configuration (it lacks \"format\":"
                        + " \"training-playground-config\"); nothing was read.",
                ConfigJson.fromJson("{\"lr\": 0.1}", LESSON, LIMITS)
                        .notices()
                        .get(0)
                        .sentence());
    }

    @Test
    void aFileSaysWhichValuesItCouldNotTakeAndAppliesTheRest() {
        String json = """
                {"format": "training-playground-config", "version": 1, "dataset": "spiral",
                 "classes": "lots", "layers": [{"width": 8, "activation": "tanh"}, {"width": "wide"}],
                 "batch": 16, "nesterov": 1, "colour": "red", "seed": null}
                """;
        Reading reading = ConfigJson.fromJson(json, LESSON, LIMITS);
        assertEquals(
                List.of("classes", "layers", "nesterov", "seed", "colour"),
                reading.notices().stream().map(Notice::key).toList(),
                reading.notices().toString());
        assertEquals(DatasetKind.SPIRAL, reading.config().run().dataset().kind());
        assertEquals(16, reading.config().run().batchSize());
    }

    @Test
    void aFileMayGiveTheLayersAsALinkWritesThem() {
        String json = "{\"format\": \"training-playground-config\", \"version\": 1,"
                + " \"layers\": \"32-tanh,16\"}";
        Reading reading = ConfigJson.fromJson(json, LESSON, LIMITS);
        assertEquals(List.of(), reading.notices());
        assertEquals(
                List.of(new LayerSpec(32, Activation.TANH), LayerSpec.relu(16)),
                reading.config().run().network().hidden());
    }

    @Test
    void aNewerVersionIsNoticedButWhatIsKnownIsRead() {
        String json =
                "{\"format\": \"training-playground-config\", \"version\": 2," + " \"batch\": 8}";
        Reading reading = ConfigJson.fromJson(json, LESSON, LIMITS);
        assertEquals(
                List.of("version"), reading.notices().stream().map(Notice::key).toList());
        assertEquals(8, reading.config().run().batchSize());
    }

    @Test
    void randomKeysAndValuesNeverThrowAndAlwaysGiveAValidConfiguration() {
        Random random = new Random(1);
        List<String> keys = new ArrayList<>(ConfigProperties.keys());
        keys.addAll(List.of("", "foo", "LR", "dataset ", "漢", "%", "=", "x".repeat(500)));
        for (int i = 0; i < 5000; i++) {
            Map<String, String> values = new LinkedHashMap<>();
            int count = random.nextInt(i % 100 == 0 ? 10_000 : 12);
            for (int k = 0; k < count; k++) {
                values.put(keys.get(random.nextInt(keys.size())), randomValue(random));
            }
            PlaygroundConfig base = randomConfig(random);
            assertValid(ConfigProperties.read(values, base, LIMITS), values.toString());
        }
    }

    @Test
    void randomQueryStringsNeverThrowAndAlwaysGiveAValidConfiguration() {
        Random random = new Random(2);
        String alphabet = "%&=+?#,.-_ 0123456789abcdefzlrepochsbatchlayersreluadam"
                + "é漢\u0000\uD83D\uDE00\uD800";
        List<String> real = List.of(
                ConfigProperties.toQuery(SPIRAL_FIVE), ConfigProperties.toQuery(MNIST_NESTEROV));
        for (int i = 0; i < 5000; i++) {
            StringBuilder query = new StringBuilder(
                    random.nextBoolean() ? real.get(random.nextInt(real.size())) : "");
            int length = random.nextInt(i % 500 == 0 ? 50_000 : 80);
            for (int c = 0; c < length; c++) {
                int at = query.length() == 0 ? 0 : random.nextInt(query.length() + 1);
                query.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertValid(readLink(query.toString(), randomConfig(random)), query.toString());
        }
    }

    @Test
    void randomJsonTextsNeverThrowAndAlwaysGiveAValidConfiguration() {
        Random random = new Random(3);
        String alphabet = "{}[]\":,0123456789.-eE truefalsnl\\u漢\uD83D\uDE00";
        for (int i = 0; i < 3000; i++) {
            String text = switch (i % 3) {
                case 0 -> mutate(ConfigJson.toJson(randomConfig(random)), random, alphabet);
                case 1 -> randomJsonObject(random);
                default -> randomText(random, alphabet, random.nextInt(200));
            };
            assertValid(ConfigJson.fromJson(text, randomConfig(random), LIMITS), text);
        }
        assertValid(ConfigJson.fromJson("[".repeat(100_000), LESSON, LIMITS), "deep");
        assertValid(ConfigJson.fromJson(null, LESSON, LIMITS), "null");
    }

    /** The configuration is whole, within the limits, and reads back from its own link. */
    private static void assertValid(Reading reading, String text) {
        String input = escaped(text);
        assertNotNull(reading, input);
        RunSpec run = reading.config().run();
        assertEquals(
                run,
                new RunSpec(
                        run.network(),
                        run.loss(),
                        run.optimizer(),
                        run.batchSize(),
                        run.epochs(),
                        run.seed(),
                        run.evalEverySteps(),
                        run.dataset()),
                input);
        assertEquals(List.of(), LIMITS.check(run), input);
        reading.notices().forEach(notice -> {
            assertNotNull(notice.key(), input);
            assertFalse(notice.sentence().isBlank(), input);
            assertTrue(notice.sentence().length() < 400, notice.sentence());
        });
        Reading again = readLink(ConfigProperties.toQuery(reading.config()), LESSON);
        assertEquals(
                reading.config(),
                again.config(),
                () -> input + " → " + ConfigProperties.toQuery(reading.config()) + " "
                        + again.notices());
    }

    /** Characters a test report cannot hold (NUL, lone surrogates) as \\uXXXX escapes. */
    private static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        text.chars()
                .forEach(c -> shown.append(
                        c >= 0x20 && c < 0x7f
                                ? String.valueOf((char) c)
                                : String.format("\\u%04x", c)));
        return shown.toString();
    }

    static PlaygroundConfig randomConfig(Random random) {
        DatasetKind kind = DatasetKind.values()[random.nextInt(DatasetKind.values().length)];
        DatasetSpec data = DatasetSpec.of(kind);
        if (!kind.images()) {
            int points = 60 + random.nextInt(4000);
            double test = 0.1 + random.nextInt(81) / 100.0;
            int classes =
                    kind.minClasses() + random.nextInt(kind.maxClasses() - kind.minClasses() + 1);
            data = new DatasetSpec(kind, points, random.nextDouble(), test, classes);
        }
        List<LayerSpec> hidden = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            hidden.add(new LayerSpec(
                    1 + random.nextInt(200),
                    Activation.values()[random.nextInt(Activation.values().length)]));
        }
        double lr = Math.pow(10, -6 * random.nextDouble()) * random.nextDouble() + 1e-9;
        OptimizerSpec optimizer;
        if (random.nextBoolean()) {
            double momentum = random.nextBoolean() ? 0 : random.nextDouble();
            optimizer = new OptimizerSpec(
                    OptimizerKind.SGD,
                    lr,
                    momentum,
                    momentum > 0 && random.nextBoolean(),
                    0.9,
                    0.999,
                    random.nextDouble());
        } else {
            optimizer = new OptimizerSpec(
                    OptimizerKind.ADAM,
                    lr,
                    0,
                    false,
                    random.nextDouble(),
                    random.nextDouble(),
                    random.nextBoolean() ? 0 : 1e-4);
        }
        double speed = List.of(0.0, 1.0, 5.0, 20.0, 2.5).get(random.nextInt(5));
        return config(
                data,
                hidden,
                Init.values()[random.nextInt(Init.values().length)],
                LossKind.values()[random.nextInt(LossKind.values().length)],
                optimizer,
                1 + random.nextInt(1024),
                1 + random.nextInt(100),
                random.nextLong() & Long.MAX_VALUE,
                speed);
    }

    private static String randomValue(Random random) {
        List<String> pool = List.of(
                "",
                " ",
                "0",
                "1",
                "-1",
                "0.5",
                "1e999",
                "NaN",
                "Infinity",
                "abc",
                "true",
                "false",
                "mnist",
                "spiral",
                "gaussian",
                "adam",
                "sgd",
                "relu",
                "128-relu,64-tanh",
                "1024,1024,1024,1024,1024",
                "2000",
                "5000",
                "20",
                "0.1",
                "0.9",
                "6",
                "%zz",
                "漢字",
                "\uD83D\uDE00",
                "\uD800",
                "9".repeat(30),
                "-9223372036854775809",
                "0x10",
                "1,5",
                "1-relu,",
                ",,,",
                "-",
                "--",
                "1--relu");
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "x".repeat(random.nextInt(20_000));
            case 2 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20)));
            case 3 -> Integer.toString(random.nextInt(3000) - 100);
            default -> pool.get(random.nextInt(pool.size()));
        };
    }

    private static String mutate(String text, Random random, String alphabet) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = random.nextInt(5); i >= 0; i--) {
            int at = random.nextInt(mutated.length());
            if (random.nextBoolean()) {
                mutated.deleteCharAt(at);
            } else {
                mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return mutated.toString();
    }

    private static String randomJsonObject(Random random) {
        ObjectMapper json = new ObjectMapper();
        var file = json.createObjectNode();
        if (random.nextInt(5) > 0) {
            file.put("format", "training-playground-config");
        }
        if (random.nextInt(5) > 0) {
            file.put("version", random.nextInt(10) > 0 ? 1 : random.nextInt(5));
        }
        List<String> keys = ConfigProperties.keys();
        for (int i = random.nextInt(15); i > 0; i--) {
            String key = random.nextInt(10) > 0 ? keys.get(random.nextInt(keys.size())) : "odd";
            switch (random.nextInt(7)) {
                case 0 -> file.put(key, random.nextGaussian() * 100);
                case 1 -> file.put(key, random.nextInt(2000) - 10);
                case 2 -> file.put(key, random.nextBoolean());
                case 3 -> file.putNull(key);
                case 4 ->
                    file.putArray(key)
                            .addObject()
                            .put("width", random.nextInt(3000))
                            .put("activation", random.nextBoolean() ? "relu" : "x");
                case 5 -> file.putObject(key).putArray("nested").add(1).addObject();
                default -> file.put(key, randomValue(random));
            }
        }
        return file.toString();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
