package org.trainingplayground.cli;

import static org.trainingplayground.cli.BenchCommand.JSON;
import static org.trainingplayground.cli.BenchCommand.awaitBuilt;
import static org.trainingplayground.cli.BenchCommand.lessonRun;
import static org.trainingplayground.cli.BenchCommand.round;
import static org.trainingplayground.cli.BenchCommand.startEngine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.HistoryPolicy;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.BrowserBudget;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.RunKeeper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench history}: what keeping every run costs. Two classes stand ready in the same JVM,
 * one whose runs are kept and one whose runs are not; they train in turns of a few seconds,
 * alternating, and each pair of turns next to each other gives one ratio of aggregate steps per
 * second. The median of those ratios is the cost: the machine's speed drifts by up to ±20 %
 * over minutes, far more than the cost, but little within one pair. Then one lesson run (5
 * epochs) and one 100-epoch run are kept and the bytes each added are measured.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Two classes, one whose runs are kept and one whose runs are not, train in turns:"
                    + " aggregate steps per second of each, and the median ratio of neighbouring"
                    + " turns. Then the bytes one 5-epoch lesson run and one 100-epoch run add"
                    + " to the database.",
            "The history is an SQLite file in a fresh temporary folder, or the PostgreSQL"
                    + " database of PLAYGROUND_BENCH_DATABASE_URL (with _USER and _PASSWORD)."
        })
final class HistoryBench implements Callable<Integer> {

    @Option(names = "--sessions", defaultValue = "40", description = "Simulated students.")
    int sessions;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "Seconds each turn is measured (after its settling time).")
    int seconds;

    @Option(
            names = "--rounds",
            defaultValue = "20",
            description = "Pairs of turns: off then on, then on then off, and so on.")
    int rounds;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads.")
    int threads;

    private static final long SETTLE_MILLIS = 3_000;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || seconds < 1 || rounds < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "--sessions, --seconds, --rounds and --threads must be at least 1.");
        }
        StoreSettings settings = storeSettings();
        HistoryWriter writer = new HistoryWriter(RunStore.open(settings), HistoryPolicy.defaults());
        try (var engine = startEngine(threads)) {
            List<PlaygroundSession> notKept = ready(engine, null);
            List<PlaygroundSession> kept = ready(engine, writer);
            double off = 0;
            double on = 0;
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            try {
                // Off-on, then on-off: a drift within a pair falls on both sides alike.
                for (int round = 1; round <= rounds; round++) {
                    Turn offTurn;
                    Turn onTurn;
                    if (round % 2 == 1) {
                        offTurn = turn(notKept, round, "off");
                        onTurn = turn(kept, round, "on");
                    } else {
                        onTurn = turn(kept, round, "on");
                        offTurn = turn(notKept, round, "off");
                    }
                    off += offTurn.stepsPerSecond();
                    on += onTurn.stepsPerSecond();
                    ratios.add(onTurn.stepsPerSecond() / offTurn.stepsPerSecond());
                    cpuRatios.add(onTurn.cpuPerStep() / offTurn.cpuPerStep());
                }
            } finally {
                notKept.forEach(PlaygroundSession::close);
                kept.forEach(PlaygroundSession::close);
            }
            Collections.sort(ratios);
            Collections.sort(cpuRatios);
            ObjectNode summary = JSON.createObjectNode();
            summary.put("summary", "history");
            summary.put("store", settings.describe());
            summary.put("sessions", sessions);
            summary.put("offStepsPerSecond", round(off / rounds, 1));
            summary.put("onStepsPerSecond", round(on / rounds, 1));
            summary.put("onVsOff", round(on / off, 4));
            summary.put("onVsOffMedian", round(median(ratios), 4));
            summary.put("onVsOffLowest", round(ratios.get(0), 4));
            summary.put("onVsOffHighest", round(ratios.get(ratios.size() - 1), 4));
            summary.put("trainingCpuPerStepOnVsOffMedian", round(median(cpuRatios), 4));
            summary.put("lessonRunBytes", keptBytes(engine, writer, lessonRun(1).withEpochs(5)));
            summary.put("hundredEpochRunBytes", keptBytes(engine, writer, lessonRun(2)));
            summary.put("databaseBytes", writer.store().sizeBytes());
            summary.put("saving", writer.saving());
            out.println(summary);
        } finally {
            writer.close();
        }
        return 0;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A fresh SQLite file, or the PostgreSQL of PLAYGROUND_BENCH_DATABASE_URL when set. */
    static StoreSettings storeSettings() throws Exception {
        String url = System.getenv("PLAYGROUND_BENCH_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return StoreSettings.postgresql(
                    url,
                    System.getenv("PLAYGROUND_BENCH_DATABASE_USER"),
                    System.getenv("PLAYGROUND_BENCH_DATABASE_PASSWORD"));
        }
        return StoreSettings.sqlite(Files.createTempDirectory("bench-history"));
    }

    /** A class of built, paused runs, kept by {@code writer} (null: not kept). */
    private List<PlaygroundSession> ready(TrainingEngine engine, HistoryWriter writer)
            throws InterruptedException {
        List<PlaygroundSession> students = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            RunKeeper keeper = writer == null ? null : new RunKeeper(writer, "bench-" + i);
            PlaygroundSession student = new PlaygroundSession(
                    engine, Limits.defaults(), BrowserBudget.unlimited(), keeper);
            students.add(student);
            student.apply(lessonRun(i + 1), new ArrayList<>());
        }
        for (PlaygroundSession student : students) {
            awaitBuilt(student);
        }
        return students;
    }

    /**
     * What one turn measured.
     *
     * @param stepsPerSecond the class's aggregate steps per second
     * @param cpuPerStep CPU nanoseconds the training thread spent per step: what the steps
     *     themselves cost, whatever else the machine's other tenants took from it meanwhile
     */
    private record Turn(double stepsPerSecond, double cpuPerStep) {}

    /** CPU time the scheduler's thread, which takes every step, has used so far. */
    private static long trainingThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(TrainingScheduler.THREAD_NAME))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
                .sum();
    }

    /**
     * One class trains for a turn: its aggregate steps per second, measured after a settling
     * time longer than the writer's two seconds between saves, so what the other class left
     * to save is saved before this turn is measured.
     */
    private Turn turn(List<PlaygroundSession> students, int round, String history)
            throws InterruptedException {
        students.forEach(PlaygroundSession::start);
        try {
            Thread.sleep(SETTLE_MILLIS);
            long before =
                    students.stream().mapToLong(s -> s.history().stepCount()).sum();
            long cpu0 = trainingThreadCpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long steps =
                    students.stream().mapToLong(s -> s.history().stepCount()).sum() - before;
            double cpuPerStep = (trainingThreadCpuNanos() - cpu0) / (double) steps;
            double perSecond = steps * 1e9 / (System.nanoTime() - t0);
            ObjectNode line = JSON.createObjectNode();
            line.put("phase", "class");
            line.put("round", round);
            line.put("history", history);
            line.put("stepsPerSecond", round(perSecond, 1));
            line.put("trainingCpuMicrosPerStep", round(cpuPerStep / 1000, 1));
            out.println(line);
            return new Turn(perSecond, cpuPerStep);
        } finally {
            students.forEach(PlaygroundSession::pause);
        }
    }

    /** Trains one run to its end with the history on; the bytes the database grew by. */
    private static long keptBytes(TrainingEngine engine, HistoryWriter writer, RunSpec spec)
            throws Exception {
        Thread.sleep(5_000); // the last writes of the runs before, not counted in this one
        long before = writer.store().sizeBytes();
        try (PlaygroundSession run = new PlaygroundSession(
                engine,
                Limits.defaults(),
                BrowserBudget.unlimited(),
                new RunKeeper(writer, "bench-size"))) {
            run.apply(spec, new ArrayList<>());
            awaitBuilt(run);
            run.start();
            while (run.state() != RunState.FINISHED && run.state() != RunState.FAILED) {
                Thread.sleep(50);
            }
        }
        Thread.sleep(5_000); // the writer saves every two seconds
        return writer.store().sizeBytes() - before;
    }
}
