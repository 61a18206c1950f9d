package org.trainingplayground.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.Services;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * {@code /health/live}: the JVM answers requests. {@code /health/ready}: it can also train,
 * so a load balancer may send students to it. Both answer JSON: {@code {"status":"UP"}}, or
 * 503 with {@code {"status":"DOWN","reason":"..."}}.
 */
public final class HealthServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(HealthServlet.class);
    private static final ObjectMapper json = new ObjectMapper();

    /** Why the server cannot train now, or null when it can. */
    private final transient Supplier<String> notReadyReason;

    public HealthServlet(Supplier<String> notReadyReason) {
        this.notReadyReason = notReadyReason;
    }

    /** Ready once {@link Services} has started the engine and its scheduler thread runs. */
    public static HealthServlet forServices() {
        return new HealthServlet(HealthServlet::servicesProblem);
    }

    static String servicesProblem() {
        TrainingEngine engine;
        try {
            engine = Services.get().engine();
        } catch (IllegalStateException e) {
            return "The training engine is not started.";
        }
        return engine.scheduler().isRunning() ? null : "The training scheduler thread has stopped.";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/live" -> answer(response, HttpServletResponse.SC_OK, body("UP", null));
            case "/ready" -> {
                String reason = readinessProblem();
                answer(
                        response,
                        reason == null
                                ? HttpServletResponse.SC_OK
                                : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        body(reason == null ? "UP" : "DOWN", reason));
            }
            default ->
                answer(
                        response,
                        HttpServletResponse.SC_NOT_FOUND,
                        body(
                                "UNKNOWN",
                                "There is no health check " + path
                                        + "; try /health/live or /health/ready."));
        }
    }

    private String readinessProblem() {
        try {
            return notReadyReason.get();
        } catch (RuntimeException e) {
            // A broken check means nobody knows the server can train; the reason, not the
            // stack trace, goes to the caller.
            log.error("Readiness check failed", e);
            return "The readiness check failed: " + e.getMessage();
        }
    }

    static Map<String, String> body(String status, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static void answer(HttpServletResponse response, int status, Map<String, String> body)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // A probe must see the state now, never a proxy's copy.
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
    }
}
