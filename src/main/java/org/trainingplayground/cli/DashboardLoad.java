package org.trainingplayground.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.DatasetDefaults;
import org.trainingplayground.session.MetricsHistory.Curve;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.classroom.ClassRoster.StudentCurves;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.session.classroom.LiveClasses;
import org.trainingplayground.session.classroom.StudentRow;

/**
 * An open teacher's dashboard as the server sees it, for {@code bench classroom --class}: the
 * simulated students in one class, and once a second what the dashboard computes (the roster,
 * and every other second every student's curves), with the size of what would be sent: the
 * changed roster cells and the moved curves, as the page sends them.
 */
final class DashboardLoad implements AutoCloseable {

    /** Points per curve and updates per chart redraw, as the dashboard has them. */
    static final int CURVE_POINTS = 40;

    static final int CHART_EVERY = 2;

    /** What a changed cell costs on the wire besides its text (the change's JSON frame). */
    private static final int CHANGE_OVERHEAD_BYTES = 40;

    private final LiveClass live;
    private final String teacherPath;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-dashboard");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, List<String>> shownCells = new HashMap<>();
    private final Map<String, Long> shownCurves = new HashMap<>();
    private final List<Long> updateBytes = new ArrayList<>();
    private final List<Double> updateMs = new ArrayList<>();
    private volatile boolean on;
    private int updates;

    /** Puts every student in a new class of {@code classes}. */
    DashboardLoad(LiveClasses classes, List<PlaygroundSession> students) {
        ClassStore.NewClass made = classes.create("Benchmark class", null);
        this.teacherPath = "teach/" + made.classroom().code() + "?key=" + made.teacherKey();
        String code = made.classroom().code();
        for (int i = 0; i < students.size(); i++) {
            String learner = "bench-student-" + i + "-" + code;
            classes.opened(learner, students.get(i));
            String refusal = classes.join(code, learner, "Student " + (i + 1), "bench-" + i);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        }
        this.live = classes.find(code).orElseThrow();
        timer.scheduleAtFixedRate(this::update, 1, 1, TimeUnit.SECONDS);
    }

    /** The teacher link's path (the benchmark's own class: its key may be printed). */
    String teacherPath() {
        return teacherPath;
    }

    /** Classes in a store of their own (a temporary SQLite file), for a class without a server. */
    static LiveClasses standaloneClasses(TrainingEngine engine, Limits limits) throws IOException {
        Path data = Files.createTempDirectory("bench-class");
        RunStore store = RunStore.open(StoreSettings.sqlite(data));
        return new LiveClasses(
                new ClassStore(store),
                null,
                Clock.systemUTC(),
                new PlaygroundConfig(DatasetDefaults.firstRun(engine.lessonNetwork()), 0),
                limits);
    }

    /**
     * The class trained with the dashboard open and closed, in turns (open first in even
     * rounds, closed first in odd ones, so a drift of the machine's speed weighs on both).
     */
    ObjectNode measure(List<PlaygroundSession> students, int turnSeconds, int rounds)
            throws InterruptedException {
        double open = 0;
        double closed = 0;
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double[] turn = new double[2];
            for (int k = 0; k < 2; k++) {
                boolean dashboardOpen = (round + k) % 2 == 0;
                setOn(dashboardOpen);
                Thread.sleep(2_000); // settle into the new load
                long before = steps(students);
                long t0 = System.nanoTime();
                Thread.sleep(turnSeconds * 1000L);
                double perSecond = (steps(students) - before) * 1e9 / (System.nanoTime() - t0);
                turn[dashboardOpen ? 0 : 1] = perSecond;
            }
            open += turn[0];
            closed += turn[1];
            ratios[round] = turn[0] / turn[1];
        }
        setOn(false);
        double[] bytes =
                updateBytes().stream().mapToDouble(Long::doubleValue).sorted().toArray();
        double[] ms =
                updateMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(ratios);
        ObjectNode summary = BenchCommand.JSON.createObjectNode();
        summary.put("summary", "classroom-dashboard");
        summary.put("students", students.size());
        summary.put("turnSeconds", turnSeconds);
        summary.put("rounds", rounds);
        summary.put("withDashboardStepsPerSecond", BenchCommand.round(open / rounds, 1));
        summary.put("withoutDashboardStepsPerSecond", BenchCommand.round(closed / rounds, 1));
        summary.put("withVsWithout", BenchCommand.round(open / closed, 3));
        summary.put("withVsWithoutMedian", BenchCommand.round(ratios[rounds / 2], 3));
        summary.put("updates", bytes.length);
        summary.put(
                "updatesPerSecond",
                BenchCommand.round(bytes.length / (double) (rounds * (turnSeconds + 2)), 2));
        summary.put("updateBytesP50", BenchCommand.round(BenchCommand.percentile(bytes, 50), 0));
        summary.put("updateBytesP95", BenchCommand.round(BenchCommand.percentile(bytes, 95), 0));
        summary.put("updateBytesMax", bytes.length == 0 ? 0 : bytes[bytes.length - 1]);
        summary.put("updateComputeMsP95", BenchCommand.round(BenchCommand.percentile(ms, 95), 2));
        return summary;
    }

    private static long steps(List<PlaygroundSession> students) {
        return students.stream().mapToLong(s -> s.history().stepCount()).sum();
    }

    /** Whether the dashboard is open (computing its updates) from now on. */
    void setOn(boolean open) {
        on = open;
    }

    private synchronized void update() {
        if (!on) {
            return;
        }
        long t0 = System.nanoTime();
        long bytes = 0;
        for (StudentRow row : live.roster().rows()) {
            List<String> cells = cells(row);
            List<String> before = shownCells.put(row.nickname(), cells);
            for (int i = 0; i < cells.size(); i++) {
                if (before == null || !before.get(i).equals(cells.get(i))) {
                    bytes += cells.get(i).length() + CHANGE_OVERHEAD_BYTES;
                }
            }
        }
        if (updates++ % CHART_EVERY == 0) {
            for (StudentCurves curves : live.roster().curves(CURVE_POINTS)) {
                bytes += moved("loss " + curves.nickname(), curves.loss(), 1);
                bytes += moved("accuracy " + curves.nickname(), curves.accuracy(), 100);
            }
        }
        updateMs.add((System.nanoTime() - t0) / 1e6);
        updateBytes.add(bytes);
    }

    private long moved(String line, Curve curve, double scale) {
        Long before = shownCurves.put(line, curve.lastStep());
        return before != null && before == curve.lastStep()
                ? 0
                : curve.json(scale).length() + CHANGE_OVERHEAD_BYTES;
    }

    /** The roster's cells as the dashboard writes them (close enough to count their bytes). */
    private static List<String> cells(StudentRow row) {
        return List.of(
                row.status(),
                String.valueOf(row.message()),
                row.dataset(),
                row.network(),
                String.format("%,d", row.parameters()),
                row.optimizer() + " " + row.learningRate(),
                row.epoch() + " of " + row.epochs(),
                String.format("%,d", row.step()),
                String.format("%.3f", row.loss()),
                String.format("%.1f %%", row.accuracy() * 100),
                row.away() ? "away" : "now");
    }

    /** Bytes of each update so far, and how long computing each took (ms). */
    synchronized List<Long> updateBytes() {
        return List.copyOf(updateBytes);
    }

    synchronized List<Double> updateMs() {
        return List.copyOf(updateMs);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
