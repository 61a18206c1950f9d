package org.trainingplayground;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headers every answer carries, the app's pages and the server's own error pages alike. */
final class SecurityHeaders {

    private SecurityHeaders() {}

    /** Name to value, in the order they are written. */
    static Map<String, String> forEmbedOrigins(List<String> embedOrigins) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy(embedOrigins));
        if (embedOrigins.isEmpty()) {
            // For browsers without frame-ancestors; X-Frame-Options cannot name other
            // origins, so with embedding origins it is left out rather than refuse them.
            headers.put("X-Frame-Options", "SAMEORIGIN");
        }
        // A file a student downloads or uploads is never run as a script by its guessed type.
        headers.put("X-Content-Type-Options", "nosniff");
        // A shared link's settings stay on this site; other sites see only its origin.
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return Collections.unmodifiableMap(headers);
    }

    /** The {@code Content-Security-Policy} header's value for these embedding origins. */
    static String contentSecurityPolicy(List<String> embedOrigins) {
        StringBuilder policy = new StringBuilder("frame-ancestors 'self'");
        embedOrigins.forEach(origin -> policy.append(' ').append(origin));
        return policy.toString();
    }
}
