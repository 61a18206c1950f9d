package org.trainingplayground.session.classroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.HistoryPolicy;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.train.TestEngine;
import org.trainingplayground.session.BrowserBudget;
import org.trainingplayground.session.DatasetDefaults;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.RunKeeper;

/**
 * A class of three students with real runs on the real engine and store: what the teacher sees
 * of them, and what the teacher's actions do to their runs.
 */
class LiveClassTest {

    @TempDir
    Path data;

    private RunStore store;
    private HistoryWriter writer;
    private LiveClasses classes;
    private final List<PlaygroundSession> playgrounds = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = RunStore.open(StoreSettings.sqlite(data));
        writer = new HistoryWriter(store, HistoryPolicy.defaults());
        classes = newClasses(store);
    }

    private static LiveClasses newClasses(RunStore store) {
        return new LiveClasses(
                new ClassStore(store),
                null,
                Clock.systemUTC(),
                new PlaygroundConfig(DatasetDefaults.firstRun(TestEngine.get().lessonNetwork()), 0),
                Limits.defaults());
    }

    @AfterEach
    void closeEverything() {
        playgrounds.forEach(PlaygroundSession::close);
        writer.close();
    }

    /** A student's browser: their playground, kept under their class, as UserSessions does. */
    private PlaygroundSession playgroundOf(String learner) {
        PlaygroundSession playground = new PlaygroundSession(
                TestEngine.get(),
                Limits.defaults(),
                BrowserBudget.unlimited(),
                new RunKeeper(writer, learner, classes.tieFor(learner)));
        classes.opened(learner, playground);
        playgrounds.add(playground);
        await().atMost(Duration.ofSeconds(30)).until(() -> playground.state() == RunState.PAUSED);
        return playground;
    }

    private static Map<String, StudentRow> byNickname(LiveClass live) {
        return live.roster().rows().stream()
                .collect(Collectors.toMap(StudentRow::nickname, row -> row));
    }

    @Test
    void theRosterShowsEachStudentsRunLiveAndPauseAllPausesThemAll() {
        String code = classes.create("Year 11", null).classroom().code();
        LiveClass live = classes.find(code).orElseThrow();
        List<PlaygroundSession> students = new ArrayList<>();
        for (String nickname : List.of("Ada", "Grace", "Alan")) {
            String learner = "learner-" + nickname;
            PlaygroundSession playground = playgroundOf(learner);
            assertNull(classes.join(code, learner, nickname, "10.0.0.1"));
            playground.start();
            students.add(playground);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> byNickname(live).values().stream().allMatch(r -> r.step() > 20));
        Map<String, StudentRow> rows = byNickname(live);
        assertEquals(Set.of("Ada", "Grace", "Alan"), rows.keySet());
        StudentRow ada = rows.get("Ada");
        assertEquals("training", ada.status());
        assertEquals(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10, ada.parameters());
        assertEquals("SGD", ada.optimizer());
        long before = ada.step();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> byNickname(live).get("Ada").step() > before);

        assertEquals(3, live.pauseAll());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> students.stream().allMatch(p -> p.state() == RunState.PAUSED));
        assertTrue(byNickname(live).values().stream().allMatch(r -> r.status().equals("paused")));
        assertEquals(3, live.resumeAll());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> students.stream().allMatch(p -> p.state() == RunState.RUNNING));
        assertEquals(0, live.resumeAll(), "resume all starts only what pause all paused");

        String[] csv = ClassExport.csv(live).split("\n");
        assertEquals(ClassExport.HEADER, csv[0]);
        assertEquals(4, csv.length, "one row per student");
        assertTrue(csv[1].startsWith("\"Ada\",\"training\""), csv[1]);
    }

    @Test
    void aCsvFieldAFormulaCouldHideInStaysText() {
        assertEquals("\"'=HYPERLINK(1)\"", ClassExport.text("=HYPERLINK(1)"));
        assertEquals("\"'-1\"\"x\"", ClassExport.text("-1\"x"));
        assertEquals("\"O'Neil\"", ClassExport.text("O'Neil"));
    }

    @Test
    void sentSettingsRebuildAnUntrainedRunAtOnceAndWaitForATrainedOnesReset() {
        String code = classes.create("Year 11", null).classroom().code();
        LiveClass live = classes.find(code).orElseThrow();
        PlaygroundSession untrained = playgroundOf("fresh");
        PlaygroundSession trained = playgroundOf("keen");
        classes.join(code, "fresh", "Fresh", "10.0.0.1");
        classes.join(code, "keen", "Keen", "10.0.0.1");
        trained.step();
        await().atMost(Duration.ofSeconds(30)).until(() -> trained.history().stepCount() == 1);

        PlaygroundConfig adam =
                classes.readLink("http://school/?optimizer=adam&lr=0.001").config();
        ClassHandout.Sent sent = live.handout().sendSettings(adam);
        assertEquals(1, sent.taken());
        assertEquals(1, sent.waiting());
        assertEquals(OptimizerKind.ADAM, untrained.runSpec().optimizer().kind());
        assertFalse(live.handout().awaitsReset(untrained));
        assertEquals(OptimizerKind.SGD, trained.runSpec().optimizer().kind(), "not under it");
        assertTrue(live.handout().awaitsReset(trained));

        assertNull(live.handout().resetToSettings(trained));
        assertEquals(OptimizerKind.ADAM, trained.runSpec().optimizer().kind());
        assertEquals(0, trained.history().stepCount());
        assertFalse(live.handout().awaitsReset(trained));

        PlaygroundSession late = playgroundOf("late");
        classes.join(code, "late", "Late", "10.0.0.1");
        assertEquals(OptimizerKind.ADAM, late.runSpec().optimizer().kind(), "joins from them");
    }

    @Test
    void theClassItsRosterSettingsAndLocksOutliveARestartAndItsRunsAreKeptUnderIt() {
        String code = classes.create("Year 11", null).classroom().code();
        LiveClass live = classes.find(code).orElseThrow();
        PlaygroundSession ada = playgroundOf("ada");
        classes.join(code, "ada", "Ada", "10.0.0.1");
        live.handout().sendSettings(classes.readLink("?lr=0.02").config());
        live.setLocks(Set.of("optimizer", "zero-grad"));
        live.setMessage("Watch the loss");
        ada.step();
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.status().keptRunId() != null);
        String runId = ada.status().keptRunId();
        ada.close();
        classes.closed("ada", ada);
        writer.close();

        RunStore reopened = RunStore.open(StoreSettings.sqlite(data));
        writer = new HistoryWriter(reopened, HistoryPolicy.defaults());
        LiveClasses restarted = newClasses(reopened);
        LiveClass back = restarted.classOf("ada").orElseThrow();
        assertEquals("Year 11", back.name());
        assertEquals("Watch the loss", back.message());
        assertEquals(Set.of("optimizer", "zero-grad"), back.locks());
        assertEquals(0.02, back.handout().settings().run().optimizer().learningRate(), 1e-12);
        StudentRow row = back.roster().rows().get(0);
        assertEquals("Ada", row.nickname());
        assertEquals("away", row.status());
        assertEquals(1, row.step(), "the kept run's steps");
        assertEquals(
                code,
                new ClassStore(reopened).latestRuns(code).get("ada").start().classCode());
        assertEquals(runId, new ClassStore(reopened).latestRuns(code).get("ada").id());
    }

    @Test
    void removedStudentsLeaveTheRosterAndCannotJoinAgainAndAnEndedClassTakesNobody() {
        String code = classes.create("Year 11", null).classroom().code();
        LiveClass live = classes.find(code).orElseThrow();
        assertNull(classes.join(code, "a", "Ada", "10.0.0.1"));
        assertEquals(
                "Someone in the class already has the nickname ADA; choose another one.",
                classes.join(code, "b", "ADA", "10.0.0.1"));
        assertEquals(
                "A nickname may have letters, digits, spaces and . _ ' - only.",
                classes.join(code, "b", "<img src=x onerror=alert(1)>", "10.0.0.1"));
        live.remove("Ada");
        assertEquals(List.of(), live.nicknames());
        assertEquals(
                "Your teacher removed you from that class.",
                classes.join(code, "a", "Ada2", "10.0.0.1"));
        live.end();
        assertEquals("That class has ended.", classes.join(code, "c", "Cy", "10.0.0.1"));
        assertNull(classes.trainingClassCode("c"));
    }

    @Test
    void guessingCodesFromOneAddressIsStoppedWithASentenceWhileAClassJoinsFromAnother() {
        String code = classes.create("Year 11", null).classroom().code();
        String last = null;
        for (int i = 0; i < LiveClasses.WRONG_CODES_PER_TEN_MINUTES + 1; i++) {
            last = classes.join("WRONG" + i, "guesser", "Eve", "192.0.2.66");
        }
        assertEquals(
                "Too many tries to join from your network; wait a few minutes and try again.",
                last);
        assertEquals(last, classes.join(code, "guesser", "Eve", "192.0.2.66"));
        for (int i = 0; i < 40; i++) {
            assertNull(classes.join(code, "student" + i, "Student " + i, "198.51.100.7"));
        }
    }

    @Test
    void
            aClassRunHidesAFifthOfItsTestSplitAndAMetChallengeReachesTheLeaderboardAndOutlivesARestart() {
        String code = classes.create("Year 11", null).classroom().code();
        LiveClass live = classes.find(code).orElseThrow();
        live.scores().setChallenge(new Challenge(DatasetKind.XOR, 0.6, 10_000, 0));
        live.handout().sendSettings(classes.readLink("?dataset=xor&epochs=200").config());
        PlaygroundSession ada = playgroundOf("ada");
        assertNull(classes.join(code, "ada", "Ada", "10.0.0.1"));
        PlaygroundSession outsider = playgroundOf("outsider");
        outsider.apply(ada.spec(), new ArrayList<>());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        ada.latestPredictions() != null && outsider.latestPredictions() != null);
        int testSize = ada.dataset().testSize();
        assertEquals(
                testSize - testSize / 5,
                ada.latestPredictions().labels().length,
                "a class run shows four fifths of its test split");
        assertEquals(testSize, outsider.latestPredictions().labels().length, "others all");

        ada.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        live.scores().result("ada").map(ChallengeResult::met).orElse(false));
        ChallengeResult met = live.scores().leaderboard().get(0);
        assertEquals("Ada", met.nickname());
        assertTrue(met.hiddenAccuracy() >= 0.6);
        ada.pause();

        writer.close();
        RunStore reopened = RunStore.open(StoreSettings.sqlite(data));
        writer = new HistoryWriter(reopened, HistoryPolicy.defaults());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> newClasses(reopened)
                                .find(code)
                                .orElseThrow()
                                .scores()
                                .leaderboard()
                                .size()
                        == 1);
        LiveClass back = newClasses(reopened).find(code).orElseThrow();
        assertEquals(DatasetKind.XOR, back.scores().challenge().dataset());
        assertTrue(back.scores().leaderboard().get(0).met());
    }
}
