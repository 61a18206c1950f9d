package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;

/** Step, Step epoch, speed and forget zero_grad, driven in the JVM with the real engine. */
class StepThroughTest extends BrowserlessTest {

    private static StepThroughPanel stepView() {
        return _get(StepThroughPanel.class);
    }

    private static String stepViewTitle() {
        return _get(Span.class, s -> s.withId("step-view-title")).getText();
    }

    private static boolean accumulatedWarningShown() {
        return byId("gradients-accumulated").isVisible();
    }

    /** A component of the step view by id, shown or hidden (Karibu's lookups skip hidden). */
    private static Component byId(String id) {
        return byId(stepView(), id).orElseThrow(() -> new AssertionError("no #" + id));
    }

    private static Optional<Component> byId(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren()
                .map(child -> byId(child, id))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Clicks Step once it is enabled and waits until the view shows the step it took. */
    private static void stepAndWaitFor(long step) {
        eventually().until(() -> button("step").isEnabled());
        _click(button("step"));
        eventually().until(() -> stepView().shownStep() == step);
    }

    @Test
    void stepTakesExactlyOneBatchAndTheStepViewShowsIt() {
        eventually().until(() -> button("step").isEnabled());
        assertEquals(0, session().history().stepCount());
        assertEquals(
                "Press Step to take one batch through the loop.",
                ((Paragraph) byId("step-view-hint")).getText());

        stepAndWaitFor(1);
        assertEquals(1, session().history().stepCount());
        assertEquals(RunState.PAUSED, session().state());
        assertTrue(stepViewTitle().startsWith("Step 1:"), stepViewTitle());
        assertFalse(byId("step-view-hint").isVisible());
        String firstDigit = _find(stepView(), Image.class).get(0).getSrc();
        String firstLoss = _get(Div.class, s -> s.withId("step-view-loss")).getText();

        stepAndWaitFor(2);
        assertEquals(2, session().history().stepCount());
        assertTrue(stepViewTitle().startsWith("Step 2:"), stepViewTitle());
        assertNotEquals(
                firstDigit,
                _find(stepView(), Image.class).get(0).getSrc(),
                "a new batch brings new digits");
        assertNotEquals(
                firstLoss, _get(Div.class, s -> s.withId("step-view-loss")).getText());
        assertEquals(8, _find(stepView(), Image.class).size());
    }

    @Test
    void stepEpochStopsAtTheEndOfTheEpochAndTheUpdateRatioChartGetsEveryMeasuredStep() {
        eventually()
                .until(() ->
                        button("step-epoch").isEnabled() && session().status().stepsPerEpoch() > 0);
        int stepsPerEpoch = session().status().stepsPerEpoch();
        _click(button("step-epoch"));
        // If it did not stop at the epoch's end the run would still be running past it.
        eventually()
                .until(() -> session().history().stepCount() == stepsPerEpoch
                        && session().state() == RunState.PAUSED);
        // The ratio is measured every 25th step (and on steps shown in the step view).
        float[] ratios = session().history().stepsSince(0).updateRatios()[0];
        long measured = 0;
        for (float ratio : ratios) {
            measured += Float.isNaN(ratio) ? 0 : 1;
        }
        assertTrue(measured >= stepsPerEpoch / 25 && measured < stepsPerEpoch, "" + measured);
        long expected = measured;
        // The last steps of the epoch may carry no ratio, so wait for both charts: a push can
        // land between the epoch's 120th and 125th step.
        eventually()
                .until(() -> view().charts().updateRatioChart().getDataPointsSent() == expected
                        && view().charts().gradNormChart().getDataPointsSent() == stepsPerEpoch);
        eventually()
                .until(() -> button("step").isEnabled() && button("step-epoch").isEnabled());
        assertEquals(stepsPerEpoch, session().history().stepCount(), "still paused");
    }

    @Test
    void stepAndStepEpochAreDisabledWhileTraining() {
        eventually().until(() -> button("start").isEnabled());
        _click(button("start"));
        eventually().until(() -> button("pause").isEnabled());
        assertFalse(button("step").isEnabled());
        assertFalse(button("step-epoch").isEnabled());
        _click(button("pause"));
        eventually().until(() -> button("step").isEnabled());
    }

    @Test
    void forgettingZeroGradMakesTheStepViewSayGradientsAccumulated() {
        eventually().until(() -> button("step").isEnabled());
        _setValue(_get(Checkbox.class, s -> s.withId("forget-zero-grad")), true);
        assertFalse(session().zeroGrad());

        // The first step after ticking still starts from cleared gradients.
        stepAndWaitFor(1);
        assertFalse(accumulatedWarningShown());
        stepAndWaitFor(2);
        assertTrue(accumulatedWarningShown());
        assertTrue(_get(Div.class, s -> s.withId("gradients-accumulated"))
                .getText()
                .startsWith("Gradients accumulated"));

        _setValue(_get(Checkbox.class, s -> s.withId("forget-zero-grad")), false);
        assertTrue(session().zeroGrad());
        stepAndWaitFor(3);
        stepAndWaitFor(4);
        assertFalse(accumulatedWarningShown(), "zero_grad is back: gradients start afresh");
    }

    @Test
    void theSpeedSettingSlowsTheRunToOneStepPerSecond() {
        eventually().until(() -> button("start").isEnabled());
        @SuppressWarnings("unchecked")
        Select<Double> speed = _get(Select.class, s -> s.withId("speed"));
        assertEquals("1 step/s", speed.getItemLabelGenerator().apply(1.0));
        _setValue(speed, 1.0);
        assertEquals(1.0, session().speed());

        long started = System.nanoTime();
        _click(button("start"));
        eventually()
                .until(() ->
                        _get(Span.class, s -> s.withId("status")).getText().startsWith("Training"));
        eventually().until(() -> session().history().stepCount() >= 1);
        // A bound, not a timing: at 1 step/s no run can take more steps than seconds passed.
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(
                session().history().stepCount() <= 1 + Math.ceil(seconds),
                session().history().stepCount() + " steps in " + seconds + " s");

        _setValue(speed, 0.0);
        assertEquals(0.0, session().speed());
    }

    @Test
    void theControlsShowTheSessionsSpeedAndZeroGradAfterAReload() {
        eventually().until(() -> button("start").isEnabled());
        session().setSpeed(5);
        session().setZeroGrad(false);
        MockVaadin.clientRoundtrip();
        view().refresh();
        @SuppressWarnings("unchecked")
        Select<Double> speed = _get(Select.class, s -> s.withId("speed"));
        assertEquals(5.0, speed.getValue());
        assertTrue(_get(Checkbox.class, s -> s.withId("forget-zero-grad")).getValue());
    }
}
