package org.trainingplayground.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;

/**
 * The packaged application, started exactly as a user starts it
 * ({@code java -jar target/training-playground.jar}) on a free port, and stopped at exit. Most
 * tests share one with the default settings ({@link #get()}); a test needing other settings
 * starts its own ({@link #startWith(Map)}).
 */
final class PlaygroundServer {

    private static PlaygroundServer instance;

    private final Process process;
    private final int port;
    private final String url;
    private final Path log;

    private PlaygroundServer(Process process, int port, String url, Path log) {
        this.process = process;
        this.port = port;
        this.url = url;
        this.log = log;
    }

    static synchronized PlaygroundServer get() throws IOException {
        if (instance == null) {
            instance = startWith(Map.of());
        }
        return instance;
    }

    /** A server of its own, with these environment variables added to the usual ones. */
    static PlaygroundServer startWith(Map<String, String> environment) throws IOException {
        PlaygroundServer server = start(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static PlaygroundServer start(Map<String, String> environment) throws IOException {
        PlaygroundServer server = launch(List.of(), environment, null);
        Process process = server.process;
        String url = server.url;
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("the server answering on " + url)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .failFast(() -> !process.isAlive())
                .until(() -> {
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(URI.create(url))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return server;
    }

    /**
     * The jar running a command, such as {@code bench classroom --serve} (which serves the app
     * itself once it is ready), on a free port, stopped at exit. Each line it prints goes to
     * {@code output} as it comes, so the caller can follow its phases; its log goes to
     * {@link #log()}. Returns at once: only the command's lines say when it serves.
     */
    static PlaygroundServer startCommand(
            List<String> arguments, Map<String, String> environment, Consumer<String> output)
            throws IOException {
        PlaygroundServer server = launch(arguments, environment, output);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static PlaygroundServer launch(
            List<String> arguments, Map<String, String> environment, Consumer<String> output)
            throws IOException {
        String jar = System.getProperty("playground.jar", "target/training-playground.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException(jar + " is missing: build it with 'mvn package'"
                    + " (the tests do in 'mvn verify').");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("playground-it", ".log");
        String cache = System.getProperty("DJL_CACHE_DIR", "target/djl-cache");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("PLAYGROUND_DJL_CACHE", cache);
        // A run history of its own, unless the test names one (to restart on the same data).
        builder.environment()
                .put(
                        "PLAYGROUND_DATA_DIR",
                        Files.createTempDirectory("playground-it-data").toString());
        builder.environment().putAll(environment);
        if (output == null) {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            builder.redirectError(log.toFile());
        }
        Process process = builder.start();
        if (output != null) {
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader lines = process.inputReader()) {
                            lines.lines().forEach(output);
                        } catch (IOException | UncheckedIOException ended) {
                            // The process is gone; its exit code tells the rest.
                        }
                    },
                    "playground-output");
            reader.setDaemon(true);
            reader.start();
        }
        return new PlaygroundServer(process, port, "http://localhost:" + port + "/", log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; true if it did within {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    String url() {
        return url;
    }

    int port() {
        return port;
    }

    /** What the server printed, for failure messages. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
