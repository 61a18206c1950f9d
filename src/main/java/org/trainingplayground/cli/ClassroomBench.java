package org.trainingplayground.cli;

import static org.trainingplayground.cli.BenchCommand.JSON;
import static org.trainingplayground.cli.BenchCommand.awaitBuilt;
import static org.trainingplayground.cli.BenchCommand.lessonRun;
import static org.trainingplayground.cli.BenchCommand.percentile;
import static org.trainingplayground.cli.BenchCommand.round;
import static org.trainingplayground.cli.BenchCommand.startEngine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.vaadinboot.VaadinBoot;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.trainingplayground.AppConfig;
import org.trainingplayground.Services;
import org.trainingplayground.WebApp;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.PlaygroundSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench classroom}: a class pressing Start in the same second, measured against one run
 * alone, optionally beside real browsers on the same engine.
 */
@Command(
        name = "classroom",
        mixinStandardHelpOptions = true,
        description = {
            "N students press Start in the same second: aggregate and per-run"
                    + " steps per second against one run alone, and the time from Start to the"
                    + " first step.",
            "With --serve the same JVM also serves the web app on PORT, and the class"
                    + " is measured once --browsers real browsers train beside it, on the same"
                    + " engine."
        })
final class ClassroomBench implements Callable<Integer> {

    @Option(names = "--sessions", defaultValue = "40", description = "Simulated students.")
    int sessions;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description = "How long all of them train (after a 5 s warm-up).")
    int seconds;

    @Option(
            names = "--baseline-seconds",
            defaultValue = "20",
            description = "How long one run trains alone first.")
    int baselineSeconds;

    @Option(
            names = "--threads",
            description = "libtorch threads (default 1; with --serve, PLAYGROUND_THREADS).")
    Integer threads;

    @Option(
            names = "--serve",
            description = "Also serve the web app on PORT, on the same"
                    + " engine and scheduler as the simulated class, and measure once --browsers"
                    + " of its pages train too.")
    boolean serve;

    @Option(
            names = "--browsers",
            description = "With --serve: browser runs to wait for before measuring (default 3).")
    Integer browsers;

    @Option(
            names = "--wait-seconds",
            description = "With --serve: how long to wait for them (default 300).")
    Integer waitSeconds;

    @Option(
            names = "--class",
            description = "Put the students in one class, then measure them with its teacher's"
                    + " dashboard open and closed, in alternating turns of --seconds / 2.")
    boolean inClass;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || seconds < 1 || baselineSeconds < 1) {
            throw refused("--sessions, --seconds and --baseline-seconds must be at least 1.");
        }
        if (threads != null && threads < 1) {
            throw refused("--threads must be at least 1.");
        }
        if (!serve) {
            if (browsers != null || waitSeconds != null) {
                throw refused("--browsers and --wait-seconds need --serve: without it no"
                        + " browser can join the class.");
            }
            int libtorchThreads = threads == null ? 1 : threads;
            try (TrainingEngine engine = startEngine(libtorchThreads)) {
                measure(engine, Limits.defaults(), libtorchThreads, null);
            }
            return 0;
        }
        if ((browsers != null && browsers < 0) || (waitSeconds != null && waitSeconds < 1)) {
            throw refused("--browsers must be 0 or more, and --wait-seconds at least 1.");
        }
        return serveAndMeasure(new Joining(
                browsers == null ? 3 : browsers, waitSeconds == null ? 300 : waitSeconds));
    }

    private CommandLine.ParameterException refused(String sentence) {
        return new CommandLine.ParameterException(spec.commandLine(), sentence);
    }

    /** Real browsers joining the simulated class, and how long they may take. */
    private record Joining(int browsers, int waitSeconds) {}

    /**
     * Starts the web app as {@code Main} does and measures on the engine it created, so
     * the pages' runs and the simulated ones take turns on one scheduler, as in class.
     */
    private int serveAndMeasure(Joining joining) throws Exception {
        if (threads != null) {
            // The app reads its engine's settings itself; a property wins over the
            // environment.
            System.setProperty("playground.threads", Integer.toString(threads));
        }
        AppConfig config;
        try {
            config = AppConfig.load();
        } catch (IllegalArgumentException e) {
            throw refused("Cannot serve: " + e.getMessage());
        }
        VaadinBoot web = WebApp.boot(config);
        PrintStream standardOut = System.out;
        // Vaadin Boot greets on standard output, which is the bench's JSON lines only.
        System.setOut(System.err);
        try {
            web.start();
        } finally {
            System.setOut(standardOut);
        }
        try {
            // Bootstrap started the services while the web app's context initialised.
            Services services = Services.get();
            String url = "http://localhost:" + config.port() + "/";
            BenchCommand.awaitReady(URI.create(url + "health/ready"));
            ObjectNode serving = JSON.createObjectNode();
            serving.put("phase", "serving");
            serving.put("url", url);
            out.println(serving);
            TrainingScheduler scheduler = services.engine().scheduler();
            int needed = sessions + joining.browsers();
            if (scheduler.maxActiveRuns() < needed) {
                // A run waiting in the queue would not be part of the class being measured.
                ObjectNode note = JSON.createObjectNode();
                note.put("phase", "maxActiveRuns");
                note.put("configured", scheduler.maxActiveRuns());
                note.put("raisedTo", needed);
                out.println(note);
                scheduler.setMaxActiveRuns(needed);
            }
            measure(services.engine(), services.limits(), config.engine().threads(), joining);
        } finally {
            web.stop("the classroom benchmark is over");
        }
        return 0;
    }

    private void measure(TrainingEngine engine, Limits limits, int libtorchThreads, Joining joining)
            throws Exception {
        // One run alone: what the machine can do.
        PlaygroundSession alone = new PlaygroundSession(engine, limits);
        alone.apply(lessonRun(0), new ArrayList<>());
        awaitBuilt(alone);
        alone.start();
        Thread.sleep(2_000);
        long before = alone.history().stepCount();
        long t0 = System.nanoTime();
        Thread.sleep(baselineSeconds * 1000L);
        double single = (alone.history().stepCount() - before) * 1e9 / (System.nanoTime() - t0);
        alone.close();
        line("baseline", "stepsPerSecond", round(single, 1));

        // The class: everybody built, then everybody presses Start.
        List<PlaygroundSession> students = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                PlaygroundSession student = new PlaygroundSession(engine, limits);
                students.add(student);
                student.apply(lessonRun(i + 1), new ArrayList<>());
            }
            for (PlaygroundSession student : students) {
                awaitBuilt(student);
            }
            DashboardLoad dashboard = !inClass
                    ? null
                    : new DashboardLoad(
                            serve
                                    ? Services.get().classes()
                                    : DashboardLoad.standaloneClasses(engine, limits),
                            students);
            try {
                if (dashboard != null && serve) {
                    // For classroom-browsers --dashboard: a real dashboard page in a browser.
                    ObjectNode line = JSON.createObjectNode();
                    line.put("phase", "class");
                    line.put("dashboard", dashboard.teacherPath());
                    out.println(line);
                }
                measureClass(engine, students, single, libtorchThreads, joining);
                if (dashboard != null && !serve) {
                    out.println(dashboard.measure(students, Math.max(2, seconds / 2), 3));
                }
            } finally {
                if (dashboard != null) {
                    dashboard.close();
                }
            }
        } finally {
            students.forEach(PlaygroundSession::close);
        }
    }

    private void measureClass(
            TrainingEngine engine,
            List<PlaygroundSession> students,
            double single,
            int libtorchThreads,
            Joining joining)
            throws Exception {
        long[] pressed = new long[sessions];
        long[] firstStep = new long[sessions];
        for (int i = 0; i < sessions; i++) {
            pressed[i] = System.nanoTime();
            students.get(i).start();
        }
        // Start to first step, polled every half millisecond.
        int waiting = sessions;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (waiting > 0 && System.nanoTime() < deadline) {
            for (int i = 0; i < sessions; i++) {
                if (firstStep[i] == 0 && students.get(i).history().stepCount() > 0) {
                    firstStep[i] = System.nanoTime();
                    waiting--;
                }
            }
            Thread.sleep(0, 500_000);
        }
        double[] startMs = new double[sessions];
        for (int i = 0; i < sessions; i++) {
            startMs[i] = firstStep[i] == 0
                    ? Double.POSITIVE_INFINITY
                    : (firstStep[i] - pressed[i]) / 1e6;
        }
        Arrays.sort(startMs);
        TrainingScheduler scheduler = engine.scheduler();
        if (joining != null) {
            awaitBrowsers(scheduler, joining);
        }
        Thread.sleep(5_000);
        if (joining != null) {
            line("measuring", "seconds", seconds);
        }
        long[] stepsBefore =
                students.stream().mapToLong(s -> s.history().stepCount()).toArray();
        long allStepsBefore = scheduler.stepsTaken();
        long t1 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long elapsed = System.nanoTime() - t1;
        long allSteps = scheduler.stepsTaken() - allStepsBefore;
        double[] perRun = new double[sessions];
        double aggregate = 0;
        for (int i = 0; i < sessions; i++) {
            perRun[i] = (students.get(i).history().stepCount() - stepsBefore[i]) * 1e9 / elapsed;
            aggregate += perRun[i];
        }
        double min = Arrays.stream(perRun).min().orElse(0);
        double max = Arrays.stream(perRun).max().orElse(0);
        ObjectNode summary = JSON.createObjectNode();
        summary.put("summary", "classroom");
        summary.put("sessions", sessions);
        summary.put("threads", libtorchThreads);
        summary.put("singleRunStepsPerSecond", round(single, 1));
        summary.put("aggregateStepsPerSecond", round(aggregate, 1));
        summary.put("aggregateVsSingle", round(aggregate / single, 3));
        if (joining != null) {
            // The browsers' runs too: every step the scheduler took in the window.
            double all = allSteps * 1e9 / elapsed;
            summary.put("browsers", joining.browsers());
            summary.put("allRunsStepsPerSecond", round(all, 1));
            summary.put("allRunsVsSingle", round(all / single, 3));
        }
        summary.put("perRunMin", round(min, 2));
        summary.put("perRunMax", round(max, 2));
        summary.put("perRunMinOverMax", round(min / max, 3));
        summary.put("startToFirstStepMsP50", round(percentile(startMs, 50), 1));
        summary.put("startToFirstStepMsP95", round(percentile(startMs, 95), 1));
        summary.put("startToFirstStepMsMax", round(startMs[sessions - 1], 1));
        out.println(summary);
    }

    /**
     * Says the class is training and waits until the browsers' runs train too: the
     * scheduler then counts one active run more per browser than the class has.
     */
    private void awaitBrowsers(TrainingScheduler scheduler, Joining joining)
            throws InterruptedException {
        ObjectNode waiting = JSON.createObjectNode();
        waiting.put("phase", "waiting-for-browsers");
        waiting.put("browsers", joining.browsers());
        out.println(waiting);
        long deadline = System.nanoTime() + joining.waitSeconds() * 1_000_000_000L;
        while (scheduler.activeRuns() < sessions + joining.browsers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only "
                        + Math.max(0, scheduler.activeRuns() - sessions) + " of "
                        + joining.browsers() + " browser runs were training after "
                        + joining.waitSeconds() + " s: open the page in each browser and"
                        + " press Start (or pass a smaller --browsers).");
            }
            Thread.sleep(50);
        }
        line("browsers-joined", "activeRuns", scheduler.activeRuns());
    }

    private void line(String phase, String key, double value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("phase", phase);
        node.put(key, value);
        out.println(node);
    }

    private void line(String phase, String key, long value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("phase", phase);
        node.put(key, value);
        out.println(node);
    }
}
