package org.trainingplayground.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsServletTest {

    private static PlaygroundMetrics withFakeSources(AtomicLong steps) {
        return new PlaygroundMetrics(new PlaygroundMetrics.Sources(
                () -> 3, () -> 200, () -> 2, () -> 0, steps::get, () -> 17, () -> 123_456_789));
    }

    @Test
    void metricsAnswersEveryPlaygroundMeterInPrometheusTextFormat() throws Exception {
        try (PlaygroundMetrics metrics = withFakeSources(new AtomicLong(42));
                var jetty = new JettyFixture(new MetricsServlet(metrics, null), "/metrics")) {
            HttpResponse<String> response = jetty.get("/metrics");

            assertEquals(200, response.statusCode());
            assertTrue(response.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("text/plain; version=0.0.4"));
            String text = response.body();
            for (String sample : new String[] {
                "playground_sessions 3.0",
                "playground_sessions_max 200.0",
                "playground_runs_active 2.0",
                "playground_runs_queued 0.0",
                "playground_steps_total 42.0",
                "playground_native_arrays 17.0",
                "process_resident_memory_bytes 1.23456789E8",
                "playground_step_seconds_count 0",
                "playground_run_events_total{event=\"run_failed\"} 0.0"
            }) {
                assertTrue(text.contains(sample), sample + " missing from:\n" + text);
            }
        }
    }

    @Test
    void withATokenTheMetricsAnswerOnlyAScraperThatSendsIt() throws Exception {
        String token = "0123456789abcdef0123";
        try (PlaygroundMetrics metrics = withFakeSources(new AtomicLong(42));
                var jetty = new JettyFixture(new MetricsServlet(metrics, token), "/metrics")) {
            HttpResponse<String> anonymous = jetty.get("/metrics");
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.body().contains("need the operator's token"), anonymous.body());
            assertFalse(anonymous.body().contains("playground_"), anonymous.body());
            assertEquals(401, jetty.get("/metrics", "Bearer wrong").statusCode());

            HttpResponse<String> scraper = jetty.get("/metrics", "Bearer " + token);
            assertEquals(200, scraper.statusCode());
            assertTrue(scraper.body().contains("playground_steps_total 42.0"));
        }
    }

    @Test
    void metricsIncludeTheJvmMeters() {
        try (PlaygroundMetrics metrics = withFakeSources(new AtomicLong())) {
            String text = metrics.scrape();

            assertTrue(text.contains("jvm_memory_used_bytes{"), text);
            assertTrue(text.contains("jvm_threads_live_threads"), text);
            assertTrue(text.contains("process_uptime_seconds"), text);
        }
    }

    @Test
    void theStepCounterFollowsTheSchedulersCountSoRateGivesStepsPerSecond() {
        AtomicLong steps = new AtomicLong(5);
        try (PlaygroundMetrics metrics = withFakeSources(steps)) {
            steps.set(1_005);

            assertTrue(metrics.scrape().contains("playground_steps_total 1005.0"));
        }
    }

    @Test
    void theStepCounterStillCountsAfterGarbageCollectionWhenItsSourceWasAThrowawayReference() {
        AtomicLong steps = new AtomicLong(7);
        // A fresh method reference that nothing but the metrics holds, as forEngine passes.
        try (PlaygroundMetrics metrics = new PlaygroundMetrics(new PlaygroundMetrics.Sources(
                () -> 0, () -> 1, () -> 0, () -> 0, stepsOf(steps), () -> 0, () -> 0))) {
            // A full collection clears weak references before it returns.
            System.gc();
            System.gc();
            steps.set(2_500);

            assertTrue(
                    metrics.scrape().contains("playground_steps_total 2500.0"), metrics.scrape());
        }
    }

    private static java.util.function.LongSupplier stepsOf(AtomicLong steps) {
        return steps::get;
    }
}
