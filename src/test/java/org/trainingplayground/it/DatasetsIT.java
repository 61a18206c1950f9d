package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** The other datasets in a real browser: a boundary forming, clothes classified, a drawing. */
class DatasetsIT {

    private ChromeDriver driver;
    private PlaygroundPage page;

    @BeforeEach
    void openPage() throws Exception {
        driver = Browsers.newChromium();
        page = new PlaygroundPage(driver, PlaygroundServer.get().url()).open();
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        screenshot(test.getTestMethod().orElseThrow().getName());
        driver.quit();
    }

    private void screenshot(String name) throws Exception {
        Browsers.screenshot(driver, name);
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})",
                        id);
    }

    @Test
    void theSpiralPresetTrainsASmallNetAndTheBoundaryFormsWhileItLearns() throws Exception {
        page.choose("preset", "Spiral");
        page.waitForAttribute(
                "decision-boundary-chart",
                "data-boundary-step",
                "0"::equals,
                Duration.ofSeconds(20));
        page.choose("speed", "20 steps/s");
        page.start();
        long first = Long.parseLong(page.waitForAttribute(
                "decision-boundary-chart",
                "data-boundary-step",
                step -> Long.parseLong(step) > 0,
                Duration.ofSeconds(20)));
        long later = Long.parseLong(page.waitForAttribute(
                "decision-boundary-chart",
                "data-boundary-step",
                step -> Long.parseLong(step) >= first + 20,
                Duration.ofSeconds(20)));
        assertTrue(later > first, "the boundary is redrawn while training");
        page.pause();

        // The rest of the 60 epochs at full speed: the arms should then be told apart.
        page.choose("speed", "Full speed");
        page.start();
        page.waitForStatus("Finished", Duration.ofSeconds(90));
        java.util.regex.Matcher accuracy =
                java.util.regex.Pattern.compile("test accuracy ([0-9.]+) %").matcher(page.status());
        assertTrue(accuracy.find(), page.status());
        assertTrue(Double.parseDouble(accuracy.group(1)) > 85, page.status());
        scrollTo("decision-boundary-chart");
        screenshot("spiral-boundary");
    }

    @Test
    void onFashionMnistTheGalleryShowsRightAndWrongPredictionsAndTheConfusionMatrix()
            throws Exception {
        page.choose("dataset", "Fashion-MNIST clothes");
        page.waitForText("predictions", "Ankle boot", Duration.ofSeconds(30));
        page.click("step-epoch");
        page.waitForStatus("Paused", Duration.ofSeconds(60));
        page.waitForAttribute(
                "predictions",
                "data-step",
                step -> Long.parseLong(step) >= 150,
                Duration.ofSeconds(20));
        List<WebElement> cards =
                driver.findElements(By.cssSelector("#predictions .prediction-card"));
        assertEquals(24, cards.size());
        assertTrue(
                cards.stream().anyMatch(c -> "true".equals(c.getDomAttribute("data-correct"))),
                "after an epoch most are right");
        scrollTo("predictions");
        screenshot("fashion-predictions");

        driver.findElement(By.cssSelector("#predictions-misclassified input")).click();
        page.waitForServer();
        List<WebElement> wrong =
                driver.findElements(By.cssSelector("#predictions .prediction-card"));
        assertFalse(wrong.isEmpty(), "some clothes are still confused after one epoch");
        assertTrue(wrong.stream().allMatch(c -> "false".equals(c.getDomAttribute("data-correct"))));
        assertTrue(driver.findElement(By.id("confusion-matrix-chart")).isDisplayed());
    }

    @Test
    void whileTrainingWithTheGalleryOpenEveryPushStaysSmall() throws Exception {
        page.choose("dataset", "Fashion-MNIST clothes");
        page.waitForText("predictions", "Ankle boot", Duration.ofSeconds(30));
        driver.manage().logs().get(LogType.PERFORMANCE); // forget the page load
        // Full speed is the heaviest push: every tick carries new steps and evaluations.
        page.start();
        page.waitForStatus("Finished", Duration.ofSeconds(90));
        page.waitForAttribute(
                "predictions",
                "data-step",
                step -> Long.parseLong(step) >= 785,
                Duration.ofSeconds(20));
        ObjectMapper json = new ObjectMapper();
        List<Integer> sizes = new java.util.ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if ("Network.webSocketFrameReceived".equals(message.path("method").asText())) {
                sizes.add(message.path("params")
                        .path("response")
                        .path("payloadData")
                        .asText()
                        .length());
            }
        }
        java.util.Collections.sort(sizes);
        assertTrue(sizes.size() > 5, "pushes arrived over the WebSocket: " + sizes);
        int median = sizes.get(sizes.size() / 2);
        int largest = sizes.get(sizes.size() - 1);
        System.out.printf(
                "push while training Fashion-MNIST with the gallery open: %d frames,"
                        + " %,d characters in all, median %,d, largest %,d%n",
                sizes.size(), sizes.stream().mapToLong(Integer::longValue).sum(), median, largest);
        // Images are sent once; an update carries texts, bar widths and chart points. The
        // largest frame is the step view rebuilt once when the run stops.
        assertTrue(median < 48 * 1024, "median push " + median + " characters: " + sizes);
        assertTrue(largest < 256 * 1024, "largest push " + largest + " characters: " + sizes);
    }

    @Test
    void drawingAOneOnThePadGetsAPredictionFromTheTrainedNetwork() throws Exception {
        page.click("step-epoch");
        page.waitForStatus("Paused", Duration.ofSeconds(60));
        scrollTo("draw-pad");
        WebElement pad = driver.findElement(By.id("draw-pad"));
        int height = pad.getSize().getHeight();
        // A vertical stroke down the middle: a "1".
        new Actions(driver)
                .moveToElement(pad, 0, -height / 3)
                .clickAndHold()
                .moveByOffset(2, height / 6)
                .moveByOffset(0, height / 6)
                .moveByOffset(-2, height / 6)
                .moveByOffset(0, height / 6)
                .release()
                .perform();
        String predicted = page.waitForAttribute(
                "draw-prediction",
                "data-predicted",
                value -> !value.isEmpty(),
                Duration.ofSeconds(20));
        assertEquals("1", predicted, "a vertical stroke reads as a one after an epoch");
        ((JavascriptExecutor) driver)
                .executeScript(
                        "document.getElementById('draw-panel').scrollIntoView({block: 'center'})");
        screenshot("draw-a-one");
    }
}
