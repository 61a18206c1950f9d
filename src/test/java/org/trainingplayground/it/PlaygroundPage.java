package org.trainingplayground.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The playground page as a student sees it, addressed by the documented element ids. */
final class PlaygroundPage {

    private final WebDriver driver;
    private final String url;

    PlaygroundPage(WebDriver driver, String url) {
        this.driver = driver;
        this.url = url;
    }

    PlaygroundPage open() {
        driver.get(url);
        waitUntilLoaded();
        return this;
    }

    PlaygroundPage reload() {
        driver.navigate().refresh();
        waitUntilLoaded();
        return this;
    }

    private void waitUntilLoaded() {
        await(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("status")).isEmpty()
                && d.findElement(By.id("status")).getText().contains("epoch"));
    }

    void start() {
        await(Duration.ofSeconds(60)).until(d -> button("start").isEnabled());
        button("start").click();
    }

    void pause() {
        await(Duration.ofSeconds(30)).until(d -> button("pause").isEnabled());
        button("pause").click();
        await(Duration.ofSeconds(30)).until(d -> status().startsWith("Paused"));
    }

    void waitForStatus(String prefix, Duration within) {
        await(within).withMessage(() -> "status starting with \"" + prefix + "\"; it says \""
                + status() + "\"").until(d -> status().startsWith(prefix));
    }

    String status() {
        return driver.findElement(By.id("status")).getText();
    }

    /** The number of x-values the chart with this id draws, as it reports itself. */
    int dataPoints(String chartId) {
        String value = driver.findElement(By.id(chartId)).getAttribute("data-points");
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    void waitForDataPoints(String chartId, int atLeast, Duration within) {
        await(within).withMessage(() -> chartId + " drawing at least " + atLeast
                        + " points; it draws " + dataPoints(chartId) + ", status: " + status())
                .until(d -> dataPoints(chartId) >= atLeast);
    }

    private WebElement button(String id) {
        return driver.findElement(By.id(id));
    }

    private WebDriverWait await(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }
}
