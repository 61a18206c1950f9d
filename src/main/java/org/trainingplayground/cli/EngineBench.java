package org.trainingplayground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.trainingplayground.core.train.EngineBenchmark;
import org.trainingplayground.core.train.TrainingEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench engine}: milliseconds per step of the lesson's network (MNIST, batch 64, SGD),
 * with and without the instrumentation the charts need, measured on the same run.
 */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = {
            "Milliseconds per training step of the lesson's network (batch 64, SGD),",
            "with the instrumentation (gradient norms, update ratios) and without it.",
            "Compare with ../shared/bench/pytorch_reference.py on the same data."
        })
final class EngineBench implements Callable<Integer> {

    @Option(
            names = "--steps",
            defaultValue = "3000",
            description = "Measured steps of each kind (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--warmup",
            defaultValue = "1000",
            description = "Steps first taken and not measured, while the JIT compiles"
                    + " (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch threads.")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || warmup < 0 || threads < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--steps and --threads must be at least 1, --warmup at least 0.");
        }
        try (TrainingEngine engine = BenchCommand.startEngine(threads)) {
            EngineBenchmark.Result result =
                    EngineBenchmark.measure(engine, BenchCommand.lessonRun(1), warmup, steps);
            ObjectNode summary = new ObjectMapper().createObjectNode();
            summary.put("summary", "engine");
            summary.put("threads", threads);
            summary.put("stepsEach", result.stepsEach());
            summary.put("msPerStepInstrumented", BenchCommand.round(result.instrumentedMs(), 4));
            summary.put("msPerStepPlain", BenchCommand.round(result.plainMs(), 4));
            summary.put(
                    "instrumentationShare", BenchCommand.round(result.instrumentationShare(), 3));
            System.out.println(summary);
        }
        return 0;
    }
}
