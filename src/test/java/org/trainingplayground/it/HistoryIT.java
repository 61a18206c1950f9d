package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.store.TestDatabases;

/**
 * A student's runs outlive the page and the server, on SQLite and on PostgreSQL: trained,
 * listed, still there after a restart, opened with their charts, compared and deleted; and
 * never shown to another browser.
 */
class HistoryIT {

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsSurviveAReloadAndARestartAndCanBeOpenedComparedAndDeleted(String kind)
            throws Exception {
        Map<String, String> environment = environment(kind);
        PlaygroundServer server = PlaygroundServer.startWith(environment);
        ChromeDriver student = Browsers.newChromium();
        ChromeDriver stranger = null;
        try {
            PlaygroundPage page = new PlaygroundPage(student, server.url() + "?epochs=1").open();
            page.start();
            page.waitForStatus("Finished", Duration.ofSeconds(90));
            page.click("reset");
            // The new run's loss chart offers the run just kept, faintly, to compare against.
            new WebDriverWait(student, Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("previous-run-toggle")).isDisplayed());
            page = new PlaygroundPage(student, server.url() + "?epochs=1&optimizer=adam&lr=0.001")
                    .open();
            page.start();
            page.waitForStatus("Finished", Duration.ofSeconds(90));
            page.reload();
            student.findElement(By.id("history-link")).click();
            List<WebElement> rows = waitForRows(student, 2);
            assertTrue(rows.get(0).getText().contains("Adam"), rows.get(0).getText());
            assertTrue(rows.get(1).getText().contains("SGD"), rows.get(1).getText());
            String sgdRun = rows.get(1).getAttribute("data-run-id");

            // A run still training when the server stops is kept as interrupted.
            page = new PlaygroundPage(student, server.url()).open();
            page.click("reset");
            page = new PlaygroundPage(student, server.url() + "?epochs=50").open();
            page.start();
            page.waitForStatus("Training", Duration.ofSeconds(60));
            server.stop();
            server = PlaygroundServer.startWith(environment);
            student.get(server.url() + "runs");
            rows = waitForRows(student, 3);
            assertTrue(
                    rows.get(0).getText().contains("interrupted"), rows.get(0).getText());
            assertTrue(rows.get(2).getText().contains("finished"), rows.get(2).getText());
            rows.get(2).findElement(By.className("run-link")).click();
            waitForCanvas(student, "run-loss-chart");
            waitForCanvas(student, "run-test-chart");
            String summary = student.findElement(By.id("run-summary")).getText();
            assertTrue(summary.contains("SGD") && summary.contains("finished"), summary);
            assertTrue(student.findElement(By.id("open-run-settings"))
                    .getAttribute("href")
                    .contains("optimizer=sgd"));
            Browsers.screenshot(student, "history-run-" + kind);

            student.get(server.url() + "runs");
            rows = waitForRows(student, 3);
            for (WebElement row : rows.subList(1, 3)) {
                row.findElement(By.cssSelector(".run-select input")).click();
            }
            new WebDriverWait(student, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("compare-selected")).isEnabled());
            student.findElement(By.id("compare-selected")).click();
            waitForCanvas(student, "compare-loss-chart");
            assertEquals(
                    "2",
                    student.findElement(By.id("compare-loss-chart")).getAttribute("data-series"));
            assertEquals(
                    "2",
                    student.findElement(By.id("compare-accuracy-chart"))
                            .getAttribute("data-series"));
            String settings = student.findElement(By.id("compare-settings")).getText();
            assertTrue(settings.contains("optimizer") && !settings.contains("epochs"), settings);
            Browsers.screenshot(student, "history-compare-" + kind);

            stranger = Browsers.newChromium();
            stranger.get(server.url() + "runs/" + sgdRun);
            waitForId(stranger, "run-not-found");
            stranger.get(server.url() + "runs");
            waitForId(stranger, "no-runs");

            student.get(server.url() + "runs/" + sgdRun);
            waitForId(student, "delete-run").click();
            WebElement confirm = new WebDriverWait(student, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector(
                            "vaadin-confirm-dialog-overlay" + " [slot='confirm-button']")));
            confirm.click();
            rows = waitForRows(student, 2);
            assertTrue(rows.get(1).getText().contains("Adam"), rows.get(1).getText());
        } finally {
            Browsers.screenshot(student, "history-last-" + kind);
            student.quit();
            if (stranger != null) {
                stranger.quit();
            }
            server.stop();
        }
    }

    @Test
    void aRaceOfSgdAndAdamDrawsBothLanesLiveEndsWithAVerdictAndKeepsBothRuns() throws Exception {
        PlaygroundServer server = PlaygroundServer.get();
        ChromeDriver student = Browsers.newChromium();
        try {
            new PlaygroundPage(student, server.url() + "?epochs=1").open();
            String race = student.findElement(By.id("race")).getDomAttribute("href");
            student.get(server.url() + race);
            List<WebElement> lanes = new WebDriverWait(student, Duration.ofSeconds(30)).until(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector(".race-lane"));
                return rows.size() == 2 ? rows : null;
            });
            assertTrue(lanes.get(0).getText().contains("SGD 0.05"), lanes.get(0).getText());
            assertTrue(
                    lanes.get(1).getText().contains("Adam 0.001"), lanes.get(1).getText());
            student.findElement(By.id("race-start")).click();
            // Live: both lines grow while the race is still on (no verdict yet).
            new WebDriverWait(student, Duration.ofSeconds(60))
                    .withMessage(() -> "both lanes drawn during the race: " + lanePoints(student)
                            + ", verdict \"" + verdict(student) + "\"")
                    .until(d -> {
                        List<Long> points = lanePoints(student);
                        return points.size() == 2
                                && points.get(0) >= 5
                                && points.get(1) >= 5
                                && verdict(student).isEmpty();
                    });
            new WebDriverWait(student, Duration.ofSeconds(120))
                    .withMessage(() -> "the race's verdict; lanes: "
                            + student.findElement(By.id("race-lanes")).getText())
                    .until(d -> !verdict(student).isEmpty());
            String line = verdict(student);
            assertTrue(line.contains("reached") && line.contains("% test accuracy at step"), line);
            assertEquals(
                    "2", student.findElement(By.id("race-loss-chart")).getAttribute("data-series"));
            Browsers.screenshot(student, "race");
            // Both lanes are kept, finished, once the writer has saved them (every 2 s).
            new WebDriverWait(student, Duration.ofSeconds(30))
                    .withMessage(() -> "both lanes kept as finished")
                    .until(d -> {
                        d.get(server.url() + "runs");
                        return waitForRows(d, 2).stream()
                                .allMatch(row -> row.getText().contains("finished"));
                    });
            String runs = student.findElement(By.id("runs-table")).getText();
            assertTrue(runs.contains("Adam") && runs.contains("SGD"), runs);
        } finally {
            student.quit();
        }
    }

    private static String verdict(ChromeDriver browser) {
        return browser.findElement(By.id("race-verdict")).getText();
    }

    /** How many points each lane's line on the loss chart has, as ECharts holds them. */
    @SuppressWarnings("unchecked")
    private static List<Long> lanePoints(ChromeDriver browser) {
        return (List<Long>) browser.executeScript("const c = document.getElementById("
                + "'race-loss-chart').chart; return c ? c.getOption().series.map("
                + "s => s.data.length) : [];");
    }

    private static Map<String, String> environment(String kind) throws Exception {
        Map<String, String> environment = new HashMap<>();
        if (kind.equals("sqlite")) {
            Path data = Files.createTempDirectory("history-it");
            environment.put("PLAYGROUND_DATA_DIR", data.toString());
        } else {
            StoreSettings database = TestDatabases.freshPostgresqlSchema();
            environment.put("PLAYGROUND_DATABASE_URL", database.jdbcUrl());
            environment.put("PLAYGROUND_DATABASE_USER", database.user());
            environment.put("PLAYGROUND_DATABASE_PASSWORD", database.password());
        }
        return environment;
    }

    private static List<WebElement> waitForRows(WebDriver browser, int count) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> count + " runs listed")
                .until(d -> {
                    List<WebElement> rows = d.findElements(By.cssSelector("#runs-table .run-row"));
                    return rows.size() == count ? rows : null;
                });
    }

    private static WebElement waitForId(WebDriver browser, String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id(id)));
    }

    /** Waits until the chart has drawn its canvas (in its shadow root) with some width. */
    private static void waitForCanvas(ChromeDriver browser, String chartId) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> chartId + " drawn")
                .until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "return document.getElementById(arguments[0])?.shadowRoot"
                                + "?.querySelector('canvas')?.width > 0",
                        chartId)));
    }
}
