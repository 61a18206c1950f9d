package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.session.Presets;

/** The settings form driven in the JVM, with the real session and training engine behind it. */
class SettingsPanelTest extends BrowserlessTest {

    @BeforeEach
    void waitForTheRun() {
        eventually().until(() -> session().state() == RunState.PAUSED);
    }

    private static SettingsPanel panel() {
        return _get(SettingsPanel.class);
    }

    private static TextField field(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, s -> s.withId(id));
    }

    private static String parameterCount() {
        return _get(Span.class, s -> s.withId("parameter-count")).getText();
    }

    private static String diagram() {
        return _get(Div.class, s -> s.withId("network-diagram"))
                .getChildren()
                .map(c -> c instanceof Div box ? box.getText() : "→")
                .collect(Collectors.joining(" "));
    }

    private static List<ConfirmDialog> resetDialogs() {
        MockVaadin.clientRoundtrip();
        return _find(ConfirmDialog.class, s -> s.withId("reset-dialog"));
    }

    /** Takes one training step, after which most settings need a Reset. */
    private static void takeOneStep() {
        session().step();
        eventually().until(() -> session().history().stepCount() == 1);
    }

    @Test
    void buildingATwoLayerNetworkUpdatesTheParameterCountAndTheSessionsSpec() {
        // The page starts with the lesson's 784 → 128 ReLU → 64 ReLU → 10.
        assertEquals("109,386 weights and biases to learn", parameterCount());
        assertEquals("784 → 128 ReLU → 64 ReLU → 10", diagram());

        _click(button("layer-2-remove"));
        assertEquals("784 → 128 ReLU → 10", diagram());
        assertEquals("101,770 weights and biases to learn", parameterCount());

        _click(button("add-layer"));
        _setValue(field("layer-2-width"), "32");
        _setValue(select("layer-2-activation"), Activation.TANH);
        _click(button("layer-2-up"));

        assertEquals("784 → 32 Tanh → 128 ReLU → 10", diagram());
        // 784·32 + 32, then 32·128 + 128, then 128·10 + 10
        assertEquals("30,634 weights and biases to learn", parameterCount());
        List<LayerSpec> built = List.of(new LayerSpec(32, Activation.TANH), LayerSpec.relu(128));
        assertEquals(built, session().spec().network().hidden());
        assertEquals(built, session().runSpec().network().hidden(), "no step yet: rebuilt");
        _setValue(select("init"), Init.HE);
        assertEquals(Init.HE, session().runSpec().network().init());
        assertFalse(button("layer-1-up").isEnabled(), "the first layer cannot move up");
        assertFalse(button("layer-2-down").isEnabled(), "the last layer cannot move down");
    }

    @Test
    void aBadValueTypedIntoTheFormGetsTheSameSentenceAsInALinkAFileOrTheTrainCommand() {
        for (String[] typed : List.of(
                new String[] {"batch-size", "batch", "64x"},
                new String[] {"momentum", "momentum", "0,9"},
                new String[] {"weight-decay", "decay", ""},
                new String[] {"seed", "seed", "9".repeat(40_000)})) {
            _setValue(field(typed[0]), typed[2]);
            String table = ConfigProperties.check(
                            Map.of(typed[1], typed[2]),
                            new PlaygroundConfig(session().spec(), 0),
                            Limits.defaults())
                    .problems()
                    .get(typed[1]);
            assertTrue(table != null && !table.isEmpty(), typed[1]);
            assertEquals(table, field(typed[0]).getErrorMessage(), typed[0]);
        }
        assertFalse(panel().isValid());
    }

    @Test
    void invalidInputsShowSentencesMakeTheFormInvalidAndDisableStart() {
        eventually().until(() -> button("start").isEnabled());
        var before = session().spec();

        _setValue(field("layer-1-width"), "2000");
        assertEquals(
                "The width must be between 1 and 1024, not 2000.",
                field("layer-1-width").getErrorMessage());
        assertEquals("Fix the marked widths to count the weights.", parameterCount());
        assertTrue(diagram().contains("? ReLU"));

        _setValue(field("batch-size"), "2000");
        assertEquals(
                "The batch size must be between 1 and 1024, not 2000.",
                field("batch-size").getErrorMessage());

        _setValue(field("momentum"), "1.5");
        assertEquals(
                "The momentum must be at least 0 and below 1, such as 0.9, not 1.5.",
                field("momentum").getErrorMessage());

        _setValue(field("learning-rate"), "abc");
        assertEquals(
                "\"abc\" is not a number; enter a number such as 0.003.",
                field("learning-rate").getErrorMessage());

        _setValue(field("epochs"), "2.5");
        assertEquals(
                "\"2.5\" is not a whole number; enter one such as 5.",
                field("epochs").getErrorMessage());

        for (String id :
                List.of("layer-1-width", "batch-size", "momentum", "learning-rate", "epochs")) {
            assertTrue(field(id).isInvalid(), id);
        }
        assertFalse(panel().isValid());
        assertFalse(button("start").isEnabled());
        assertEquals(before, session().spec(), "nothing invalid reaches the session");

        for (var fix : List.of(
                List.of("layer-1-width", "256"),
                List.of("batch-size", "32"),
                List.of("momentum", "0"),
                List.of("learning-rate", "0.1"),
                List.of("epochs", "2"))) {
            _setValue(field(fix.get(0)), fix.get(1));
        }
        assertTrue(panel().isValid());
        eventually().until(() -> button("start").isEnabled());
        assertEquals(256, session().spec().network().hidden().get(0).width());
        assertEquals(32, session().runSpec().batchSize());
    }

    @Test
    void nesterovWithoutMomentumIsASentenceNotAnErrorPage() {
        _setValue(_get(Checkbox.class, s -> s.withId("nesterov")), true);
        assertEquals(
                "Nesterov momentum needs a momentum above 0, such as 0.9.",
                field("momentum").getErrorMessage());
        assertFalse(panel().isValid());
        _setValue(field("momentum"), "0.9");
        assertTrue(panel().isValid());
        assertTrue(session().runSpec().optimizer().nesterov());
    }

    @Test
    void aNetworkOverTheOperatorsLimitsGetsTheirSentenceNotAClamp() {
        for (int layer = 3; layer <= 6; layer++) {
            _click(button("add-layer"));
        }
        assertFalse(button("add-layer").isEnabled(), "at most 6 hidden layers");
        for (int layer = 1; layer <= 5; layer++) {
            _setValue(field("layer-" + layer + "-width"), "1024");
        }
        assertEquals(
                "This network has 5,068,490 weights and biases; at most 5,000,000 are"
                        + " allowed here.",
                _get(Div.class, s -> s.withId("layers-error")).getText());
        assertFalse(panel().isValid());
        assertEquals("1024", field("layer-5-width").getValue(), "never clamped");

        // Problems the session refuses land on the field they name.
        panel().showProblems(List.of(new Limits.Problem("epochs", "Too many epochs.")));
        assertEquals("Too many epochs.", field("epochs").getErrorMessage());
        assertTrue(field("epochs").isInvalid());
    }

    @Test
    void presetsFillTheWholeForm() {
        _setValue(select("preset"), Presets.QUICK);
        assertEquals("784 → 64 ReLU → 10", diagram());
        assertEquals("0.05", field("learning-rate").getValue());
        assertEquals("0.9", field("momentum").getValue());
        assertEquals("3", field("epochs").getValue());
        assertEquals(Presets.QUICK.spec(), session().runSpec());

        _setValue(select("preset"), Presets.LESSON);
        assertEquals("784 → 128 ReLU → 64 ReLU → 10", diagram());
        assertEquals("0.003", field("learning-rate").getValue());
        assertEquals("0", field("momentum").getValue());
        assertEquals("5", field("epochs").getValue());
        assertEquals(Presets.LESSON.spec(), session().runSpec());

        _setValue(field("seed"), "7");
        assertNull(select("preset").getValue(), "edited by hand: no longer the preset");
    }

    @Test
    void choosingNllAndAdamBeforeTheFirstStepRebuildsTheRunWithThem() {
        _setValue(select("loss-function"), LossKind.NLL);
        _setValue(select("optimizer"), OptimizerKind.ADAM);
        assertTrue(field("beta1").isVisible() && field("beta2").isVisible());
        assertTrue(
                _find(TextField.class, s -> s.withId("momentum")).isEmpty(),
                "only the chosen optimizer's fields are shown");
        _setValue(field("beta2"), "0.99");

        assertEquals(LossKind.NLL, session().runSpec().loss());
        assertEquals(OptimizerKind.ADAM, session().runSpec().optimizer().kind());
        assertEquals(0.99, session().runSpec().optimizer().beta2());
        assertTrue(resetDialogs().isEmpty());
        assertTrue(
                _get(Paragraph.class, s -> s.withId("loss-note")).getText().contains("LogSoftmax"));
    }

    @Test
    void afterAStepANewNetworkAsksForAResetAndResetBuildsIt() {
        takeOneStep();
        _setValue(field("layer-1-width"), "100");
        List<ConfirmDialog> dialogs = resetDialogs();
        assertEquals(1, dialogs.size());
        assertEquals(
                "These settings need a new run. Reset now?",
                ConfirmDialogKt.getText(dialogs.get(0)));
        assertEquals(128, session().runSpec().network().hidden().get(0).width(), "not yet");

        ConfirmDialogKt._fireConfirm(dialogs.get(0));
        assertEquals(100, session().runSpec().network().hidden().get(0).width());
        assertEquals(0, session().history().stepCount(), "a new run");
        assertFalse(session().settingsPending());
    }

    @Test
    void keepTrainingLeavesTheSettingsPendingAndAsksOnlyOnce() {
        takeOneStep();
        _setValue(field("batch-size"), "32");
        ConfirmDialogKt._fireCancel(resetDialogs().get(0));
        assertTrue(session().settingsPending());
        assertEquals(64, session().runSpec().batchSize(), "the run keeps its settings");
        eventually()
                .until(() -> !_get(Paragraph.class, s -> s.withId("settings-note"))
                        .getText()
                        .isEmpty());

        _setValue(field("epochs"), "2");
        assertTrue(
                resetDialogs().stream().noneMatch(ConfirmDialog::isOpened), "asked once already");
        assertEquals(2, session().spec().epochs());
    }

    @Test
    void afterAStepANewLearningRateAppliesLiveWithoutADialog() {
        takeOneStep();
        var built = session().runSpec();
        _setValue(field("learning-rate"), "0.02");
        assertTrue(resetDialogs().isEmpty());
        assertEquals(0.02, session().spec().optimizer().learningRate());
        assertFalse(session().settingsPending(), "applied to the running run");
        assertEquals(built, session().runSpec(), "the same run, not a new one");
        assertEquals(1, session().history().stepCount());
    }
}
