package org.trainingplayground.cli;

import static org.trainingplayground.cli.BenchCommand.JSON;
import static org.trainingplayground.cli.BenchCommand.awaitBuilt;
import static org.trainingplayground.cli.BenchCommand.lessonRun;
import static org.trainingplayground.cli.BenchCommand.round;
import static org.trainingplayground.cli.BenchCommand.startEngine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trainingplayground.core.metrics.RunState;
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
 * {@code bench history}: what keeping every run costs. A class trains with the history off and
 * on, alternately in the same JVM, and the aggregate steps per second are compared; then one
 * lesson run (5 epochs) and one 100-epoch run are kept and the bytes each added are measured.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "A class trains with the run history off and on, alternately: aggregate steps per"
                    + " second of each, and their ratio. Then the bytes one 5-epoch lesson run"
                    + " and one 100-epoch run add to the database.",
            "The history is an SQLite file in a fresh temporary folder, or the PostgreSQL"
                    + " database of PLAYGROUND_BENCH_DATABASE_URL (with _USER and _PASSWORD)."
        })
final class HistoryBench implements Callable<Integer> {

    @Option(names = "--sessions", defaultValue = "40", description = "Simulated students.")
    int sessions;

    @Option(names = "--seconds", defaultValue = "30", description = "Seconds of each phase.")
    int seconds;

    @Option(
            names = "--rounds",
            defaultValue = "4",
            description = "Pairs of phases: off then on, then on then off, and so on.")
    int rounds;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads.")
    int threads;

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
            double off = 0;
            double on = 0;
            // Off-on, then on-off: the machine's speed drifts over a long process, and this
            // order lets the drift fall on both sides alike.
            for (int round = 1; round <= rounds; round++) {
                if (round % 2 == 1) {
                    off += phase(engine, null, round, "off");
                    on += phase(engine, writer, round, "on");
                } else {
                    on += phase(engine, writer, round, "on");
                    off += phase(engine, null, round, "off");
                }
            }
            ObjectNode summary = JSON.createObjectNode();
            summary.put("summary", "history");
            summary.put("store", settings.describe());
            summary.put("sessions", sessions);
            summary.put("offStepsPerSecond", round(off / rounds, 1));
            summary.put("onStepsPerSecond", round(on / rounds, 1));
            summary.put("onVsOff", round(on / off, 4));
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

    /** The class's aggregate steps per second over one phase; {@code writer} null: not kept. */
    private double phase(TrainingEngine engine, HistoryWriter writer, int round, String history)
            throws Exception {
        List<PlaygroundSession> students = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                RunKeeper keeper = writer == null ? null : new RunKeeper(writer, "bench-" + i);
                PlaygroundSession student = new PlaygroundSession(
                        engine, Limits.defaults(), BrowserBudget.unlimited(), keeper);
                students.add(student);
                student.apply(lessonRun(i + 1), new ArrayList<>());
            }
            for (PlaygroundSession student : students) {
                awaitBuilt(student);
                student.start();
            }
            Thread.sleep(5_000);
            long before =
                    students.stream().mapToLong(s -> s.history().stepCount()).sum();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long steps =
                    students.stream().mapToLong(s -> s.history().stepCount()).sum() - before;
            double perSecond = steps * 1e9 / (System.nanoTime() - t0);
            ObjectNode line = JSON.createObjectNode();
            line.put("phase", "class");
            line.put("round", round);
            line.put("history", history);
            line.put("stepsPerSecond", round(perSecond, 1));
            out.println(line);
            return perSecond;
        } finally {
            students.forEach(PlaygroundSession::close);
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
