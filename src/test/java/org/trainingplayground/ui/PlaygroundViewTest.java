package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingplayground.Services;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.session.PlaygroundSession;

/** The view driven in the JVM, with the real training engine behind it. */
class PlaygroundViewTest extends BrowserlessTest {

    @Test
    void startTrainsTheRunAndThePushedPointsReachTheCharts() {
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        _click(_get(Button.class, s -> s.withId("start")));
        eventually().until(() -> session().history().stepCount() >= 10);
        eventually().until(() -> view().charts().lossChart().getDataPointsSent() >= 10);
        assertTrue(view().charts().gradNormChart().getDataPointsSent() >= 10);
        eventually()
                .until(() ->
                        _get(Span.class, s -> s.withId("status")).getText().startsWith("Training"));
    }

    @Test
    void pauseStopsTrainingAndStartResumesIt() {
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        _click(_get(Button.class, s -> s.withId("start")));
        eventually()
                .until(() -> session().history().stepCount() >= 5
                        && _get(Button.class, s -> s.withId("pause")).isEnabled());
        _click(_get(Button.class, s -> s.withId("pause")));
        eventually().until(() -> session().state() == RunState.PAUSED);
        int steps = session().history().stepCount();
        eventually()
                .until(() ->
                        _get(Span.class, s -> s.withId("status")).getText().startsWith("Paused"));
        assertEquals(steps, session().history().stepCount(), "no step once paused");
        _click(_get(Button.class, s -> s.withId("start")));
        eventually().until(() -> session().history().stepCount() > steps);
    }

    @Test
    void resetStartsAFreshRunWithEmptyCharts() {
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        _click(_get(Button.class, s -> s.withId("start")));
        eventually().until(() -> view().charts().lossChart().getDataPointsSent() >= 5);
        var before = session().history();
        _click(_get(Button.class, s -> s.withId("reset")));
        assertNotSame(before, session().history());
        assertEquals(0, view().charts().lossChart().getDataPointsSent());
        eventually().until(() -> session().state() == RunState.PAUSED);
        eventually()
                .until(() ->
                        _get(Span.class, s -> s.withId("status")).getText().startsWith("Ready"));
    }

    @Test
    void aBadLearningRateShowsASentenceAndDisablesStart() {
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        TextField rate = _get(TextField.class, s -> s.withId("learning-rate"));
        _setValue(rate, "fast");
        assertTrue(rate.isInvalid());
        assertEquals(
                "\"fast\" is not a number; enter a number such as 0.003.", rate.getErrorMessage());
        assertFalse(_get(Button.class, s -> s.withId("start")).isEnabled());

        _setValue(rate, "-1");
        assertEquals(
                "The learning rate must be greater than 0, such as 0.003.", rate.getErrorMessage());

        _setValue(rate, "0.01");
        assertFalse(rate.isInvalid());
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        assertEquals(0.01, session().optimizer().learningRate());
    }

    @Test
    void choosingAdamBeforeTheFirstStepRebuildsTheRunWithIt() {
        eventually().until(() -> session().state() == RunState.PAUSED);
        @SuppressWarnings("unchecked")
        Select<OptimizerKind> optimizer = _get(Select.class, s -> s.withId("optimizer"));
        _setValue(optimizer, OptimizerKind.ADAM);
        assertEquals(OptimizerKind.ADAM, session().optimizer().kind());
        assertFalse(session().settingsPending(), "applied at once: no step was taken yet");
        assertEquals(
                "",
                _get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("settings-note"))
                        .getText());
    }

    @Test
    void anExpiredBrowserSessionClosesItsRun() {
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        _click(_get(Button.class, s -> s.withId("start")));
        eventually().until(() -> session().history().stepCount() >= 3);
        PlaygroundSession expiring = session();

        // What the servlet container does when the HTTP session times out. It runs outside
        // any request, so without the session lock the mock request holds.
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        vaadinSession.unlock();
        try {
            VaadinService.getCurrent().fireSessionDestroy(vaadinSession);
        } finally {
            vaadinSession.lock();
        }

        // Closed means its native memory is freed: TrainingRunTest checks that closing a run
        // returns the engine's live arrays to where they were.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> expiring.state() == RunState.CLOSED);
    }

    @Test
    void aLearningRateOf1000StopsTheRunWithTheDivergenceSentence() {
        eventually().until(() -> _get(Button.class, s -> s.withId("start")).isEnabled());
        _setValue(_get(TextField.class, s -> s.withId("learning-rate")), "1000");
        eventually()
                .until(() -> session().runSpec().optimizer().learningRate() == 1000
                        && _get(Button.class, s -> s.withId("start")).isEnabled());
        _click(_get(Button.class, s -> s.withId("start")));
        eventually().until(() -> session().state() == RunState.FAILED);
        eventually()
                .ignoreExceptions()
                .until(() -> _get(Div.class, s -> s.withId("error"))
                        .getText()
                        .startsWith("Training diverged: the loss "));
        assertTrue(_get(Span.class, s -> s.withId("status")).getText().startsWith("Stopped"));
        // Reset recovers.
        _click(_get(Button.class, s -> s.withId("reset")));
        eventually().until(() -> session().state() == RunState.PAUSED);
        eventually().until(() -> _find(Div.class, s -> s.withId("error")).isEmpty());
    }

    @Test
    void theUntrainedLossIsExplainedAsCloseToLnTen() {
        eventually()
                .until(() -> _get(Div.class, s -> s.withId("initial-loss"))
                        .getText()
                        .contains("ln(10) = 2.303"));
    }

    /**
     * Runs {@code test} while a classmate's run holds the only place, this page's Start
     * pressed (and answered) already; puts the limit back afterwards.
     */
    private void withTheOnlyPlaceTakenAndStartPressed(Consumer<PlaygroundSession> test) {
        TrainingScheduler scheduler = Services.get().engine().scheduler();
        int capBefore = scheduler.maxActiveRuns();
        PlaygroundSession classmate =
                new PlaygroundSession(Services.get().engine(), Limits.defaults());
        try {
            scheduler.setMaxActiveRuns(1);
            classmate.start();
            eventually().until(() -> classmate.state() == RunState.RUNNING);
            eventually().until(() -> button("start").isEnabled());
            _click(button("start"));
            test.accept(classmate);
        } finally {
            classmate.close();
            scheduler.setMaxActiveRuns(capBefore);
        }
    }

    @Test
    void withTheOnlyPlaceTakenStartWaitsFirstInLineAndTrainsOnceTheOtherRunPauses() {
        withTheOnlyPlaceTakenAndStartPressed(classmate -> {
            eventually()
                    .until(() -> _get(Span.class, s -> s.withId("status"))
                            .getText()
                            .equals(
                                    "Waiting for a free place: 1st in line. 1 run is training; yours"
                                            + " starts by itself when it pauses or finishes."));
            assertTrue(button("pause").isEnabled(), "Pause leaves the queue");
            assertFalse(button("start").isEnabled());
            assertEquals(0, session().history().stepCount(), "no step while waiting");

            classmate.pause();
            eventually()
                    .until(() -> _get(Span.class, s -> s.withId("status"))
                            .getText()
                            .startsWith("Training"));
            eventually().until(() -> session().history().stepCount() >= 3);
        });
    }

    @Test
    void pauseWhileWaitingForAPlaceLeavesTheQueue() {
        withTheOnlyPlaceTakenAndStartPressed(classmate -> {
            eventually()
                    .until(() -> session().state() == RunState.QUEUED
                            && button("pause").isEnabled());
            _click(button("pause"));
            eventually()
                    .until(() -> _get(Span.class, s -> s.withId("status"))
                            .getText()
                            .startsWith("Ready: press Start"));
            assertEquals(0, session().queuePosition());
            assertEquals(0, Services.get().engine().scheduler().queuedRuns());
        });
    }
}
