package org.trainingplayground.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a script can do to a shared server, driven through Vaadin's own protocol, and what a
 * browser that drops off leaves behind: on the packaged jar, with a small server (4 sessions,
 * 2 training places) so that a few scripted pages would be enough to fill it.
 */
class ScriptedClientsIT {

    private static PlaygroundServer server;
    private ChromeDriver browser;

    @BeforeAll
    static void startServer() throws Exception {
        server = PlaygroundServer.startWith(Map.of(
                "PLAYGROUND_MAX_SESSIONS", "4",
                "PLAYGROUND_MAX_ACTIVE_RUNS", "2",
                "PLAYGROUND_IDLE_PAUSE", "5",
                // A dropped browser is then noticed in about 10 s instead of a minute.
                "JAVA_TOOL_OPTIONS", "-Dvaadin.heartbeatInterval=3"));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            Browsers.screenshot(browser, test.getTestMethod().orElseThrow().getName());
            browser.quit();
            browser = null;
        }
    }

    /** A gauge or counter of the server's /metrics. */
    private static double metric(String name) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + body));
    }

    private static long logLines(String containing) {
        return server.log().lines().filter(line -> line.contains(containing)).count();
    }

    @Test
    void scriptedPagesHoldNeitherASessionPlaceNorATrainingPlaceAndARealBrowserTrainsAtOnce()
            throws Exception {
        long closedBefore = logLines("whose client never connected was closed");
        for (int i = 0; i < 6; i++) {
            new ScriptedClient(server.url()).open("", "");
            new ScriptedClient(server.url()).open("embed", "autostart=1");
        }
        Thread.sleep(2_000); // an autostart would have begun by now
        assertEquals(0, metric("playground_sessions"), "twelve scripted sessions on a cap of 4");
        assertEquals(0, metric("playground_runs_active"), "six autostarts on 2 places");
        assertEquals(0, metric("playground_runs_queued"));

        browser = Browsers.newChromium();
        PlaygroundPage page = new PlaygroundPage(browser, server.url()).open();
        page.choose("speed", "1 step/s"); // still training when the test looks again
        page.start();
        page.waitForStatus("Training", Duration.ofSeconds(20));
        assertEquals(1, metric("playground_sessions"));

        // After the 30 s grace the scripted main pages are closed and their runs freed.
        await("the scripted pages closed")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        logLines("whose client never connected was closed") >= closedBefore + 6);
        page.waitForStatus("Training", Duration.ofSeconds(5));
    }

    @Test
    void malformedMessagesFromAScriptCostAFewLogLinesAndNoStackTrace() throws Exception {
        ScriptedClient script = new ScriptedClient(server.url());
        long before = logLines("Ignored a message from a browser");
        for (int i = 0; i < 30; i++) {
            ScriptedClient.Page page = script.init();
            script.send(
                    page,
                    "{\"csrfToken\":\"" + page.csrfToken() + "\",\"rpc\":[{\"type\":"
                            + "\"event\",\"node\":\"x\"}],\"syncId\":0,\"clientId\":0}");
            script.send(page, "{\"csrfToken\":\"" + page.csrfToken() + "\",\"rpc\":[{");
        }
        await("the first warning")
                .atMost(Duration.ofSeconds(10))
                .until(() -> logLines("Ignored a message from a browser") > before);
        String log = server.log();
        long warnings = logLines("Ignored a message from a browser") - before;
        assertTrue(warnings <= 3, "60 malformed messages gave " + warnings + " warnings:\n" + log);
        assertFalse(log.contains("at com.vaadin.flow.server.communication"), log);
        assertEquals(200, script.get("health/live").statusCode());
    }

    @Test
    void aBrowserThatDropsOffHasItsPageClosedAndItsRunPaused() throws Exception {
        long closedBefore = logLines("Closed a page whose browser stopped answering");
        browser = Browsers.newChromium();
        PlaygroundPage page = new PlaygroundPage(browser, server.url()).open();
        page.choose("speed", "1 step/s"); // still training when the test looks again
        page.start();
        page.waitForStatus("Training", Duration.ofSeconds(20));

        // The browser's processes die without a word, as when a laptop lid closes.
        String profile = Browsers.profileDirectory(browser);
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(profile))
                .forEach(ProcessHandle::destroyForcibly);

        await("the dropped page closed")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        logLines("Closed a page whose browser stopped answering") > closedBefore);
        await("its run paused by the idle rule")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> metric("playground_runs_active") == 0);
        try {
            browser.quit(); // ends its ChromeDriver
        } catch (WebDriverException chromiumGone) {
            // As intended.
        }
        browser = null;
    }
}
