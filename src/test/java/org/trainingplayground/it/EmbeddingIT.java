package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A course website embedding the playground in iframes: the test resource
 * {@code course-page.html}, served from another site than the app's.
 *
 * <p>The course page is on {@code http://localhost:<port>} and the app on
 * {@code http://127.0.0.1:<port>}: different sites (a site is the scheme and the registrable
 * domain, or the IP address), so the iframe is cross-site as on a real course website, while
 * both stay plain http. Chromium treats both hosts as potentially trustworthy, so it accepts
 * the app's {@code Secure} (and so {@code SameSite=None; Partitioned}) session cookie without
 * TLS; a real deployment needs HTTPS for that.
 */
class EmbeddingIT {

    private static final AtomicInteger pages = new AtomicInteger();
    private static HttpServer courseSite;
    private static PlaygroundServer embeddable;

    private ChromeDriver browser;

    @BeforeAll
    static void startCourseSiteAndAnEmbeddableApp() throws IOException {
        courseSite = HttpServer.create(new InetSocketAddress(0), 0);
        courseSite.start();
        embeddable =
                PlaygroundServer.startWith(Map.of("PLAYGROUND_EMBED_ORIGINS", courseSiteOrigin()));
    }

    @AfterAll
    static void stopServers() {
        courseSite.stop(0);
        embeddable.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlaygroundFramedByAnAllowedCourseSiteTrainsWithServerPush() throws Exception {
        browser = Browsers.newChromium();
        browser.get(serveCoursePage(embeddable.port()));
        browser.switchTo().frame("spiral");
        PlaygroundPage playground = new PlaygroundPage(browser, null);
        playground.waitForText("status", "epoch", Duration.ofSeconds(60));
        assertTrue(playground.text("dataset").contains("Spiral"), playground.text("dataset"));
        playground.start();
        playground.waitForDataPoints("loss-chart", 10, Duration.ofSeconds(30));
        // The frame is another site's, so Chromium runs it in its own process, whose network
        // events the driver's performance log leaves out; its resource timings list every
        // request but a WebSocket's. Points that keep coming while the frame sends no request
        // (Atmosphere's long-polling fallback would) come over the push WebSocket.
        Object requestsBefore = frameRequests();
        int pointsBefore = playground.dataPoints("loss-chart");
        playground.waitForDataPoints("loss-chart", pointsBefore + 10, Duration.ofSeconds(30));
        assertEquals(requestsBefore, frameRequests(), "requests while the chart grew");

        // The second frame shares the browser session's cookie, yet has its own exercise:
        // MNIST, started by its link.
        browser.switchTo().defaultContent();
        browser.switchTo().frame("mnist");
        PlaygroundPage digits = new PlaygroundPage(browser, null);
        digits.waitForDataPoints("loss-chart", 5, Duration.ofSeconds(60));
        assertTrue(digits.text("dataset").contains("MNIST"), digits.text("dataset"));
    }

    @Test
    void withoutTheSettingAnotherSitesFrameIsRefused() throws Exception {
        PlaygroundServer plain = PlaygroundServer.get();
        browser = Browsers.newChromium();
        browser.get(serveCoursePage(plain.port()));
        browser.switchTo().frame("spiral");
        // Chromium puts its error page in a refused frame instead of the app.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage("the frame showing Chromium's error page; it shows " + frameLocation())
                .until(d -> frameLocation().startsWith("chrome-error://"));
        assertTrue(browser.findElements(By.id("status")).isEmpty(), "no playground in the frame");
    }

    @Test
    void theEmbeddableAppsSessionCookieCrossesSitesAndEveryResponseNamesItsFramers()
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(appOrigin(embeddable.port()) + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String policy = "frame-ancestors 'self' " + courseSiteOrigin();
        assertEquals(
                policy, page.headers().firstValue("Content-Security-Policy").orElse(null));
        // The session cookie and the learner cookie both cross sites, partitioned.
        List<String> cookies = page.headers().allValues("Set-Cookie");
        for (String name : List.of("JSESSIONID=", "playground_learner=")) {
            String cookie = cookies.stream()
                    .filter(c -> c.startsWith(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not set: " + cookies));
            assertTrue(
                    cookie.contains("; Secure")
                            && cookie.contains("; SameSite=None")
                            && cookie.contains("; Partitioned"),
                    cookie);
        }

        Matcher script = Pattern.compile("VAADIN/build/[^\"']+\\.js").matcher(page.body());
        assertTrue(script.find(), "the page loads the front-end bundle");
        HttpResponse<Void> resource = http.send(
                HttpRequest.newBuilder(
                                URI.create(appOrigin(embeddable.port()) + "/" + script.group()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, resource.statusCode());
        assertEquals(
                policy, resource.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    /** Everything the current frame has requested over HTTP so far. */
    private Object frameRequests() {
        return browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
    }

    private String frameLocation() {
        return String.valueOf(browser.executeScript("return location.href"));
    }

    private static String courseSiteOrigin() {
        return "http://localhost:" + courseSite.getAddress().getPort();
    }

    private static String appOrigin(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Serves the course page, framing the app on this port, at a new address on the site. */
    private static String serveCoursePage(int appPort) throws IOException {
        String html;
        try (InputStream in = EmbeddingIT.class.getResourceAsStream("/course-page.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] body = html.replace("{{APP}}", appOrigin(appPort)).getBytes(StandardCharsets.UTF_8);
        String path = "/course-" + pages.incrementAndGet() + ".html";
        courseSite.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return courseSiteOrigin() + path;
    }
}
