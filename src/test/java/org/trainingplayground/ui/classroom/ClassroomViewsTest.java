package org.trainingplayground.ui.classroom;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.AppConfig;
import org.trainingplayground.Services;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.session.BrowserBudget;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.ui.UserSessions;

/** /teach, /join, the dashboard and the class banner, driven in the JVM on the real services. */
class ClassroomViewsTest {

    private static Routes routes;
    private final List<PlaygroundSession> otherStudents = new ArrayList<>();

    @BeforeAll
    static void startServices() {
        Services.start(AppConfig.load());
        routes = new Routes().autoDiscoverViews("org.trainingplayground.ui");
    }

    @BeforeEach
    void openBrowser() {
        MockVaadin.setup(routes);
    }

    @AfterEach
    void closeBrowser() {
        UserSessions.existing().ifPresent(PlaygroundSession::close);
        MockVaadin.tearDown();
        otherStudents.forEach(PlaygroundSession::close);
    }

    private static ConditionFactory eventually() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .pollInSameThread()
                .conditionEvaluationListener(c -> MockVaadin.clientRoundtrip());
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static boolean present(String id) {
        return !_find(Component.class, spec -> spec.withId(id)).isEmpty();
    }

    /** A student in another browser: a playground of their own in the class. */
    private PlaygroundSession studentElsewhere(String code, String learner, String nickname) {
        PlaygroundSession playground = new PlaygroundSession(
                Services.get().engine(), Services.get().limits(), BrowserBudget.unlimited());
        Services.get().classes().opened(learner, playground);
        otherStudents.add(playground);
        Services.get().classes().join(code, learner, nickname, "10.1.1.1");
        return playground;
    }

    @Test
    void aTeacherCreatesAClassWhoseDashboardOpensWithTheKeyAndWithNothingElse() {
        UI.getCurrent().navigate("teach");
        _setValue(_get(TextField.class, spec -> spec.withId("class-name")), "Year 11");
        _click(_get(Button.class, spec -> spec.withId("create-class")));
        String code = text("class-code");
        assertTrue(code.matches("[A-Z0-9]{6}"), code);
        String teacherLink =
                _get(Anchor.class, spec -> spec.withId("teacher-link")).getHref();
        String key = teacherLink.substring(teacherLink.indexOf("key=") + 4);
        assertTrue(key.length() >= 22, "at least 128 random bits");
        assertEquals(
                "join/" + code, _get(Anchor.class, s -> s.withId("join-link")).getHref());

        MockVaadin.tearDown();
        MockVaadin.setup(routes); // a student's browser, or anyone guessing
        UI.getCurrent().navigate("teach/" + code);
        assertEquals(ClassDashboard.KEY_NEEDED, text("teacher-key-needed"));
        assertFalse(present("class-roster"));
        assertFalse(present("class-title"), "nothing of the class");
        UI.getCurrent().navigate("teach/" + code, QueryParameters.of("key", key + "x"));
        assertTrue(present("teacher-key-needed"));
        UI.getCurrent().navigate("teach/" + "Z".repeat(40_000));
        assertTrue(present("teacher-key-needed"));

        UI.getCurrent().navigate("teach/" + code, QueryParameters.of("key", key));
        assertEquals("Year 11", text("class-title"));
        UI.getCurrent().navigate("teach/" + code); // the key stays with this browser
        assertTrue(present("class-roster"));
    }

    @Test
    void theDashboardListsTheStudentsLiveAndPausesAndResumesThemAll() {
        ClassStore.NewClass made = Services.get().classes().create("Year 11 <b>AI</b>", null);
        String code = made.classroom().code();
        PlaygroundSession ada = studentElsewhere(code, "k-ada", "Ada");
        PlaygroundSession grace = studentElsewhere(code, "k-grace", "Grace");
        eventually()
                .until(() -> ada.state() == RunState.PAUSED && grace.state() == RunState.PAUSED);
        ada.start();
        UI.getCurrent().navigate("teach/" + code, QueryParameters.of("key", made.teacherKey()));
        ClassDashboard dashboard = _get(ClassDashboard.class);
        eventually().until(() -> {
            dashboard.update();
            return rows().size() == 2 && step(rows().get(0)) > 5;
        });
        assertEquals("Ada", rows().get(0).getElement().getAttribute("data-nickname"));
        assertEquals("training", rows().get(0).getElement().getAttribute("data-status"));
        assertEquals("not started", rows().get(1).getElement().getAttribute("data-status"));
        assertEquals("Year 11 <b>AI</b>", text("class-title"), "a name is text, never markup");

        _click(_get(Button.class, spec -> spec.withId("pause-all")));
        assertEquals("Paused 1 run.", text("class-action-result"));
        eventually().until(() -> ada.state() == RunState.PAUSED);
        _click(_get(Button.class, spec -> spec.withId("resume-all")));
        eventually().until(() -> ada.state() == RunState.RUNNING);

        // Over the shoulder: Ada's run, live, with nothing that changes it.
        UI.getCurrent().navigate("teach/" + code + "/student/Ada");
        assertEquals("Ada's run", text("watched-student"));
        assertTrue(_find(Button.class, spec -> spec.withId("start")).isEmpty());
        assertTrue(_find(Button.class, spec -> spec.withId("pause")).isEmpty());
        ada.pause();
        eventually().until(() -> text("status").startsWith("Paused"));
        MockVaadin.tearDown();
        MockVaadin.setup(routes); // a student who guessed the address
        UI.getCurrent().navigate("teach/" + code + "/student/Ada");
        assertTrue(present("teacher-key-needed"));
        assertFalse(present("watched-student"));
    }

    private static List<NativeTableRow> rows() {
        return _find(NativeTableRow.class, spec -> spec.withClasses("student-row"));
    }

    private static long step(NativeTableRow row) {
        return Long.parseLong(row.getElement().getAttribute("data-step"));
    }

    @Test
    void aStudentJoinsSeesTheBannerTheMessageTheLocksAndTheTeachersSettingsAsANotice() {
        ClassStore.NewClass made = Services.get().classes().create("Year 11", null);
        String code = made.classroom().code();
        LiveClass live = Services.get().classes().find(code).orElseThrow();
        UI.getCurrent().navigate("join/" + code.toLowerCase());
        _setValue(_get(TextField.class, spec -> spec.withId("nickname")), "Ada");
        _click(_get(Button.class, spec -> spec.withId("join")));
        assertTrue(_get(ClassBanner.class)
                .getElement()
                .getTextRecursively()
                .contains("Class Year 11 · you are Ada"));

        live.setMessage("Try <script>alert(1)</script> Adam");
        MockVaadin.clientRoundtrip();
        assertEquals("Try <script>alert(1)</script> Adam", text("class-banner-message"));
        live.setLocks(Set.of("optimizer"));
        MockVaadin.clientRoundtrip();
        Component optimizer = _get(
                com.vaadin.flow.component.html.Div.class,
                spec -> spec.withAttribute("data-section", "optimizer"));
        assertFalse(optimizer.getElement().isEnabled(), "locked for the class");
        live.setLocks(Set.of());
        MockVaadin.clientRoundtrip();
        assertTrue(optimizer.getElement().isEnabled(), "unlocked again");

        PlaygroundSession session = UserSessions.current();
        eventually().until(() -> session.state() == RunState.PAUSED);
        session.step();
        eventually().until(() -> session.history().stepCount() == 1);
        live.handout()
                .sendSettings(Services.get()
                        .classes()
                        .readLink("?optimizer=adam&lr=0.001")
                        .config());
        MockVaadin.clientRoundtrip();
        assertTrue(text("class-notice").startsWith(ClassBanner.NOTICE), text("class-notice"));
        _click(_get(Button.class, spec -> spec.withId("class-notice-reset")));
        assertEquals(OptimizerKind.ADAM, session.runSpec().optimizer().kind());
        assertFalse(present("class-notice"));

        live.end();
        MockVaadin.clientRoundtrip();
        assertEquals(
                "This class has ended. Your runs stay in your history.", text("class-banner-note"));
    }

    @Test
    void aWrongCodeAndALongNicknameGetSentencesAndASecondClassSeesNothingOfTheFirst() {
        UI.getCurrent().navigate("join/" + "x".repeat(40_000));
        assertTrue(text("join-refusal").startsWith("There is no class with that code"));
        String first =
                Services.get().classes().create("First", null).classroom().code();
        studentElsewhere(first, "k-first", "Secretname");
        UI.getCurrent().navigate("join/" + first);
        _setValue(_get(TextField.class, spec -> spec.withId("nickname")), "n".repeat(33));
        _click(_get(Button.class, spec -> spec.withId("join")));
        assertEquals("A nickname needs 1 to 32 characters.", text("join-refusal"));

        ClassStore.NewClass second = Services.get().classes().create("Second", null);
        UI.getCurrent()
                .navigate(
                        "teach/" + second.classroom().code(),
                        QueryParameters.of("key", second.teacherKey()));
        _get(ClassDashboard.class).update();
        assertEquals(0, rows().size());
        assertFalse(UI.getCurrent().getElement().getOuterHTML().contains("Secretname"));
        UI.getCurrent().navigate("teach/" + first, QueryParameters.of("key", second.teacherKey()));
        assertTrue(present("teacher-key-needed"), "one class's key opens no other class");
    }
}
