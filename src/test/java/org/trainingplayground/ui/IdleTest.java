package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trainingplayground.AppConfig;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.session.PlaygroundSession;

/** The hosting rules for idle users: runs nobody looks at pause, sessions expire. */
class IdleTest extends BrowserlessTest {

    /**
     * Instead of two minutes; set before any page of these tests opens. Long enough that a
     * busy machine does not pause a run between two calls of a test.
     */
    private static final Duration IDLE_PAUSE = Duration.ofSeconds(1);

    @BeforeAll
    static void pauseAfterAFractionOfASecond() {
        UserSessions.overrideIdlePause(IDLE_PAUSE);
    }

    @AfterAll
    static void backToTheConfiguredHosting() {
        UserSessions.useConfiguredHosting();
    }

    @Test
    void aRunningRunIsPausedOnceItsOnlyPageIsHiddenPastTheLimit() {
        startTraining();

        view().visibilityChanged("hidden");

        eventually().until(() -> session().state() == RunState.PAUSED);
        assertNull(idleNote(), "nobody is there to read it yet");
    }

    @Test
    void aRunIsNotPausedWhileAnotherPageOfTheSessionStaysVisible() {
        startTraining();
        PlaygroundView first = view();
        PlaygroundView secondTab = new PlaygroundView();
        UI.getCurrent().add(secondTab);
        secondTab.visibilityChanged("visible"); // its script reports in
        IdleWatch watch = UserSessions.idleWatch(VaadinSession.getCurrent(), session());

        first.visibilityChanged("hidden");
        long hiddenAt = System.nanoTime();
        eventually().until(() -> watch.lastCheckNanos() - hiddenAt > IDLE_PAUSE.toNanos());

        assertEquals(RunState.RUNNING, session().state());
        secondTab.visibilityChanged("hidden");
        eventually().until(() -> session().state() == RunState.PAUSED);
    }

    @Test
    void thePageSaysWhyTheRunPausedWhenItIsVisibleAgainAndStartResumes() {
        startTraining();
        view().visibilityChanged("hidden");
        eventually().until(() -> session().state() == RunState.PAUSED);

        view().visibilityChanged("visible");

        assertEquals(
                "Training was paused while this tab was hidden; press Start to continue.",
                idleNote().getText());
        assertEquals(RunState.PAUSED, session().state(), "the student decides, not the page");
        eventually().until(() -> button("start").isEnabled());
        _click(button("start"));
        eventually().until(() -> session().state() == RunState.RUNNING);
        assertNull(idleNote());
    }

    @Test
    void aClosedTabCountsAsUnseenAndTheReopenedPageSaysWhy() {
        startTraining();

        UI.getCurrent().navigate(ServerFullView.class); // the playground's page is gone

        eventually().until(() -> session().state() == RunState.PAUSED);
        UI.getCurrent().navigate("");
        clientReportsIn();
        assertEquals(PlaygroundView.IDLE_SENTENCE, idleNote().getText());
    }

    @Test
    void aTabThatOnlyWasInTheBackgroundBrieflyKeepsTraining() {
        startTraining();
        IdleWatch watch = UserSessions.idleWatch(VaadinSession.getCurrent(), session());

        view().visibilityChanged("hidden");
        view().visibilityChanged("visible");
        long shownAt = System.nanoTime();
        eventually().until(() -> watch.lastCheckNanos() - shownAt > IDLE_PAUSE.toNanos());

        assertEquals(RunState.RUNNING, session().state());
        assertNull(idleNote());
    }

    @Test
    void anEmbeddedFramesRunIsPausedWhenTheFrameIsHiddenAndTheFrameSaysWhyWhenShown() {
        UI.getCurrent().navigate("embed");
        PlaygroundView frame = _get(EmbedView.class);
        PlaygroundSession frameSession = frame.session();
        eventually().until(() -> button("start").isEnabled());
        frameSession.setSpeed(1);
        _click(button("start"));
        eventually().until(() -> frameSession.state() == RunState.RUNNING);

        frame.visibilityChanged("hidden");

        eventually().until(() -> frameSession.state() == RunState.PAUSED);
        frame.visibilityChanged("visible");
        assertEquals(PlaygroundView.IDLE_SENTENCE, idleNote().getText());
    }

    @Test
    void theBrowserSessionEndsAfterTheConfiguredMinutesWithoutRequests() {
        assertEquals(
                AppConfig.load().hosting().sessionTimeoutMinutes() * 60,
                VaadinSession.getCurrent().getSession().getMaxInactiveInterval());
    }

    private static void startTraining() {
        eventually().until(() -> button("start").isEnabled());
        // Slowed down: these tests need a running run, not the CPU a full-speed one takes.
        session().setSpeed(1);
        _click(button("start"));
        eventually().until(() -> session().state() == RunState.RUNNING);
    }

    /** The sentence, or null while it is hidden. */
    private static Paragraph idleNote() {
        return _find(Paragraph.class, s -> s.withId("idle-note")).stream()
                .findFirst()
                .orElse(null);
    }
}
