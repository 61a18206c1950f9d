package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Autograd made visible and the guided lesson, in a real browser against the real server. */
class LessonTourIT {

    private ChromeDriver driver;
    private PlaygroundPage page;

    @BeforeEach
    void openPage() throws Exception {
        driver = Browsers.newChromium();
        page = new PlaygroundPage(driver, PlaygroundServer.get().url()).open();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        Browsers.screenshot(driver, test.getTestMethod().orElseThrow().getName());
        driver.quit();
    }

    /** The texts the graph's element drew for its leaves' gradients (in its shadow root). */
    private List<String> gradTexts() {
        return driver
                .findElement(By.id("autograd-graph"))
                .getShadowRoot()
                .findElements(By.cssSelector("text.grad"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void theGraphIsDrawnAndBackwardBringsEachWeightItsGradientNorm() {
        page.waitForAttribute("autograd-graph", "data-nodes", "18"::equals, Duration.ofSeconds(30));
        List<String> before = gradTexts();
        assertEquals(6, before.size(), "one per weight and bias");
        assertTrue(before.stream().allMatch(".grad: None"::equals), before.toString());

        page.click("autograd-step");
        page.waitForAttribute(
                "autograd-graph", "data-backward-step", "1"::equals, Duration.ofSeconds(30));
        List<String> after = gradTexts();
        assertTrue(after.stream().allMatch(t -> t.startsWith("‖.grad‖ = ")), after.toString());
        // The first leaf drawn is fc1.bias; the step-through's table shows the same norm.
        page.waitForText("step-view-title", "Step 1", Duration.ofSeconds(20));
        String norm = after.get(0).substring("‖.grad‖ = ".length());
        assertTrue(page.text("step-view").contains(norm), norm + " in " + page.text("step-view"));

        page.choose("loss-function", "MSELoss on one-hot targets");
        page.confirmReset();
        page.waitForAttribute("autograd-graph", "data-nodes", "17"::equals, Duration.ofSeconds(30));
        String drawn = driver.findElement(By.id("autograd-graph"))
                .getShadowRoot()
                .findElement(By.cssSelector("svg"))
                .getAttribute("aria-label");
        assertTrue(drawn.endsWith("AddmmBackward0, MseLossBackward0"), drawn);
    }

    @Test
    void theExampleShowsXGradEqualToXOverTwoForEveryNewX() {
        page.waitForText("autograd-example-why", "x.grad equals x / 2", Duration.ofSeconds(30));
        String first = page.attribute("autograd-x", "data-values");
        page.click("autograd-example-new");
        page.waitForAttribute(
                "autograd-x", "data-values", v -> !v.equals(first), Duration.ofSeconds(30));
        String[] x = page.attribute("autograd-x", "data-values").split(",");
        String[] grad = page.attribute("autograd-grad", "data-values").split(",");
        for (int i = 0; i < 4; i++) {
            assertEquals(Float.parseFloat(x[i]) / 2, Float.parseFloat(grad[i]), 1e-6f);
        }
        assertTrue(page.text("autograd-example").contains("grad_fn=<PowBackward0>"));
    }

    @Test
    void theTourPointsAtEachPartSeesTheTaskDoneAndResumesAfterAReload() {
        page.click("lesson-tour-start");
        page.waitForText("lesson-tour-title", "The loss", Duration.ofSeconds(10));
        assertTrue(driver.findElement(By.id("controls"))
                .getAttribute("class")
                .contains("tour-target"));
        page.click("step");
        page.waitForText("lesson-tour-done", "Done", Duration.ofSeconds(30));

        page.click("lesson-tour-next");
        page.waitForText("lesson-tour-title", "Why logits", Duration.ofSeconds(10));
        page.choose("loss-function", "LogSoftmax(dim=1) + NLLLoss");
        page.confirmReset();
        page.waitForText("lesson-tour-done", "Done", Duration.ofSeconds(30));

        page.click("lesson-tour-next");
        page.waitForText("lesson-tour-title", "Autograd", Duration.ofSeconds(10));
        assertTrue(driver.findElement(By.id("autograd-view"))
                .getAttribute("class")
                .contains("tour-target"));
        page.click("lesson-tour-leave");
        page.waitForText(
                "lesson-tour-start", "Resume the lesson (step 3 of 6)", Duration.ofSeconds(10));

        page.reload();
        page.waitForText(
                "lesson-tour-start", "Resume the lesson (step 3 of 6)", Duration.ofSeconds(10));
        page.click("lesson-tour-start");
        page.waitForText("lesson-tour-title", "Autograd", Duration.ofSeconds(10));
        page.click("autograd-example-new");
        page.waitForText("lesson-tour-done", "Done", Duration.ofSeconds(30));
        assertTrue(page.text("lesson-tour-step").toLowerCase(Locale.ROOT).contains("step 3 of 6"));
    }

    @Test
    void aCoursePageStartsTheTourWithTourOne() throws Exception {
        driver.get(PlaygroundServer.get().url() + "embed?tour=1");
        new PlaygroundPage(driver, PlaygroundServer.get().url())
                .waitForText("lesson-tour-title", "The loss", Duration.ofSeconds(60));
    }
}
