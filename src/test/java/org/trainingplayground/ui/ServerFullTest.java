package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.session.PlaygroundSession;

/** When {@code maxSessions} browser sessions hold a playground, the next visitor is told so. */
class ServerFullTest extends BrowserlessTest {

    @AfterEach
    void backToTheConfiguredLimit() {
        UserSessions.useConfiguredHosting();
    }

    @Test
    void aVisitorBeyondTheLimitIsToldTheServerIsFullAndGetsNoPlayground() {
        int students = UserSessions.sessionsWithPlayground();
        UserSessions.overrideMaxSessions(students);
        Map<Class<?>, CurrentInstance> firstVisitor = CurrentInstance.getInstances();
        VaadinSession firstSession = VaadinSession.getCurrent();

        MockVaadin.setup(new Routes().autoDiscoverViews("org.trainingplayground.ui"));
        VaadinSession visitor = VaadinSession.getCurrent();
        try {
            assertEquals(
                    "The playground is full: " + students
                            + (students == 1 ? " student is" : " students are")
                            + " using it right now. Please try again in a few"
                            + " minutes.",
                    _get(Paragraph.class, s -> s.withId("server-full")).getText());
            assertTrue(_find(PlaygroundView.class).isEmpty());
            assertNull(
                    visitor.getAttribute(PlaygroundSession.class),
                    "no run, so no native memory, for a visitor who was turned away");
            UI.getCurrent().navigate("embed");
            assertTrue(_find(PlaygroundView.class).isEmpty(), "a frame is no way in either");
            assertEquals(students, UserSessions.sessionsWithPlayground());
        } finally {
            // The turned-away visitor holds nothing to free; the first page closes as usual.
            unlockFully(visitor);
            CurrentInstance.restoreInstances(firstVisitor);
        }
    }

    /** Releases the test thread's hold on the session; returns how many holds it had. */
    private static int unlockFully(VaadinSession session) {
        ReentrantLock lock = (ReentrantLock) session.getLockInstance();
        int holds = lock.getHoldCount();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        return holds;
    }

    @Test
    void aStudentWhoAlreadyHasAPlaygroundKeepsItWhenTheServerIsFull() {
        UserSessions.overrideMaxSessions(UserSessions.sessionsWithPlayground());

        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("embed");

        _get(EmbedView.class);
    }

    @Test
    void aSessionWhosePageNeverReportsInTakesNoPlaceAndIsFreedWhenItsPageCloses() {
        int before = UserSessions.sessionsWithPlayground();
        Map<Class<?>, CurrentInstance> firstVisitor = CurrentInstance.getInstances();

        MockVaadin.setup(new Routes().autoDiscoverViews("org.trainingplayground.ui"));
        VaadinSession script = VaadinSession.getCurrent();
        try {
            PlaygroundSession built = script.getAttribute(PlaygroundSession.class);
            assertEquals(
                    before,
                    UserSessions.sessionsWithPlayground(),
                    "a page no script has run does not count");
            UI page = UI.getCurrent();
            page.close();
            script.removeUI(page);
            UserSessions.pageNeverConnected(script);
            assertNull(script.getAttribute(PlaygroundSession.class));
            eventually()
                    .until(() ->
                            built.state() == org.trainingplayground.core.metrics.RunState.CLOSED);
        } finally {
            unlockFully(script);
            CurrentInstance.restoreInstances(firstVisitor);
        }
    }

    @Test
    void aBrowserWithTheMostFramesOpenGetsASentenceInsteadOfAnotherRun() {
        UserSessions.overrideMaxFrames(2);
        try {
            PlaygroundSession first = UserSessions.forFrame(UI.getCurrent());
            PlaygroundSession second = UserSessions.forFrame(UI.getCurrent());

            UI.getCurrent().navigate("embed");

            assertTrue(_find(EmbedView.class).isEmpty());
            assertEquals(
                    "This browser already shows 2 playgrounds in frames, the most one"
                            + " browser may. Close one of those pages or frames, then reload this one.",
                    _get(Paragraph.class, s -> s.withId("too-many-frames")).getText());
            UserSessions.endFrame(UI.getCurrent(), second);

            UI.getCurrent().navigate("embed");

            _get(EmbedView.class);
            UserSessions.endFrame(UI.getCurrent(), first);
        } finally {
            UserSessions.useConfiguredHosting();
        }
    }
}
