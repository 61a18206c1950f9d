package org.trainingplayground.ui.history;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.AppConfig;
import org.trainingplayground.Services;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.store.RunJournal;
import org.trainingplayground.core.store.RunStart;
import org.trainingplayground.session.BrowserBudget;
import org.trainingplayground.ui.UserSessions;

/** The history's pages driven in the JVM, on the real store: whose runs, and bad addresses. */
class HistoryViewsTest {

    private static Routes routes;

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
        MockVaadin.tearDown();
    }

    /** A finished run of the current browser's learner, once the store holds it. */
    private static String keptRun() {
        String learner = UserSessions.learnerId();
        String id = "t" + Long.toHexString(System.nanoTime());
        RunJournal journal = Services.get()
                .history()
                .journal(
                        new RunStart(
                                id,
                                learner,
                                Instant.now(),
                                "{\"optimizer\":\"adam\"}",
                                1,
                                "XOR",
                                "2-8-2 ReLU",
                                "Adam",
                                0.001,
                                42,
                                1,
                                10,
                                null),
                        List.of("fc1.weight", "fc1.bias"));
        for (int step = 1; step <= 10; step++) {
            journal.onStep(new StepMetrics(
                    step,
                    1,
                    step,
                    10,
                    0.7f - step * 0.01f,
                    new float[] {0.1f, 0.01f},
                    new float[] {Float.NaN, Float.NaN},
                    1000));
        }
        journal.onStateChanged(RunState.FINISHED, null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Services.get().history().store().run(learner, id).isPresent());
        return id;
    }

    /** The runs this browser holds (its playground, frames and race lanes). */
    private static int playgrounds() {
        BrowserBudget budget = VaadinSession.getCurrent().getAttribute(BrowserBudget.class);
        return budget == null ? 0 : budget.playgrounds();
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getText();
    }

    @Test
    void aLearnersRunIsListedAndOpensButAnotherBrowserGetsASentence() {
        String id = keptRun();
        UI.getCurrent().navigate("runs");
        List<NativeTableRow> rows =
                _find(NativeTableRow.class, spec -> spec.withClasses("run-row"));
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0).getElement().getAttribute("data-run-id"));
        UI.getCurrent().navigate("runs/" + id);
        assertTrue(text("run-summary").contains("Adam, learning rate 0.001"), text("run-summary"));
        assertTrue(text("run-summary").contains("finished"), text("run-summary"));

        MockVaadin.tearDown();
        MockVaadin.setup(routes); // another browser: another learner
        UI.getCurrent().navigate("runs/" + id);
        assertTrue(text("run-not-found").startsWith("There is no such run in your history."));
        UI.getCurrent().navigate("runs");
        _get(Component.class, spec -> spec.withId("no-runs"));
    }

    @Test
    void aComparisonOfOneRunOrOfFortyThousandCharactersGetsASentence() {
        UI.getCurrent().navigate("compare", QueryParameters.fromString("runs=" + keptRun()));
        assertEquals(
                "Choose two to eight runs to compare, on the page of your runs.",
                text("compare-problem"));
        UI.getCurrent()
                .navigate(
                        "compare",
                        QueryParameters.simple(java.util.Map.of("runs", "x,".repeat(20_000))));
        assertTrue(text("compare-problem").startsWith("This address names too many runs"));
        UI.getCurrent()
                .navigate(
                        "compare",
                        QueryParameters.fromString("runs=" + keptRun() + ",someone-elses"));
        assertTrue(text("compare-problem").startsWith("These runs are not in your history"));
    }

    @Test
    void aRaceWithOneLaneOrAHugeEntryGetsASentenceAndBuildsNothing() {
        UI.getCurrent().navigate("race", QueryParameters.fromString("a=optimizer%3Dadam"));
        assertTrue(text("race-problem").startsWith("A race needs two to four lanes"));
        UI.getCurrent()
                .navigate(
                        "race",
                        QueryParameters.simple(
                                java.util.Map.of("a", "lr=1", "b", "x".repeat(40_000))));
        assertEquals(
                "Lane B's settings are 40000 characters long; a settings link has at most"
                        + " 2000.",
                text("race-problem"));
        assertTrue(_find(Paragraph.class, spec -> spec.withId("race-verdict")).isEmpty());
    }

    @Test
    void aRacesLaneKeepsLaneAsNetworkAndSaysSo() {
        UI.getCurrent()
                .navigate(
                        "race",
                        QueryParameters.simple(java.util.Map.of(
                                "a", "dataset=xor&layers=8-relu&optimizer=sgd&lr=0.1",
                                "b", "dataset=xor&layers=32-tanh&optimizer=adam&lr=0.01")));
        List<NativeTableRow> lanes =
                _find(NativeTableRow.class, spec -> spec.withClasses("race-lane"));
        assertEquals(2, lanes.size());
        assertTrue(_find(Paragraph.class).stream()
                .anyMatch(p -> p.getText()
                        .equals(
                                "Lane B keeps lane A's data, network, seed, batch size, epochs and loss: a race"
                                        + " changes only the optimizer.")));
        UI.getCurrent().navigate("runs"); // leaving the race ends its lanes
    }

    @Test
    void openingARaceBuildsNoRunUntilStartIsPressed() {
        int before = playgrounds();
        UI.getCurrent()
                .navigate(
                        "race",
                        QueryParameters.simple(java.util.Map.of(
                                "a", "dataset=xor&layers=8-relu&optimizer=sgd&lr=0.1&epochs=2",
                                "b", "dataset=xor&layers=8-relu&optimizer=adam&lr=0.01&epochs=2")));
        assertEquals(before, playgrounds(), "no lane is built by opening the page");
        assertTrue(_find(NativeTableRow.class, spec -> spec.withClasses("race-lane")).stream()
                .allMatch(row ->
                        row.getElement().getTextRecursively().contains("Ready: press Start")));
        _click(_get(Button.class, spec -> spec.withId("race-start")));
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
            MockVaadin.clientRoundtrip();
            return !text("race-verdict").isEmpty();
        });
        assertTrue(text("race-verdict").contains("test accuracy"), text("race-verdict"));
        assertEquals(before + 2, playgrounds());
        UI.getCurrent().navigate("runs"); // leaving the race ends its lanes (HistoryIT: kept)
    }
}
