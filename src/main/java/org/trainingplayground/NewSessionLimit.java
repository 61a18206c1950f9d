package org.trainingplayground;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.ops.ThrottledWarning;

/**
 * At most {@code perMinute} new browser sessions a minute from one client address
 * ({@code PLAYGROUND_NEW_SESSIONS_PER_MINUTE}); a request that would start one more is answered
 * 429 with a sentence, before Vaadin builds anything for it. A script that drops its cookie
 * starts a session with every request, a class in one room starts one per student, and a class
 * often shares one school address: the default leaves room for several classes behind one
 * address. A request that brings its session, or starts none, costs nothing.
 */
final class NewSessionLimit extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(NewSessionLimit.class);
    private static final ThrottledWarning refusals =
            new ThrottledWarning(log, Duration.ofMinutes(1));

    private final int perMinute;
    private final ClientAddress clientAddress;
    // Addresses unseen for two minutes have a full bucket again, so they are forgotten; the
    // size bound keeps a flood of spoofed-looking addresses from growing the heap.
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();

    NewSessionLimit(int perMinute, List<String> trustedProxies) {
        this.perMinute = perMinute;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String client = clientAddress.of(request);
        // Kept for the rest of the request: a new browser session remembers it (joining a
        // class is limited per address too).
        request.setAttribute(ClientAddress.ATTRIBUTE, client);
        if (request.getSession(false) != null || isOperatorPath(request)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.get(client, key -> newBucket());
        if (!bucket.tryConsume(1)) {
            refuse(response, client);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getSession(false) == null) {
                bucket.addTokens(1); // this request started no session: give its place back
            }
        }
    }

    /** Health checks and scrapers start no session and must never be turned away. */
    private static boolean isOperatorPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/health/") || path.equals("/metrics");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private void refuse(HttpServletResponse response, String client) throws IOException {
        refusals.warn(
                "Refused a new session from {}: more than {} a minute from that address",
                client,
                perMinute);
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setContentType("text/html;charset=utf-8");
        byte[] page = ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Too many new visits</title></head><body>\n"
                        + "<h2>Too many new visits</h2>\n"
                        + "<p id=\"too-many-sessions\">" + sentence(perMinute)
                        + "</p>\n</body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    static String sentence(int perMinute) {
        return "The playground was opened from your network more than " + perMinute
                + " times in the last minute by browsers it had not seen before, which is as"
                + " many as it takes. Wait a minute, then reload this page. (If a whole school"
                + " shares this address, the operator can raise"
                + " PLAYGROUND_NEW_SESSIONS_PER_MINUTE.)";
    }
}
