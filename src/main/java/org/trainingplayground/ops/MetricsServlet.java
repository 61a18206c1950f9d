package org.trainingplayground.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code /metrics}: every meter in Prometheus's text format, for a Prometheus server to scrape. */
public final class MetricsServlet extends HttpServlet {

    private final transient PlaygroundMetrics metrics;
    /** The expected {@code Authorization} header's bytes, or null when anyone may scrape. */
    private final byte[] expectedAuthorization;

    /**
     * @param token the bearer token a scraper must send ({@code PLAYGROUND_METRICS_TOKEN}), or
     *     null to answer anyone who reaches the port
     */
    public MetricsServlet(PlaygroundMetrics metrics, String token) {
        this.metrics = metrics;
        this.expectedAuthorization =
                token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!authorised(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter()
                    .println("The metrics need the operator's token: send"
                            + " \"Authorization: Bearer <PLAYGROUND_METRICS_TOKEN>\".");
            return;
        }
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    private boolean authorised(HttpServletRequest request) {
        if (expectedAuthorization == null) {
            return true;
        }
        String sent = request.getHeader("Authorization");
        // Compared in constant time, so the answer's timing tells nothing of the token.
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }
}
