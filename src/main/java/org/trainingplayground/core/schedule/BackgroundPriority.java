package org.trainingplayground.core.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the training thread a lower OS priority than the web server's threads (Linux only).
 *
 * <p>The training thread keeps a core busy for as long as any run trains: that is its job.
 * At the same priority, the threads answering clicks and sending pushes wait their turn
 * behind it whenever the other core is busy too. Niced, it yields to them at once and still
 * gets every cycle they leave. Java has no API for a thread's nice value, so this asks
 * {@code renice} (util-linux, in every Debian) to change the calling thread's.
 */
public final class BackgroundPriority {

    /** Nice value of the training thread: 10, half-way to the lowest priority. */
    public static final int NICENESS = 10;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    private BackgroundPriority() {}

    /** Lowers the calling thread's priority; logs a line and goes on if it cannot. */
    static void lowerCurrentThread() {
        String tid = currentThreadId();
        if (tid == null) {
            log.info("Training thread keeps its priority: no /proc/thread-self (not Linux)");
            return;
        }
        try {
            Process renice = new ProcessBuilder(
                            "renice", "-n", Integer.toString(NICENESS), "-p", tid)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(
                            renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .trim();
            if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                log.warn("Training thread keeps its priority: renice said \"{}\"", output);
            }
        } catch (IOException e) {
            log.warn("Training thread keeps its priority: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's nice value, or null where Linux's /proc is missing. */
    public static Integer currentThreadNiceness() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // Fields after the command name (which may hold spaces) in parentheses; nice is
            // field 19 of the whole line, the 17th after the name.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String currentThreadId() {
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>".
            return Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
