package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/** The lesson's controls in a real browser: build, choose, step through, diverge. */
class LessonControlsIT {

    private ChromeDriver driver;
    private PlaygroundPage page;

    @BeforeEach
    void openPage() throws Exception {
        driver = Browsers.newChromium();
        page = new PlaygroundPage(driver, PlaygroundServer.get().url()).open();
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        // What the page looked like at the end, for people (and for failures).
        Browsers.screenshot(driver, test.getTestMethod().orElseThrow().getName());
        driver.quit();
    }

    @Test
    void aTwoLayerNetWithNllAndAdamStepsThroughTheLoopOneBatchAtATime() throws Exception {
        // Build 784 → 128 → 32 → 10: replace the second hidden layer.
        page.click("layer-2-remove");
        page.waitForText("network-diagram", "128", Duration.ofSeconds(10));
        page.click("add-layer");
        page.type("layer-2-width", "32");
        page.waitForText("network-diagram", "32", Duration.ofSeconds(10));
        page.choose("loss-function", "LogSoftmax(dim=1) + NLLLoss");
        page.choose("optimizer", "Adam");
        page.waitForText("loss-function", "NLLLoss", Duration.ofSeconds(10));
        page.waitForStatus("Ready", Duration.ofSeconds(20));

        page.waitForText("step-view", "Press Step", Duration.ofSeconds(10));
        String previous = page.text("step-view");
        for (int step = 1; step <= 3; step++) {
            page.click("step");
            page.waitForText("step-view-title", "Step " + step, Duration.ofSeconds(20));
            String now = page.text("step-view");
            assertNotEquals(previous, now, "the step view changed with step " + step);
            assertTrue(
                    now.contains("Forward")
                            && now.contains("Loss")
                            && now.contains("Backward")
                            && now.contains("Step"),
                    now);
            previous = now;
        }
        page.waitForText("status", "step 3", Duration.ofSeconds(10));
        assertTrue(
                page.status().startsWith("Paused") || page.status().startsWith("Ready"),
                page.status());
        assertEquals(3, page.dataPoints("loss-chart"));
        page.waitForDataPoints("update-ratio-chart", 3, Duration.ofSeconds(10));
    }

    @Test
    void aLearningRateOf1000EndsInTheDivergenceMessage() {
        page.type("learning-rate", "1000");
        page.waitForText("network", "Linear", Duration.ofSeconds(10));
        page.start();
        page.waitForText("error", "Training diverged", Duration.ofSeconds(30));
        assertTrue(page.text("error").contains("learning rate 1000"), page.text("error"));
        page.waitForStatus("Stopped", Duration.ofSeconds(10));
    }
}
