package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** The real application in a real browser: the walking skeleton end to end. */
class PlaygroundIT {

    private final List<ChromeDriver> browsers = new ArrayList<>();
    private PlaygroundServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = PlaygroundServer.get();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private PlaygroundPage newUser() throws Exception {
        ChromeDriver driver = Browsers.newChromium();
        browsers.add(driver);
        PlaygroundPage page = new PlaygroundPage(driver, server.url()).open();
        // At full speed a run can finish all its epochs in a second or two, before a test
        // could pause it; 20 steps per second is the pace of a class following along.
        page.choose("speed", "20 steps/s");
        return page;
    }

    @Test
    void pressingStartMakesTheLossChartGainPointsWithinSeconds() throws Exception {
        PlaygroundPage page = newUser();
        assertEquals(0, page.dataPoints("loss-chart"), "nothing trained yet");
        page.start();
        page.waitForDataPoints("loss-chart", 20, Duration.ofSeconds(20));
        page.waitForDataPoints("grad-norm-chart", 20, Duration.ofSeconds(10));
        // The untrained evaluation and two more: MNIST's 10,000 test digits are evaluated every
        // 125 steps (about 6 s at 20 steps/s).
        page.waitForDataPoints("accuracy-chart", 3, Duration.ofSeconds(30));
        assertTrue(page.status().startsWith("Training"), page.status());
        // Kept for people: what the page looked like (target/screenshots/).
        Path shot = Path.of("target", "screenshots", "training.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browsers.get(0).getScreenshotAs(OutputType.BYTES));
        browsers.get(0)
                .executeScript(
                        "document.getElementById('loss-chart').scrollIntoView({block: 'start'})");
        Files.write(
                shot.resolveSibling("training-charts.png"),
                browsers.get(0).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void serverPushTravelsOverAWebSocket() throws Exception {
        PlaygroundPage page = newUser();
        page.start();
        page.waitForDataPoints("loss-chart", 5, Duration.ofSeconds(20));
        ChromeDriver driver = browsers.get(0);
        boolean pushSocket = false;
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("Network.webSocketCreated") && message.contains("VAADIN/push")) {
                pushSocket = true;
            }
        }
        assertTrue(pushSocket, "a WebSocket to VAADIN/push was opened");
    }

    @Test
    void reloadingThePageKeepsTheRunAndRedrawsItsHistory() throws Exception {
        PlaygroundPage page = newUser();
        page.start();
        page.waitForDataPoints("loss-chart", 30, Duration.ofSeconds(20));
        page.pause();
        int drawn = page.dataPoints("loss-chart");
        String status = page.status();

        page.reload();
        page.waitForDataPoints("loss-chart", drawn, Duration.ofSeconds(20));
        assertEquals(drawn, page.dataPoints("loss-chart"), "the same history, redrawn");
        assertEquals(status, page.status());
    }

    @Test
    void aSecondBrowserHasItsOwnUntouchedRun() throws Exception {
        PlaygroundPage first = newUser();
        first.start();
        first.waitForDataPoints("loss-chart", 10, Duration.ofSeconds(20));
        first.pause();
        int firstPoints = first.dataPoints("loss-chart");

        PlaygroundPage second = newUser();
        second.waitForStatus("Ready", Duration.ofSeconds(20));
        assertEquals(0, second.dataPoints("loss-chart"), "the other user's training is not ours");
        second.start();
        second.waitForDataPoints("loss-chart", 5, Duration.ofSeconds(20));
        assertEquals(
                firstPoints, first.dataPoints("loss-chart"), "starting ours left theirs paused");
        assertTrue(first.status().startsWith("Paused"), first.status());
    }
}
