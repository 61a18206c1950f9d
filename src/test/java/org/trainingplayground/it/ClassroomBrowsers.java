package org.trainingplayground.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The browser half of the classroom benchmark. Starts {@code bench classroom --serve} from the
 * packaged jar (or joins one already serving at {@code --url}); once its simulated class
 * trains, real headless Chromium users open the page, press Start together and then click
 * Pause and Start in turn, and each click is timed inside the page. Prints JSON lines: the
 * server's own (baseline, aggregate, per-run fairness) as they come, then one per browser and
 * a summary.
 *
 * <p>A measurement, not a test: it asserts nothing, and its name matches neither surefire's
 * nor failsafe's patterns, so {@code mvn verify} never runs it. Run it with
 * {@code mvn exec:java@classroom-browsers} (README, "Benchmarks of a shared server").
 */
@Command(
        name = "classroom-browsers",
        mixinStandardHelpOptions = true,
        description = "Real browsers in the classroom benchmark: the time from Start to the"
                + " first point of the loss chart, and from a click to the page showing its"
                + " effect, while the simulated class trains on the same server.")
public final class ClassroomBrowsers implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Times a click on Start until the loss chart reports its first point ({@code data-points}
     * is set when the pushed points reach the chart element). Arguments: none; answers
     * {@code {ms}} or {@code {error}}.
     */
    private static final String START_TO_FIRST_POINT = """
            const done = arguments[arguments.length - 1];
            const chart = document.getElementById('loss-chart');
            const start = document.getElementById('start');
            const points = () => Number(chart.getAttribute('data-points') || '0');
            if (start.hasAttribute('disabled')) {
              done({error: 'Start is disabled; status: '
                  + document.getElementById('status').textContent});
              return;
            }
            if (points() > 0) {
              done({error: 'the loss chart has points before Start'});
              return;
            }
            let clicked;
            const observer = new MutationObserver(() => {
              if (points() > 0) {
                const ms = performance.now() - clicked;
                observer.disconnect();
                clearTimeout(timer);
                done({ms});
              }
            });
            observer.observe(chart, {attributes: true, attributeFilter: ['data-points']});
            const timer = setTimeout(() => {
              observer.disconnect();
              done({error: 'no point in the loss chart 60 s after Start'});
            }, 60000);
            clicked = performance.now();
            start.click();
            """;

    /**
     * Notes when each message to the server leaves and when the server's reply to it
     * arrives. Flow numbers the messages a page sends ({@code "clientId":n}), and every
     * message from the server carries the number it expects next: the first one naming a
     * higher number is the reply. The arrival is taken before Flow's own handler runs.
     * Installed once per page, before its first click.
     */
    private static final String TAP_PUSH_SOCKET = """
            if (window.tpSocketTap) {
              return;
            }
            const tap = {sent: [], lastSent: -1};
            tap.replyAfter = (before, clickedAt) => {
              const message = tap.sent.find(m => m.id > before);
              return message && message.repliedAt !== undefined
                  ? message.repliedAt - clickedAt : null;
            };
            const clientId = data => {
              const match = typeof data === 'string' && /"clientId":(\\d+)/.exec(data);
              return match ? Number(match[1]) : null;
            };
            const send = WebSocket.prototype.send;
            WebSocket.prototype.send = function (data) {
              if (!this.tpTapped && typeof this.onmessage === 'function') {
                this.tpTapped = true;
                const handle = this.onmessage;
                this.onmessage = function (event) {
                  const next = clientId(event.data);
                  if (next !== null) {
                    const now = performance.now();
                    tap.sent.filter(m => m.id < next && m.repliedAt === undefined)
                        .forEach(m => { m.repliedAt = now; });
                  }
                  return handle.call(this, event);
                };
              }
              const id = clientId(data);
              if (id !== null) {
                tap.sent.push({id});
                tap.lastSent = Math.max(tap.lastSent, id);
              }
              return send.call(this, data);
            };
            window.tpSocketTap = tap;
            """;

    /**
     * Times a click on the button {@code arguments[0]} until {@code #status} starts with
     * {@code arguments[1]}, and until the server's reply to the click arrived. Answers
     * {@code {roundTripMs, replyMs}} ({@code replyMs} null when the push socket's messages
     * could not be followed) or {@code {error}}.
     */
    private static final String CLICK_ANSWERED = """
            const [id, shown] = [arguments[0], arguments[1]];
            const done = arguments[arguments.length - 1];
            const status = document.getElementById('status');
            const chart = document.getElementById('loss-chart');
            const button = document.getElementById(id);
            const tap = window.tpSocketTap;
            const points = () => Number(chart.getAttribute('data-points') || '0');
            if (button.hasAttribute('disabled')) {
              done({error: '#' + id + ' is disabled; status: ' + status.textContent});
              return;
            }
            if (status.textContent.startsWith(shown)) {
              done({error: 'the status says ' + shown + ' before the click'});
              return;
            }
            const sentBefore = tap ? tap.lastSent : -1;
            const pointsBefore = points();
            // After Start, also the time until the loss chart shows a new point.
            const waitForPoint = id === 'start';
            let clicked;
            let roundTripMs = null;
            let pointMs = null;
            const finish = () => {
              if (roundTripMs === null || (waitForPoint && pointMs === null)) {
                return;
              }
              statusObserver.disconnect();
              chartObserver.disconnect();
              clearTimeout(timer);
              const replyMs = tap ? tap.replyAfter(sentBefore, clicked) : null;
              done({roundTripMs, replyMs, pointMs});
            };
            const statusObserver = new MutationObserver(() => {
              if (roundTripMs === null && status.textContent.startsWith(shown)) {
                roundTripMs = performance.now() - clicked;
                finish();
              }
            });
            const chartObserver = new MutationObserver(() => {
              if (waitForPoint && pointMs === null && points() > pointsBefore) {
                pointMs = performance.now() - clicked;
                finish();
              }
            });
            statusObserver.observe(status, {childList: true, characterData: true, subtree: true});
            chartObserver.observe(chart, {attributes: true, attributeFilter: ['data-points']});
            const timer = setTimeout(() => {
              statusObserver.disconnect();
              chartObserver.disconnect();
              done({error: 'the status did not say ' + shown + ' (or no new point) 30 s after'
                  + ' the click on #' + id + '; it says ' + status.textContent});
            }, 30000);
            clicked = performance.now();
            button.click();
            """;

    @Option(
            names = "--url",
            description = "Join the playground served here (by"
                    + " 'bench classroom --serve' started by hand) instead of starting one; the"
                    + " browsers then press Start at once and click right after.")
    String url;

    @Option(
            names = "--sessions",
            description = "Simulated students in the server"
                    + " (default 37: with 3 browsers, a class of 40).")
    Integer sessions;

    @Option(
            names = "--seconds",
            description = "How long the server measures once the"
                    + " browsers train (default 60); the clicks happen in this window.")
    Integer seconds;

    @Option(
            names = "--baseline-seconds",
            description = "How long the server measures one run alone first (default 20).")
    Integer baselineSeconds;

    @Option(
            names = "--threads",
            description = "libtorch threads of the server (default: its own default, 1).")
    Integer threads;

    @Option(names = "--browsers", defaultValue = "3", description = "Headless Chromium users.")
    int browsers;

    @Option(
            names = "--clicks",
            defaultValue = "20",
            description = "Timed clicks per browser, Pause and Start in turn, 0.5 to 1 s apart.")
    int clicks;

    @Option(
            names = "--dashboard",
            description = "Put the simulated students in a class and keep its teacher's"
                    + " dashboard open in one more browser, counting what is pushed to it.")
    boolean dashboard;

    /**
     * Counts every message the page's WebSockets receive ({@code [ms, characters]} in
     * {@code window.tpDashboardPushes}); installed before the page's own scripts run.
     */
    private static final String TAP_DASHBOARD_PUSHES = """
            const Native = window.WebSocket;
            window.tpDashboardPushes = [];
            window.WebSocket = function (...args) {
              const socket = new Native(...args);
              socket.addEventListener('message', event => window.tpDashboardPushes.push(
                  [performance.now(), typeof event.data === 'string'
                      ? event.data.length : (event.data.size || event.data.byteLength || 0)]));
              return socket;
            };
            window.WebSocket.prototype = Native.prototype;
            Object.setPrototypeOf(window.WebSocket, Native);
            """;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The server's JSON lines seen so far, by their phase or summary name. */
    private final Map<String, JsonNode> serverLines = new HashMap<>();

    /** When each of {@link #serverLines} arrived ({@link System#nanoTime()}). */
    private final Map<String, Long> serverLineNanos = new HashMap<>();

    /** Kept here: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger SELENIUM_DEVTOOLS =
            Logger.getLogger("org.openqa.selenium.devtools");

    public static void main(String[] args) {
        // Debian's Chromium is often newer than Selenium's CDP tables; the warning says so for
        // every browser and matters to nothing here.
        SELENIUM_DEVTOOLS.setLevel(Level.SEVERE);
        CommandLine commandLine = new CommandLine(new ClassroomBrowsers());
        commandLine.setParameterExceptionHandler((e, a) -> {
            System.err.println("classroom-browsers: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("classroom-browsers: " + e.getMessage());
            return 1;
        });
        // Ends Maven's JVM too under exec:java, with this exit code; the shutdown hook stops
        // the server process if it still runs.
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (browsers < 1) {
            throw refused("--browsers must be at least 1.");
        }
        if (clicks < 2 || clicks % 2 != 0) {
            throw refused("--clicks must be an even number, 2 or more: Pause and Start take"
                    + " turns, so each run ends up training again.");
        }
        if (url != null
                && (sessions != null
                        || seconds != null
                        || baselineSeconds != null
                        || threads != null)) {
            throw refused("--sessions, --seconds, --baseline-seconds and --threads are the"
                    + " server's: with --url, give them to the 'bench classroom --serve' you"
                    + " started.");
        }
        int window = seconds == null ? 60 : seconds;
        if (url == null && window < clicks * 3 / 2) {
            throw refused("--seconds " + window + " is too short for " + clicks + " clicks"
                    + " 0.5 to 1 s apart, each answered: give at least " + clicks * 3 / 2
                    + ".");
        }
        PlaygroundServer server = null;
        List<ChromeDriver> drivers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(browsers);
        try {
            String address = url;
            if (address == null) {
                server = startBench(window);
                address = server.url();
                // Opened only now, so the run measured alone had the machine to itself.
                awaitServerLine(
                        "waiting-for-browsers",
                        server,
                        Duration.ofSeconds((baselineSeconds == null ? 20 : baselineSeconds) + 300));
            }
            ChromeDriver teacher = null;
            if (dashboard && server != null) {
                teacher = Browsers.newChromium();
                drivers.add(teacher);
                teacher.executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of("source", TAP_DASHBOARD_PUSHES));
                teacher.get(address + serverLines.get("class").get("dashboard").asText());
                new org.openqa.selenium.support.ui.WebDriverWait(teacher, Duration.ofSeconds(60))
                        .until(d -> !d.findElements(
                                        org.openqa.selenium.By.cssSelector(".student-row"))
                                .isEmpty());
                yieldToTheServer(teacher);
            }
            // 100 epochs like the simulated runs: none finishes while it is measured.
            String page = address + (address.endsWith("/") ? "" : "/") + "?epochs=100";
            List<Future<PlaygroundPage>> opening = new ArrayList<>();
            for (int b = 0; b < browsers; b++) {
                opening.add(pool.submit(() -> openPage(page, drivers)));
            }
            List<PlaygroundPage> pages = new ArrayList<>();
            for (Future<PlaygroundPage> opened : opening) {
                pages.add(result(opened));
            }
            // Everybody presses Start together, as a class told to.
            List<Future<Double>> starting = new ArrayList<>();
            for (PlaygroundPage each : pages) {
                starting.add(pool.submit(() -> startToFirstPoint(each)));
            }
            double[] firstPoint = new double[browsers];
            for (int b = 0; b < browsers; b++) {
                firstPoint[b] = result(starting.get(b));
            }
            long stopClickingNanos = Long.MAX_VALUE;
            if (server != null) {
                awaitServerLine("measuring", server, Duration.ofSeconds(330));
                // The clicks stay inside the measured window, whose end stops the server.
                stopClickingNanos = serverLineNanos.get("measuring") + window * 1_000_000_000L;
            }
            List<Future<Clicks>> clicking = new ArrayList<>();
            for (int b = 0; b < browsers; b++) {
                PlaygroundPage each = pages.get(b);
                long seed = b + 1;
                long stopAt = stopClickingNanos;
                clicking.add(
                        pool.submit(() -> clickAndTime(each, new SplittableRandom(seed), stopAt)));
            }
            List<Clicks> timed = new ArrayList<>();
            for (Future<Clicks> each : clicking) {
                timed.add(result(each));
            }
            if (server != null) {
                // The browsers stay open until the server's window is over: they are part of
                // the load it measures.
                awaitServerLine("classroom", server, Duration.ofSeconds(window + 120));
            }
            report(firstPoint, timed);
            if (teacher != null) {
                reportPushes(teacher);
            }
            if (server != null && !server.awaitExit(Duration.ofSeconds(60))) {
                throw new IllegalStateException(
                        "The bench server did not stop within 60 s of its summary.");
            }
            return server == null || server.exitValue() == 0 ? 0 : 1;
        } finally {
            for (ChromeDriver driver : drivers) {
                try {
                    driver.quit();
                } catch (RuntimeException alreadyGone) {
                    // Quitting the others matters more.
                }
            }
            pool.shutdownNow();
            if (server != null) {
                server.stop();
            }
        }
    }

    private CommandLine.ParameterException refused(String sentence) {
        return new CommandLine.ParameterException(spec.commandLine(), sentence);
    }

    private PlaygroundServer startBench(int window) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "bench",
                "classroom",
                "--serve",
                "--sessions",
                Integer.toString(sessions == null ? 37 : sessions),
                "--browsers",
                Integer.toString(browsers),
                "--seconds",
                Integer.toString(window),
                "--baseline-seconds",
                Integer.toString(baselineSeconds == null ? 20 : baselineSeconds)));
        if (threads != null) {
            arguments.addAll(List.of("--threads", Integer.toString(threads)));
        }
        if (dashboard) {
            arguments.add("--class");
        }
        PlaygroundServer server =
                PlaygroundServer.startCommand(arguments, Map.of(), this::serverLine);
        awaitServerLine("serving", server, Duration.ofMinutes(3));
        return server;
    }

    /** Passes a line of the server on, and notes its phase for whoever waits for it. */
    private void serverLine(String line) {
        System.out.println(line);
        try {
            JsonNode node = JSON.readTree(line);
            String name = node.has("phase")
                    ? node.get("phase").asText()
                    : node.path("summary").asText("");
            synchronized (serverLines) {
                serverLines.put(name, node);
                serverLineNanos.put(name, System.nanoTime());
                serverLines.notifyAll();
            }
        } catch (java.io.IOException notJson) {
            // Printed as it is; nobody waits for it.
        }
    }

    private void awaitServerLine(String name, PlaygroundServer server, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (serverLines) {
            while (!serverLines.containsKey(name)) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("The bench server stopped before its \"" + name
                            + "\" line; its log:\n" + server.log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The bench server printed no \"" + name
                            + "\" line within " + within.toSeconds() + " s.");
                }
                serverLines.wait(200);
            }
        }
    }

    private static PlaygroundPage openPage(String page, List<ChromeDriver> drivers)
            throws Exception {
        ChromeDriver driver = Browsers.newChromium();
        drivers.add(driver);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        PlaygroundPage opened = new PlaygroundPage(driver, page).open();
        opened.waitForStatus("Ready", Duration.ofSeconds(60));
        opened.waitForServer();
        driver.executeScript(TAP_PUSH_SOCKET);
        return opened;
    }

    private static double startToFirstPoint(PlaygroundPage page) {
        Map<?, ?> answer =
                (Map<?, ?>) ((ChromeDriver) page.driver()).executeAsyncScript(START_TO_FIRST_POINT);
        if (answer.get("error") != null) {
            throw new IllegalStateException("Start: " + answer.get("error"));
        }
        return ((Number) answer.get("ms")).doubleValue();
    }

    /** One browser's timed clicks. */
    private record Clicks(double[] roundTripMs, double[] replyMs, double[] startToNewPointMs) {}

    /**
     * Pause, then Start, and so on, each after a random 0.5 to 1 s; stops early, after a
     * Start, when another pair might not be answered before {@code stopAtNanos}.
     */
    private Clicks clickAndTime(PlaygroundPage page, SplittableRandom random, long stopAtNanos)
            throws InterruptedException {
        ChromeDriver driver = (ChromeDriver) page.driver();
        List<Double> roundTrips = new ArrayList<>();
        List<Double> replies = new ArrayList<>();
        List<Double> newPoints = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            if (i % 2 == 0 && stopAtNanos - System.nanoTime() < 4_000_000_000L) {
                System.err.println("classroom-browsers: the measured window ends; this browser"
                        + " clicked " + i + " of " + clicks + " times.");
                break;
            }
            // Random gaps: clicks evenly spread over the 250 ms push period, not in step
            // with it.
            Thread.sleep(500 + random.nextInt(501));
            boolean pause = i % 2 == 0;
            Map<?, ?> answer = (Map<?, ?>) driver.executeAsyncScript(
                    CLICK_ANSWERED, pause ? "pause" : "start", pause ? "Paused" : "Training");
            if (answer.get("error") != null) {
                throw new IllegalStateException("Click " + (i + 1) + ": " + answer.get("error"));
            }
            roundTrips.add(((Number) answer.get("roundTripMs")).doubleValue());
            if (answer.get("replyMs") instanceof Number reply) {
                replies.add(reply.doubleValue());
            }
            if (answer.get("pointMs") instanceof Number point) {
                newPoints.add(point.doubleValue());
            }
        }
        return new Clicks(toArray(roundTrips), toArray(replies), toArray(newPoints));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void report(double[] firstPoint, List<Clicks> timed) {
        List<double[]> allRoundTrips = new ArrayList<>();
        List<double[]> allReplies = new ArrayList<>();
        List<double[]> allNewPoints = new ArrayList<>();
        for (int b = 0; b < browsers; b++) {
            ObjectNode line = JSON.createObjectNode();
            line.put("browser", b + 1);
            line.put("startToFirstChartPointMs", round(firstPoint[b]));
            Clicks clicksOfOne = timed.get(b);
            line.put("clicks", clicksOfOne.roundTripMs().length);
            line.put("repliesFollowed", clicksOfOne.replyMs().length);
            spread(line, "roundTripMs", clicksOfOne.roundTripMs());
            spread(line, "replyMs", clicksOfOne.replyMs());
            spread(line, "startToNewChartPointMs", clicksOfOne.startToNewPointMs());
            System.out.println(line);
            allRoundTrips.add(clicksOfOne.roundTripMs());
            allReplies.add(clicksOfOne.replyMs());
            allNewPoints.add(clicksOfOne.startToNewPointMs());
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("summary", "classroom-browsers");
        summary.put("browsers", browsers);
        JsonNode server = serverLines.get("classroom");
        if (server != null) {
            summary.put("simulatedSessions", server.path("sessions").asInt());
        }
        spread(summary, "startToFirstChartPointMs", firstPoint);
        double[] roundTrips = concat(allRoundTrips);
        summary.put("clicks", roundTrips.length);
        spread(summary, "roundTripMs", roundTrips);
        spread(summary, "replyMs", concat(allReplies));
        // Every later Start (after a Pause) also times the chart's next point: ten samples
        // a browser where the first Start gives one.
        spread(summary, "startToNewChartPointMs", concat(allNewPoints));
        System.out.println(summary);
    }

    /**
     * In class the teacher's browser runs on the teacher's computer; here it shares the
     * server's cores, so its processes (found by their profile folder) get the lowest
     * priority: they take what the server and the students' browsers leave.
     */
    private static void yieldToTheServer(ChromeDriver browser) throws Exception {
        Process found = new ProcessBuilder("pgrep", "-f", Browsers.profileDirectory(browser))
                .redirectErrorStream(true)
                .start();
        List<String> command = new ArrayList<>(List.of("renice", "-n", "19", "-p"));
        command.addAll(new String(found.getInputStream().readAllBytes()).lines().toList());
        found.waitFor();
        new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    /** What the dashboard page received: messages a second, and their sizes. */
    private static void reportPushes(ChromeDriver teacher) {
        List<?> pushes = (List<?>) teacher.executeScript("return window.tpDashboardPushes;");
        double[] sizes = new double[pushes.size()];
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < sizes.length; i++) {
            List<?> push = (List<?>) pushes.get(i);
            double at = ((Number) push.get(0)).doubleValue();
            first = i == 0 ? at : first;
            last = at;
            sizes[i] = ((Number) push.get(1)).doubleValue();
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("summary", "dashboard-pushes");
        line.put("messages", sizes.length);
        line.put("perSecond", round(sizes.length * 1000 / Math.max(1, last - first)));
        spread(line, "characters", sizes);
        System.out.println(line);
    }

    /** p50, p95 and max of {@code values} as {@code <name>P50} and so on. */
    private static void spread(ObjectNode line, String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            // The push socket's messages could not be followed (another transport).
            line.putNull(name + "P50");
            return;
        }
        line.put(name + "P50", round(percentile(sorted, 50)));
        line.put(name + "P95", round(percentile(sorted, 95)));
        line.put(name + "Max", round(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile, as {@code bench} computes it. */
    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
