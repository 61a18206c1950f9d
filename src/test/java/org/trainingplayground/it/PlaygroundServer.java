package org.trainingplayground.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        String jar = System.getProperty("playground.jar", "target/training-playground.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify'.");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("playground-it", ".log");
        String cache = System.getProperty("DJL_CACHE_DIR", "target/djl-cache");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("PLAYGROUND_DJL_CACHE", cache);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        String url = "http://localhost:" + port + "/";
        PlaygroundServer server = new PlaygroundServer(process, port, url, log);
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("the server answering on " + url)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .failFast(() -> !process.isAlive())
                .until(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return server;
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
