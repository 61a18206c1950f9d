package org.trainingplayground.it;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
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
        await(Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("status")).isEmpty()
                        && d.findElement(By.id("status")).getText().contains("epoch"));
    }

    void start() {
        click("start");
    }

    void pause() {
        await(Duration.ofSeconds(30)).until(d -> button("pause").isEnabled());
        button("pause").click();
        await(Duration.ofSeconds(30)).until(d -> status().startsWith("Paused"));
    }

    void waitForStatus(String prefix, Duration within) {
        await(within)
                .withMessage(() ->
                        "status starting with \"" + prefix + "\"; it says \"" + status() + "\"")
                .until(d -> status().startsWith(prefix));
    }

    /** Answers "Reset" in the dialog that settings needing a new run open on a trained run. */
    void confirmReset() {
        await(Duration.ofSeconds(10))
                .until(d -> d.findElement(
                        By.cssSelector("vaadin-confirm-dialog-overlay [slot='confirm-button']")))
                .click();
        waitForServer();
    }

    /** Clicks a button by id once it is enabled. */
    void click(String id) {
        waitForServer();
        await(Duration.ofSeconds(30)).until(d -> button(id).isEnabled());
        button(id).click();
        waitForServer();
    }

    /**
     * Waits until the browser has no request to the server in flight, so what the page shows
     * is what the server decided (a button enabled in a stale page may be disabled on the
     * server, which then ignores the click).
     */
    void waitForServer() {
        await(Duration.ofSeconds(30))
                .until(d -> Boolean.FALSE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("const clients = window.Vaadin && window.Vaadin.Flow"
                                + " && window.Vaadin.Flow.clients;"
                                + "return !!clients && Object.values(clients)"
                                + ".some(c => c.isActive && c.isActive());")));
    }

    /** Types into a Vaadin text field and commits it with Enter, as a user would. */
    void type(String fieldId, String text) {
        By selector = By.cssSelector("#" + fieldId + " input");
        await(Duration.ofSeconds(10)).until(d -> !d.findElements(selector).isEmpty());
        WebElement input = driver.findElement(selector);
        input.clear();
        input.sendKeys(text, org.openqa.selenium.Keys.ENTER);
        await(Duration.ofSeconds(10))
                .withMessage(() -> "#" + fieldId + " holding " + text + "; it holds "
                        + input.getDomProperty("value"))
                .until(d -> text.equals(input.getDomProperty("value")));
        waitForServer();
    }

    /** Opens a vaadin-select and picks the item with this text. */
    void choose(String selectId, String itemText) {
        // Centred first: a select near the window's edge opens its list off screen.
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center'})",
                        driver.findElement(By.id(selectId)));
        driver.findElement(By.id(selectId)).click();
        await(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .anyMatch(item -> item.isDisplayed() && item.getText().equals(itemText)));
        driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().equals(itemText))
                .findFirst()
                .orElseThrow()
                .click();
        waitForServer();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void waitForText(String id, String expected, Duration within) {
        await(within)
                .withMessage(() -> "#" + id + " containing \"" + expected + "\"; it says \""
                        + (driver.findElements(By.id(id)).isEmpty()
                                ? "(not on the page)"
                                : text(id))
                        + "\"; status: " + status())
                .until(d -> !d.findElements(By.id(id)).isEmpty() && text(id).contains(expected));
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
        await(within)
                .withMessage(() -> chartId + " drawing at least " + atLeast + " points; it draws "
                        + dataPoints(chartId) + ", status: " + status())
                .until(d -> dataPoints(chartId) >= atLeast);
    }

    /** An attribute of the element with this id, or null when absent. */
    String attribute(String id, String name) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
    }

    /** Waits until the element with this id has the attribute and it passes {@code check}. */
    String waitForAttribute(String id, String name, Predicate<String> check, Duration within) {
        await(within)
                .withMessage(() -> "#" + id + " [" + name + "] to change; it is \""
                        + attribute(id, name) + "\"; status: " + status())
                .until(d -> {
                    String value = attribute(id, name);
                    return value != null && check.test(value);
                });
        return attribute(id, name);
    }

    WebDriver driver() {
        return driver;
    }

    private WebElement button(String id) {
        return driver.findElement(By.id(id));
    }

    private WebDriverWait await(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        // An element the server replaces while it is read (a panel redrawn) is read afresh at
        // the next poll.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
