package org.trainingplayground.cli;

import static org.trainingplayground.cli.BenchCommand.JSON;
import static org.trainingplayground.cli.BenchCommand.round;
import static org.trainingplayground.cli.BenchCommand.rssMegabytes;
import static org.trainingplayground.cli.BenchCommand.startEngine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.HistoryPolicy;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.BrowserBudget;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.RunKeeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench soak}: sessions opened, trained and closed for minutes, with memory sampled, to
 * show that nothing native or on the heap leaks.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description = "Sessions opened, trained and closed continuously (SGD, momentum,"
                + " Adam; several networks and datasets); prints memory every sample.")
final class SoakBench implements Callable<Integer> {

    @Option(names = "--minutes", defaultValue = "30", description = "How long to run.")
    double minutes;

    @Option(
            names = "--concurrent",
            defaultValue = "8",
            description = "Sessions training at any moment.")
    int concurrent;

    @Option(
            names = "--sample-seconds",
            defaultValue = "30",
            description = "Seconds between two memory lines.")
    int sampleSeconds;

    @Option(
            names = "--warmup-minutes",
            defaultValue = "5",
            description = "Memory before this is left out of the flatness figure.")
    double warmupMinutes;

    @Option(
            names = "--history",
            description = "Keep every run in a run history, as the server does (an SQLite file"
                    + " in a temporary folder, or PLAYGROUND_BENCH_DATABASE_URL), and report its"
                    + " size at the end.")
    boolean history;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (minutes <= 0 || concurrent < 1 || sampleSeconds < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--minutes, --concurrent and --sample-seconds must be positive.");
        }
        SplittableRandom random = new SplittableRandom(7);
        HistoryWriter writer = history
                ? new HistoryWriter(
                        RunStore.open(HistoryBench.storeSettings()), HistoryPolicy.defaults())
                : null;
        try (TrainingEngine engine = startEngine(1)) {
            Limits limits = Limits.defaults();
            double idleRss = sample(engine, "idle", 0, 0, 0).get("rssMB").asDouble();
            int idleArrays = liveArrays(engine);
            List<PlaygroundSession> open = new ArrayList<>();
            List<Long> endsAt = new ArrayList<>();
            long opened = 0;
            long closed = 0;
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextSample = start;
            List<double[]> samples = new ArrayList<>();
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                for (int i = open.size() - 1; i >= 0; i--) {
                    if (now >= endsAt.get(i) || open.get(i).state() == RunState.FINISHED) {
                        open.remove(i).close();
                        endsAt.remove(i);
                        closed++;
                    }
                }
                while (open.size() < concurrent) {
                    // A class of 40 learners, each starting run after run.
                    RunKeeper keeper =
                            writer == null ? null : new RunKeeper(writer, "soak-" + opened % 40);
                    PlaygroundSession session = new PlaygroundSession(
                            engine, limits, BrowserBudget.unlimited(), keeper);
                    session.apply(randomRun(random, opened), new ArrayList<>());
                    session.start();
                    open.add(session);
                    endsAt.add(now + (long) ((3 + random.nextInt(12)) * 1e9));
                    opened++;
                }
                if (now >= nextSample) {
                    ObjectNode line = sample(engine, "soak", (now - start) / 60e9, opened, closed);
                    samples.add(new double[] {
                        (now - start) / 60e9,
                        line.get("rssMB").asDouble(),
                        line.get("liveArrays").asDouble()
                    });
                    nextSample += sampleSeconds * 1_000_000_000L;
                }
                Thread.sleep(100);
            }
            double busyRss = rssMegabytes();
            open.forEach(PlaygroundSession::close);
            closed += open.size();
            Thread.sleep(2_000);
            ObjectNode after =
                    sample(engine, "after", (System.nanoTime() - start) / 60e9, opened, closed);
            double[] rss = samples.stream()
                    .filter(s -> s[0] >= warmupMinutes)
                    .mapToDouble(s -> s[1])
                    .toArray();
            double[] arrays = samples.stream()
                    .filter(s -> s[0] >= warmupMinutes)
                    .mapToDouble(s -> s[2])
                    .toArray();
            ObjectNode summary = JSON.createObjectNode();
            summary.put("summary", "soak");
            summary.put("minutes", minutes);
            summary.put("sessionsOpened", opened);
            summary.put("sessionsClosed", closed);
            summary.put("idleRssMB", round(idleRss, 1));
            if (rss.length > 0) {
                double low = Arrays.stream(rss).min().orElseThrow();
                double high = Arrays.stream(rss).max().orElseThrow();
                summary.put("rssAfterWarmupMinMB", round(low, 1));
                summary.put("rssAfterWarmupMaxMB", round(high, 1));
                summary.put("rssSpreadPercent", round((high - low) / low * 100, 2));
                summary.put("liveArraysAfterWarmupMin", (long)
                        Arrays.stream(arrays).min().orElseThrow());
                summary.put("liveArraysAfterWarmupMax", (long)
                        Arrays.stream(arrays).max().orElseThrow());
            }
            summary.put("rssPerActiveSessionMB", round((busyRss - idleRss) / concurrent, 1));
            summary.put("liveArraysIdle", idleArrays);
            summary.put("liveArraysAfterClosingAll", after.get("liveArrays").asLong());
            if (writer != null) {
                Thread.sleep(5_000); // the writer saves every two seconds
                summary.put("historyDatabaseBytes", writer.store().sizeBytes());
                summary.put("historySaving", writer.saving());
            }
            out.println(summary);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        return 0;
    }

    /** A student's run: one of several networks, datasets and optimizers. */
    private static RunSpec randomRun(SplittableRandom random, long index) {
        OptimizerSpec optimizer = switch ((int) (index % 3)) {
            case 0 -> OptimizerSpec.sgd(0.05);
            case 1 -> new OptimizerSpec(OptimizerKind.SGD, 0.02, 0.9, false, 0.9, 0.999, 0);
            default -> OptimizerSpec.adam(0.001);
        };
        int width = 32 << random.nextInt(3);
        RunSpec run = new RunSpec(
                new NetworkSpec(
                        784,
                        List.of(LayerSpec.relu(width)),
                        10,
                        NetworkSpec.lesson().init()),
                LossKind.CROSS_ENTROPY,
                optimizer,
                64,
                100,
                index,
                25);
        if (index % 4 == 3) {
            run = run.withDataset(org.trainingplayground.core.spec.DatasetSpec.of(
                    org.trainingplayground.core.spec.DatasetKind.SPIRAL));
        }
        return run;
    }

    private ObjectNode sample(
            TrainingEngine engine, String phase, double minute, long opened, long closed)
            throws Exception {
        Runtime jvm = Runtime.getRuntime();
        ObjectNode line = JSON.createObjectNode();
        line.put("phase", phase);
        line.put("minute", round(minute, 2));
        line.put("rssMB", round(rssMegabytes(), 1));
        line.put("heapUsedMB", round((jvm.totalMemory() - jvm.freeMemory()) / 1048576.0, 1));
        line.put("liveArrays", liveArrays(engine));
        line.put("activeRuns", engine.scheduler().activeRuns());
        line.put("sessionsOpened", opened);
        line.put("sessionsClosed", closed);
        out.println(line);
        return line;
    }

    /** The engine's count, read on its own thread between two steps. */
    private static int liveArrays(TrainingEngine engine) throws Exception {
        return engine.liveArraysBetweenSteps();
    }
}
