package org.trainingplayground.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trainingplayground.core.store.RunExport;
import org.trainingplayground.core.store.RunStart;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.RunSummary;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.store.StoredRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runs list} and {@code runs export}: the run history for instructors and operators, read
 * from the same store as the server (its {@code PLAYGROUND_DATA_DIR} or
 * {@code PLAYGROUND_DATABASE_URL}).
 */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "Lists the kept runs, or exports one run's metrics.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ExportRun.class})
public final class RunsCommand {

    private final StoreSettings store;
    private final PrintStream out;

    RunsCommand(StoreSettings store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    /** Parses and runs; returns the process exit code (2 for bad options, 1 for no such run). */
    public static int run(String[] args, StoreSettings store) {
        return run(args, store, System.out, System.err);
    }

    static int run(String[] args, StoreSettings store, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new RunsCommand(store, out));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("runs: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the kept runs of every learner, newest first.")
    static final class ListRuns implements Callable<Integer> {

        @CommandLine.ParentCommand
        RunsCommand parent;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many runs.")
        int limit;

        @Override
        public Integer call() {
            try (RunStore store = RunStore.open(parent.store)) {
                List<RunSummary> runs = store.allRuns(Math.max(1, limit));
                parent.out.println(String.format(
                        Locale.ROOT,
                        "%-16s  %-22s  %-20s  %-24s  %-28s" + "  %7s  %8s  %s",
                        "id",
                        "learner",
                        "started (UTC)",
                        "dataset",
                        "network, optimizer",
                        "steps",
                        "accuracy",
                        "status"));
                for (RunSummary run : runs) {
                    RunStart start = run.start();
                    parent.out.println(String.format(
                            Locale.ROOT,
                            "%-16s  %-22s  %-20s  %-24s  %-28s  %7d  %8s  %s",
                            run.id(),
                            start.learnerId(),
                            start.startedAt().toString().substring(0, 19).replace('T', ' '),
                            start.dataset(),
                            start.network() + ", " + start.optimizer() + " "
                                    + (float) start.learningRate(),
                            run.steps(),
                            Double.isFinite(run.testAccuracy())
                                    ? String.format(Locale.ROOT, "%.1f%%", run.testAccuracy() * 100)
                                    : "-",
                            run.status().word()));
                }
                if (runs.isEmpty()) {
                    parent.out.println("No runs are kept in " + parent.store.describe() + ".");
                }
            }
            return 0;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Prints one run's metrics as CSV or JSON (as its page exports them).")
    static final class ExportRun implements Callable<Integer> {

        @CommandLine.ParentCommand
        RunsCommand parent;

        @Parameters(paramLabel = "ID", description = "The run's id, as runs list shows it.")
        String id;

        @Option(
                names = "--format",
                defaultValue = "csv",
                description = "csv (the default) or json.")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be csv or json, not \""
                        + (format.length() > 20 ? format.substring(0, 20) + "…" : format) + "\".");
            }
            try (RunStore store = RunStore.open(parent.store)) {
                Optional<StoredRun> run = store.anyRun(id);
                if (run.isEmpty()) {
                    throw new IllegalArgumentException("There is no run " + id + " in "
                            + parent.store.describe() + "; runs list shows the kept ones.");
                }
                parent.out.print(
                        format.equals("csv")
                                ? RunExport.csv(run.get())
                                : RunExport.json(run.get()) + System.lineSeparator());
            }
            return 0;
        }
    }
}
