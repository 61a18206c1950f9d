package org.trainingplayground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.EngineConfig;
import org.trainingplayground.core.train.TrainingEngine;
import org.trainingplayground.session.PlaygroundSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Benchmarks of a shared server, run in-process with the same sessions the web pages use (no
 * browser): {@code bench classroom} and {@code bench soak}. They print JSON lines; they are
 * measurements, not tests, and pass or fail nothing.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of a shared server, in-process.",
        subcommands = {EngineBench.class, ClassroomBench.class, SoakBench.class, HistoryBench.class
        })
public final class BenchCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and runs; returns the process exit code (2 for bad options). */
    public static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setParameterExceptionHandler((e, a) -> {
            System.err.println("bench: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("bench: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return CommandLine.ExitCode.USAGE;
    }

    /** The lesson's network on MNIST with SGD, long enough never to finish during a benchmark. */
    static RunSpec lessonRun(long seed) {
        return new RunSpec(
                NetworkSpec.lesson(),
                LossKind.CROSS_ENTROPY,
                OptimizerSpec.sgd(0.05),
                64,
                100,
                seed,
                25);
    }

    static TrainingEngine startEngine(int threads) {
        return TrainingEngine.start(
                new EngineConfig(EngineConfig.defaultCacheDir(), threads, null));
    }

    /** Resident memory of this process in MB, from {@code /proc/self/status} (Linux). */
    static double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.replaceAll("[^0-9]", "");
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: the figure is left out.
        }
        return Double.NaN;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Waits until {@code session}'s run is built (paused, ready for Start). */
    static void awaitBuilt(PlaygroundSession session) throws InterruptedException {
        while (session.state() == RunState.CREATING) {
            Thread.sleep(2);
        }
    }

    /** Waits for the app to say it can train ({@code /health/ready}). */
    static void awaitReady(URI ready) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(ready).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: ask again below.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(ready + " did not answer 200 within 60 s.");
            }
            Thread.sleep(100);
        }
    }
}
