package org.trainingplayground.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.train.TestEngine;

class BrowserBudgetTest {

    private static final long LESSON_WEIGHTS = NetworkSpec.lesson().parameterCount();

    private static PlaygroundSession playground(BrowserBudget budget) {
        PlaygroundSession session =
                new PlaygroundSession(TestEngine.get(), Limits.defaults(), budget);
        await().atMost(Duration.ofSeconds(30)).until(() -> session.state() == RunState.PAUSED);
        return session;
    }

    @Test
    void aBrowserTrainingAsManyRunsAsItMayGetsASentenceAndTheNextRunStaysAsItWas() {
        BrowserBudget budget = new BrowserBudget(2, Long.MAX_VALUE);
        try (PlaygroundSession first = playground(budget);
                PlaygroundSession second = playground(budget);
                PlaygroundSession third = playground(budget)) {
            assertNull(first.start());
            assertNull(second.start());

            assertEquals(
                    "This browser already has 2 runs training or waiting for a place (in"
                            + " other tabs or embedded frames), as many as one browser may have at once"
                            + " here. Pause one of them, then press Start again.",
                    third.start());
            assertEquals(RunState.PAUSED, third.state());
            assertNull(first.start(), "a run already training may be started again");

            first.pause();
            await().atMost(Duration.ofSeconds(30)).until(() -> first.state() == RunState.PAUSED);
            assertNull(third.start(), "a paused run frees its turn for another");
        }
    }

    @Test
    void aClosedPlaygroundNoLongerCountsAgainstItsBrowser() {
        BrowserBudget budget = new BrowserBudget(1, Long.MAX_VALUE);
        try (PlaygroundSession stays = playground(budget)) {
            PlaygroundSession closes = playground(budget);
            assertNull(closes.start());
            closes.close();
            assertNull(stays.start());
        }
    }

    @Test
    void aNetworkThatWouldTakeTheBrowserPastItsWeightsIsRefusedWithASentence() {
        BrowserBudget budget = new BrowserBudget(4, 2 * LESSON_WEIGHTS);
        try (PlaygroundSession first = playground(budget);
                PlaygroundSession second = playground(budget)) {
            NetworkSpec wider = NetworkSpec.lesson()
                    .withHidden(List.of(
                            NetworkSpec.lesson().hidden().get(0),
                            NetworkSpec.lesson().hidden().get(0),
                            NetworkSpec.lesson().hidden().get(0)));
            long widerWeights = wider.parameterCount();
            List<Limits.Problem> problems = new ArrayList<>();

            assertEquals(
                    SettingsApplied.REFUSED,
                    second.apply(second.spec().withNetwork(wider), problems));
            assertEquals(
                    List.of(new Limits.Problem(
                            "layers",
                            String.format(
                                    Locale.ROOT,
                                    "This network has %,d weights and biases, and the other runs of this"
                                            + " browser (in other tabs or embedded frames) already hold %,d;"
                                            + " together at most %,d are allowed here. Make the network"
                                            + " smaller, or close another frame first.",
                                    widerWeights,
                                    LESSON_WEIGHTS,
                                    2 * LESSON_WEIGHTS))),
                    problems);
            assertEquals(NetworkSpec.lesson(), second.spec().network(), "nothing changed");

            first.close();
            problems.clear();
            assertEquals(
                    SettingsApplied.REBUILT,
                    second.apply(second.spec().withNetwork(wider), problems),
                    "alone in its browser it fits: " + problems);
        }
    }
}
