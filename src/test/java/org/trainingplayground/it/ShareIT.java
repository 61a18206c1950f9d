package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Settings in the address bar, in a real browser: a crafted link, and edits written back. */
class ShareIT {

    private ChromeDriver driver;

    @BeforeEach
    void openBrowser() throws Exception {
        driver = Browsers.newChromium();
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        Browsers.screenshot(driver, test.getTestMethod().orElseThrow().getName());
        driver.quit();
    }

    private PlaygroundPage open(String pathAndQuery) throws Exception {
        // url() ends with the root's slash.
        String root = PlaygroundServer.get().url().replaceAll("/$", "");
        return new PlaygroundPage(driver, root + pathAndQuery).open();
    }

    private String fieldValue(String id) {
        return driver.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value");
    }

    /** The diagram's boxes and arrows read as one line. */
    private void waitForDiagram(String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "the network diagram showing " + expected)
                .until(d -> d.findElement(By.id("network-diagram"))
                        .getText()
                        .replaceAll("\\s+", " ")
                        .contains(expected));
    }

    @Test
    void aCraftedLinkOpensThatStateAndEditsAreWrittenBackToTheAddress() throws Exception {
        PlaygroundPage page =
                open("/?dataset=moons&layers=8-tanh&optimizer=adam&lr=0.1&epochs=2&seed=7");
        waitForDiagram("2 → 8 Tanh → 2");
        assertTrue(page.text("dataset").contains("Two moons"), page.text("dataset"));
        assertEquals("0.1", fieldValue("learning-rate"));
        assertEquals("7", fieldValue("seed"));

        page.type("epochs", "4");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .withMessage(() -> "the address holding epochs=4: " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("epochs=4"));
        assertTrue(driver.getCurrentUrl().contains("dataset=moons"), driver.getCurrentUrl());
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> fieldValue("share-link").contains("epochs=4"));

        // The address reopens exactly this state in a fresh browser.
        String address = driver.getCurrentUrl();
        driver.quit();
        driver = Browsers.newChromium();
        PlaygroundPage again = new PlaygroundPage(driver, address).open();
        waitForDiagram("2 → 8 Tanh → 2");
        assertEquals("4", fieldValue("epochs"));
    }

    @Test
    void exportedSettingsDownloadAsJsonAndAnEditedFileImportsBack() throws Exception {
        PlaygroundPage page = open("/?dataset=xor&layers=8-tanh&epochs=3");
        waitForDiagram("2 → 8 Tanh → 2");
        String href = driver.findElement(By.id("export-config")).getDomAttribute("href");
        String json = (String) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
                        href);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var settings = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        assertEquals("xor", settings.get("dataset").asText(), json);
        assertEquals(3, settings.get("epochs").asInt(), json);

        // A student edits the file and uploads it, as with the Import button.
        settings.put("epochs", 6);
        settings.put("seed", 11);
        Path file = Files.createTempFile("settings", ".json");
        Files.writeString(file, mapper.writeValueAsString(settings));
        driver.findElement(By.id("import-config"))
                .getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "epochs from the file; the field holds " + fieldValue("epochs"))
                .until(d -> "6".equals(fieldValue("epochs")));
        assertEquals("11", fieldValue("seed"));
        assertTrue(driver.getCurrentUrl().contains("epochs=6"), driver.getCurrentUrl());
    }

    @Test
    void badParametersGetANoticeAndTheRestOfTheLinkApplies() throws Exception {
        // %zz is a broken escape: the server repairs the link instead of refusing it.
        PlaygroundPage page = open("/?lr=fast&batch=16&colour=blue&seed=%zz");
        page.waitForText("url-notices", "fast", Duration.ofSeconds(20));
        assertTrue(page.text("url-notices").contains("colour"), page.text("url-notices"));
        assertTrue(page.text("url-notices").contains("%zz"), page.text("url-notices"));
        assertEquals("16", fieldValue("batch-size"));
        page.click("url-notices-dismiss");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("url-notices")).isEmpty()
                        || !d.findElement(By.id("url-notices")).isDisplayed());
    }
}
