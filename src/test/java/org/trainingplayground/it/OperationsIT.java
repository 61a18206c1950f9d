package org.trainingplayground.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The packaged jar answers an operator's probes and Prometheus's scrape next to the UI. */
class OperationsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(PlaygroundServer.get().url() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theStartedServerIsLiveAndReady() throws Exception {
        HttpResponse<String> live = get("health/live");
        HttpResponse<String> ready = get("health/ready");

        assertEquals(200, live.statusCode(), live.body());
        assertEquals("{\"status\":\"UP\"}", live.body());
        assertEquals(
                200, ready.statusCode(), ready.body() + PlaygroundServer.get().log());
        assertEquals("{\"status\":\"UP\"}", ready.body());
    }

    @Test
    void metricsAnswerThePlaygroundAndJvmMetersInPrometheusFormat() throws Exception {
        HttpResponse<String> metrics = get("metrics");

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("text/plain; version=0.0.4"));
        for (String name : new String[] {
            "playground_steps_total",
            "playground_sessions",
            "playground_runs_active",
            "playground_runs_queued",
            "playground_native_arrays",
            "playground_step_seconds",
            "process_resident_memory_bytes",
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads"
        }) {
            assertTrue(metrics.body().contains(name), name + " missing from:\n" + metrics.body());
        }
    }

    @Test
    void theUiIsStillServedNextToTheOperatorsPaths() throws Exception {
        assertEquals(200, get("").statusCode());
    }

    @Test
    void aPortInUseStopsStartUpWithASentenceAndNoStackTrace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            String jar = System.getProperty("playground.jar", "target/training-playground.jar");
            ProcessBuilder builder = new ProcessBuilder(
                            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            jar)
                    .redirectErrorStream(true);
            builder.environment().put("PORT", Integer.toString(taken.getLocalPort()));
            builder.environment()
                    .put(
                            "PLAYGROUND_DJL_CACHE",
                            System.getProperty("DJL_CACHE_DIR", "target/djl-cache"));
            Process process = builder.start();
            String output = new String(
                    process.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);

            assertEquals(2, process.exitValue(), output);
            assertTrue(
                    output.contains("Cannot start: port " + taken.getLocalPort()
                            + " is already in use by another program"),
                    output);
            assertTrue(!output.contains("\tat "), output);
        }
    }

    @Test
    void aBadSettingStopsStartUpWithASentenceAndNoStackTrace() throws Exception {
        String jar = System.getProperty("playground.jar", "target/training-playground.jar");
        ProcessBuilder builder = new ProcessBuilder(
                        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-jar",
                        jar)
                .redirectErrorStream(true);
        builder.environment().put("PLAYGROUND_MAX_ACTIVE_RUNS", "lots");
        Process process = builder.start();
        String output = new String(
                process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), output);

        assertEquals(2, process.exitValue(), output);
        assertTrue(
                output.contains("Cannot start:")
                        && output.contains("PLAYGROUND_MAX_ACTIVE_RUNS")
                        && output.contains("lots"),
                output);
        assertTrue(!output.contains("Exception") && !output.contains("\tat "), output);
    }
}
