package org.trainingplayground;

import java.io.IOException;
import java.net.BindException;
import java.util.Arrays;
import org.trainingplayground.cli.BenchCommand;
import org.trainingplayground.cli.RunsCommand;
import org.trainingplayground.cli.TrainCommand;
import org.trainingplayground.core.store.StoreException;

/**
 * Starts the web app; with {@code train ...} runs one training headless, with
 * {@code bench ...} a benchmark of a shared server.
 */
public final class Main {

    private Main() {}

    /** The operator's settings; a bad one ends the process with its sentence. */
    private static AppConfig loadOrExit() {
        try {
            return AppConfig.load();
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("train")) {
            System.exit(TrainCommand.run(
                    Arrays.copyOfRange(args, 1, args.length), () -> loadOrExit().history()));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("runs")) {
            System.exit(RunsCommand.run(
                    Arrays.copyOfRange(args, 1, args.length),
                    loadOrExit().history().store()));
        }
        if (args.length > 0) {
            System.err.println("Unknown command \"" + args[0] + "\". Run without arguments to"
                    + " start the web app, \"train --help\" for the headless command,"
                    + " \"runs --help\" for the run history or \"bench --help\" for the"
                    + " benchmarks.");
            System.exit(2);
        }
        AppConfig config = loadOrExit();
        try {
            // Before the server, so that a database it cannot open is a sentence, not a web
            // app that failed to deploy; Bootstrap then finds the services running.
            Services.start(config);
        } catch (StoreException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            WebApp.boot(config).run();
        } catch (IOException e) {
            if (!(e.getCause() instanceof BindException)) {
                throw e;
            }
            // An operator's mistake, answered like a bad setting: a sentence, exit code 2.
            System.err.println("Cannot start: port " + config.port() + " is already in use by"
                    + " another program; stop it, or set PORT to a free port.");
            System.exit(2);
        }
    }
}
