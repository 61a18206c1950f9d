package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;

/** A tab the student leaves pauses its run, in a real browser (visibilitychange). */
class IdleIT {

    /** With the shortest idle pause an operator may set (5 s), so the test takes seconds. */
    private static PlaygroundServer server;

    private ChromeDriver browser;

    @BeforeAll
    static void startServer() throws Exception {
        server = PlaygroundServer.startWith(Map.of("PLAYGROUND_IDLE_PAUSE", "5"));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        Browsers.screenshot(browser, test.getTestMethod().orElseThrow().getName());
        browser.quit();
    }

    /** True when the server's metrics say no run takes training steps. */
    private static boolean noRunTraining(HttpClient http, HttpRequest metrics) {
        try {
            return http.send(metrics, HttpResponse.BodyHandlers.ofString())
                    .body()
                    .lines()
                    .anyMatch(line ->
                            line.startsWith("playground_runs_active") && line.endsWith(" 0.0"));
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aRunWhoseTabIsHiddenForTheIdleTimeIsPausedAndSaysSoWhenTheTabReturns() throws Exception {
        browser = Browsers.newChromium();
        PlaygroundPage page = new PlaygroundPage(browser, server.url()).open();
        page.choose("speed", "1 step/s");
        page.start();
        page.waitForStatus("Training", Duration.ofSeconds(20));
        String playground = browser.getWindowHandle();

        // Another tab in front: the playground's tab is hidden (visibilitychange). Wait, from
        // outside the page, until the server has no run training any more.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(server.url() + "health/live");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest metrics =
                HttpRequest.newBuilder(URI.create(server.url() + "metrics")).build();
        new FluentWait<>(http)
                .withTimeout(Duration.ofSeconds(40))
                .pollingEvery(Duration.ofMillis(250))
                .withMessage("the hidden tab's run paused by the server")
                .until(client -> noRunTraining(client, metrics));

        // Back to the playground: it says why it stopped, and Start continues.
        browser.close();
        browser.switchTo().window(playground);
        page.waitForText("idle-note", "paused while this tab was hidden", Duration.ofSeconds(20));
        assertTrue(page.status().startsWith("Paused"), page.status());
        page.start();
        page.waitForStatus("Training", Duration.ofSeconds(20));
    }
}
