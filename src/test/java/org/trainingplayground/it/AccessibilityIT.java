package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every screen a class uses: the phone, the tablet both ways, the Chromebook and the 800×600
 * frame of a course page, without sideways scrolling; and no serious or critical axe-core
 * violation in the states a student meets.
 */
class AccessibilityIT {

    /** Window sizes, and the page each is used with (a course page frames /embed). */
    private static final Map<String, String> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("390x844", "/");
        SIZES.put("768x1024", "/");
        SIZES.put("1024x768", "/");
        SIZES.put("1366x768", "/");
        SIZES.put("800x600", "/embed");
    }

    private ChromeDriver browser;
    private PlaygroundServer server;

    @BeforeEach
    void openBrowser() throws Exception {
        server = PlaygroundServer.get();
        browser = Browsers.newChromium();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** A new browser, a new user: a link then applies at once, without asking to Reset. */
    private void newUser() throws Exception {
        browser.quit();
        browser = Browsers.newChromium();
    }

    private PlaygroundPage open(String size, String path) {
        String[] wh = size.split("x");
        // The window's outer size: the page gets the inner size Chromium leaves of it.
        browser.manage()
                .window()
                .setSize(new Dimension(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
        // The server's URL ends in "/".
        return new PlaygroundPage(browser, server.url() + path.substring(1)).open();
    }

    @Test
    void noScreenAClassUsesScrollsSideways() throws Exception {
        List<String> scrolling = new ArrayList<>();
        for (Map.Entry<String, String> size : SIZES.entrySet()) {
            if (size.getValue().equals("/embed")) {
                openInACoursePagesFrame(size.getKey());
            } else {
                open(size.getKey(), size.getValue());
                boolean wide = Integer.parseInt(size.getKey().split("x")[0]) > 900;
                assertEquals(
                        wide,
                        browser.executeScript(
                                "return document.getElementById('settings-drawer').opened"),
                        size.getKey() + ": the settings drawer is open beside the run only");
            }
            // The charts size themselves once drawn: measure after every one has its canvas.
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .withMessage(size + ": the charts never drew")
                    .until(d -> (Boolean) browser.executeScript("return [...document"
                            + ".querySelectorAll('tp-echart')].every(c => c.offsetParent === null"
                            + " || c.shadowRoot?.querySelector('canvas')?.width > 0)"));
            long overflow =
                    (Long) browser.executeScript("return document.documentElement.scrollWidth"
                            + " - document.documentElement.clientWidth");
            if (overflow > 0) {
                scrolling.add(size + " scrolls " + overflow + " px sideways");
            }
            Browsers.screenshot(browser, "screen-" + size.getKey());
            browser.switchTo().defaultContent();
        }
        assertEquals(List.of(), scrolling);
    }

    /**
     * /embed in an iframe of {@code size} on a page of the app's own origin (the only one that
     * may frame it by default), and the driver inside that frame.
     */
    private void openInACoursePagesFrame(String size) {
        String[] wh = size.split("x");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(server.url() + "health");
        browser.executeScript(
                "document.body.innerHTML = '<iframe id=\"course-frame\" src=\"/embed\""
                        + " width=\"" + wh[0] + "\" height=\"" + wh[1]
                        + "\" style=\"border: 0\"></iframe>';");
        browser.switchTo().frame("course-frame");
        new PlaygroundPage(browser, null).waitForStatus("Ready", Duration.ofSeconds(60));
    }

    @Test
    void theStatesAStudentMeetsHaveNoSeriousOrCriticalViolations() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        PlaygroundPage page = open("1366x768", "/");
        found.put("untrained", AxeCore.seriousViolations(browser));
        page.choose("speed", "20 steps/s");
        page.start();
        page.waitForDataPoints("loss-chart", 10, Duration.ofSeconds(30));
        found.put("training", AxeCore.seriousViolations(browser));
        // What the charts show can be read as text too, and ECharts describes each chart.
        page.waitForText("loss-latest", "Latest: step ", Duration.ofSeconds(10));
        String description = (String) browser.executeScript("const c = document"
                + ".getElementById('loss-chart'); return (c.shadowRoot || c)"
                + ".querySelector('[aria-label]')?.getAttribute('aria-label');");
        assertTrue(
                description != null && description.contains("Training loss"),
                String.valueOf(description));
        page.pause();
        page.click("step");
        page.waitForText("step-view-title", "Step", Duration.ofSeconds(20));
        found.put("paused with the step view", AxeCore.seriousViolations(browser));

        newUser();
        page = open("1366x768", "/?lr=1000");
        page.start();
        page.waitForText("error", "Training diverged", Duration.ofSeconds(30));
        found.put("diverged", AxeCore.seriousViolations(browser));
        // A screen reader hears it once, from the live region.
        page.waitForText("status-announcer", "Training diverged", Duration.ofSeconds(10));
        assertEquals(
                "status", browser.findElement(By.id("status-announcer")).getDomAttribute("role"));

        newUser();
        page = open("1366x768", "/?dataset=spiral");
        page.start();
        page.waitForDataPoints("loss-chart", 10, Duration.ofSeconds(30));
        found.put("2-D set with its boundary", AxeCore.seriousViolations(browser));

        for (String size : List.of("800x600", "390x844")) {
            open(size, "/embed");
            found.put("/embed at " + size, AxeCore.seriousViolations(browser));
        }
        found.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), found);
    }

    @Test
    void theClassroomPagesHaveNoSeriousViolationsAndNoneScrollsSidewaysOnAPhone() throws Exception {
        Map<String, List<?>> found = new LinkedHashMap<>();
        List<String> scrolling = new ArrayList<>();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(server.url() + "teach");
        PlaygroundPage page = new PlaygroundPage(browser, server.url());
        page.type("class-name", "Year 11");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("teacher-link")).isDisplayed());
        String code = browser.findElement(By.id("class-code")).getText();
        String teacherLink = browser.findElement(By.id("teacher-link")).getAttribute("href");
        found.put("/teach with a new class", AxeCore.seriousViolations(browser));
        scrolling.add(sideways("/teach"));

        newUser();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(server.url() + "join/" + code);
        page = new PlaygroundPage(browser, server.url());
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("nickname")).isEmpty());
        found.put("/join", AxeCore.seriousViolations(browser));
        scrolling.add(sideways("/join"));
        page.type("nickname", "Ada");
        page.waitForText("class-banner", "you are Ada", Duration.ofSeconds(30));
        page.waitForStatus("Ready", Duration.ofSeconds(60));
        found.put("a student's playground in a class", AxeCore.seriousViolations(browser));
        scrolling.add(sideways("/ in a class"));

        newUser();
        for (String size : List.of("1366x768", "390x844")) {
            String[] wh = size.split("x");
            browser.manage()
                    .window()
                    .setSize(new Dimension(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
            browser.get(teacherLink);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector(".student-row")).isEmpty());
            found.put("the dashboard at " + size, AxeCore.seriousViolations(browser));
            scrolling.add(sideways("the dashboard at " + size));
            Browsers.screenshot(browser, "dashboard-" + size);
        }
        found.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), found);
        scrolling.removeIf(String::isEmpty);
        assertEquals(List.of(), scrolling);
    }

    /** "" when the page fits its window's width, else which page scrolls by how much. */
    private String sideways(String page) {
        long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth");
        return overflow > 0 ? page + " scrolls " + overflow + " px sideways" : "";
    }

    @Test
    void theKeyboardReachesStartWithAVisibleFocusRingAndEnterStartsTraining() throws Exception {
        PlaygroundPage page = open("1366x768", "/");
        List<String> path = new ArrayList<>();
        for (int tab = 0; tab < 120 && !path.contains("start"); tab++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            path.add(String.valueOf(browser.executeScript(
                    "return document.activeElement.id || document.activeElement.tagName")));
        }
        assertTrue(path.contains("start"), "Tab never reached Start: " + path);
        // Lumo draws its focus ring on elements focused from the keyboard.
        assertEquals("", browser.findElement(By.id("start")).getDomAttribute("focus-ring"));
        Browsers.screenshot(browser, "keyboard-focus-on-start");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        page.waitForStatus("Training", Duration.ofSeconds(20));
    }
}
