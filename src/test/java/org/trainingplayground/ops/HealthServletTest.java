package org.trainingplayground.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthServletTest {

    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void liveAnswersUpWhateverTheEngineSays() throws Exception {
        try (var jetty = new JettyFixture(new HealthServlet(() -> "engine down"), "/health/*")) {
            HttpResponse<String> response = jetty.get("/health/live");

            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"UP\"}", response.body());
            assertTrue(response.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/json"));
        }
    }

    @Test
    void readyAnswersUpWhenTheEngineCanTrain() throws Exception {
        try (var jetty = new JettyFixture(new HealthServlet(() -> null), "/health/*")) {
            HttpResponse<String> response = jetty.get("/health/ready");

            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"UP\"}", response.body());
        }
    }

    @Test
    void readyAnswers503WithTheReasonWhenTheEngineCannotTrain() throws Exception {
        try (var jetty = new JettyFixture(
                new HealthServlet(() -> "The training scheduler thread has stopped."),
                "/health/*")) {
            HttpResponse<String> response = jetty.get("/health/ready");

            assertEquals(503, response.statusCode());
            JsonNode body = json.readTree(response.body());
            assertEquals("DOWN", body.get("status").asText());
            assertEquals(
                    "The training scheduler thread has stopped.",
                    body.get("reason").asText());
        }
    }

    @Test
    void aBrokenReadinessCheckAnswers503WithASentenceAndNoStackTrace() throws Exception {
        try (var jetty = new JettyFixture(
                new HealthServlet(() -> {
                    throw new IllegalStateException("scheduler lost");
                }),
                "/health/*")) {
            HttpResponse<String> response = jetty.get("/health/ready");

            assertEquals(503, response.statusCode());
            assertEquals(
                    "The readiness check failed: scheduler lost",
                    json.readTree(response.body()).get("reason").asText());
            assertFalse(response.body().contains("at org."), response.body());
        }
    }

    @Test
    void anUnknownHealthPathAnswers404NamingTheRealOnes() throws Exception {
        try (var jetty = new JettyFixture(new HealthServlet(() -> null), "/health/*")) {
            HttpResponse<String> response = jetty.get("/health/other");

            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("/health/ready"), response.body());
        }
    }
}
