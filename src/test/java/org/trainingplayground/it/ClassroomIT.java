package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A lesson run from the teacher's dashboard in real browsers: a teacher and three students
 * join, train, get the teacher's settings, a lock, a pause and a challenge; a student cannot
 * open the dashboard, a second class sees nothing of the first, and a restart keeps the class.
 */
class ClassroomIT {

    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void aTeacherRunsALessonForThreeStudentsFromTheDashboard() throws Exception {
        Path data = Files.createTempDirectory("classroom-it");
        Map<String, String> environment = Map.of("PLAYGROUND_DATA_DIR", data.toString());
        PlaygroundServer server = PlaygroundServer.startWith(environment);
        ChromeDriver teacher = Browsers.newChromium();
        List<ChromeDriver> browsers = new ArrayList<>();
        List<PlaygroundPage> students = new ArrayList<>();
        try {
            teacher.get(server.url() + "teach");
            PlaygroundPage teach = new PlaygroundPage(teacher, server.url());
            teach.type("class-name", "Year 11");
            waitFor(teacher, d -> d.findElement(By.id("class-code")).isDisplayed());
            String code = teacher.findElement(By.id("class-code")).getText();
            String teacherLink = teacher.findElement(By.id("teacher-link")).getAttribute("href");
            teacher.get(teacherLink);
            waitFor(
                    teacher,
                    d -> d.getCurrentUrl().endsWith("/teach/" + code)
                            && !d.findElements(By.id("class-roster")).isEmpty());

            teach.choose("challenge-dataset", "XOR quadrants (2-D points)");
            teach.type("challenge-accuracy", "60");
            teach.click("set-challenge");
            waitFor(
                    teacher,
                    d -> d.findElement(By.id("class-challenge"))
                            .getText()
                            .startsWith("At least 60 % test accuracy on XOR"));

            for (String nickname : List.of("Ada", "Grace", "Alan")) {
                ChromeDriver browser = Browsers.newChromium();
                browsers.add(browser);
                browser.get(server.url() + "join/" + code.toLowerCase());
                PlaygroundPage page = new PlaygroundPage(browser, server.url());
                page.type("nickname", nickname);
                waitFor(
                        browser,
                        d -> !d.findElements(By.id("class-banner")).isEmpty()
                                && d.findElement(By.id("class-banner"))
                                        .getText()
                                        .contains("you are " + nickname));
                page.waitForText("status", "epoch", LONG);
                students.add(page);
            }
            PlaygroundPage ada = students.get(0);
            PlaygroundPage grace = students.get(1);
            PlaygroundPage alan = students.get(2);
            ada.start();
            grace.start();
            waitFor(
                    teacher,
                    d -> rows(d).size() == 3 && step(d, "Ada") > 0 && step(d, "Grace") > 0);
            long adaBefore = step(teacher, "Ada");
            waitFor(teacher, d -> step(d, "Ada") > adaBefore);
            Browsers.screenshot(teacher, "classroom-dashboard");

            // Settings for everyone: the untrained run takes them, the trained ones are told.
            ada.pause();
            grace.pause();
            teach.type("push-settings", "?dataset=xor&epochs=100&batch=16&lr=0.1&speed=20");
            teach.click("push-settings-send");
            waitFor(teacher, d -> row(d, "Alan").getText().contains("XOR"));
            assertFalse(row(teacher, "Ada").getText().contains("XOR"), "Ada's run goes on");
            ada.waitForText("class-notice", "Your teacher sent new settings", LONG);
            ada.click("class-notice-reset");
            waitFor(teacher, d -> row(d, "Ada").getText().contains("XOR"));

            // A lock disables that part of every student's page.
            teacher.findElements(By.cssSelector("#class-lock vaadin-checkbox")).stream()
                    .filter(box -> box.getText().equals("optimizer"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            waitFor(
                    alan.driver(),
                    d -> d.findElement(By.cssSelector("[data-section=optimizer]"))
                                    .getDomAttribute("disabled")
                            != null);

            for (PlaygroundPage student : List.of(ada, alan)) {
                student.start();
                student.waitForStatus("Training", LONG);
            }
            teach.click("pause-all");
            ada.waitForStatus("Paused", LONG);
            alan.waitForStatus("Paused", LONG);
            waitFor(teacher, d -> row(d, "Ada").getDomAttribute("data-status").equals("paused"));
            teach.click("resume-all");
            ada.waitForStatus("Training", LONG);

            // The challenge met: the student sees it at once, the leaderboard ranks it.
            ada.waitForText("challenge-met", "Challenge met", LONG);
            waitFor(
                    teacher,
                    d -> d
                            .findElements(
                                    By.cssSelector("#class-leaderboard .leader-row[data-met=true]"))
                            .stream()
                            .anyMatch(r -> "Ada".equals(r.getDomAttribute("data-nickname"))));
            Browsers.screenshot(browsers.get(0), "classroom-student");

            // Nothing of the class for a student, nor for another class's teacher.
            alan.driver().get(server.url() + "teach/" + code);
            waitFor(
                    alan.driver(),
                    d -> !d.findElements(By.id("teacher-key-needed")).isEmpty());
            assertTrue(alan.driver().findElements(By.id("class-roster")).isEmpty());
            ChromeDriver other = Browsers.newChromium();
            browsers.add(other);
            other.get(server.url() + "teach");
            new PlaygroundPage(other, server.url()).type("class-name", "Year 12");
            waitFor(other, d -> d.findElement(By.id("teacher-link")).isDisplayed());
            other.get(other.findElement(By.id("teacher-link")).getAttribute("href"));
            waitFor(other, d -> !d.findElements(By.id("class-roster")).isEmpty());
            assertEquals(0, rows(other).size());
            assertFalse(other.getPageSource().contains("Grace"));

            // A restart keeps the class, its roster and leaderboard; students are back in it.
            server.stop();
            server = PlaygroundServer.startWith(environment);
            teacher.get(server.url() + "teach/" + code);
            waitFor(teacher, d -> rows(d).size() == 3);
            waitFor(
                    teacher,
                    d -> !d.findElements(
                                    By.cssSelector("#class-leaderboard .leader-row[data-met=true]"))
                            .isEmpty());
            grace.driver().get(server.url());
            waitFor(
                    grace.driver(),
                    d -> !d.findElements(By.id("class-banner")).isEmpty()
                            && d.findElement(By.id("class-banner"))
                                    .getText()
                                    .contains("you are Grace"));
        } finally {
            Browsers.screenshot(teacher, "classroom-last");
            teacher.quit();
            browsers.forEach(WebDriver::quit);
            server.stop();
        }
    }

    private static void waitFor(WebDriver browser, Function<WebDriver, Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(browser, LONG);
        wait.pollingEvery(Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.until(condition::apply);
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#class-roster .student-row"));
    }

    private static WebElement row(WebDriver browser, String nickname) {
        return browser.findElement(
                By.cssSelector("#class-roster .student-row[data-nickname='" + nickname + "']"));
    }

    private static long step(WebDriver browser, String nickname) {
        List<WebElement> found = browser.findElements(
                By.cssSelector("#class-roster .student-row[data-nickname='" + nickname + "']"));
        return found.isEmpty() ? -1 : Long.parseLong(found.get(0).getDomAttribute("data-step"));
    }
}
