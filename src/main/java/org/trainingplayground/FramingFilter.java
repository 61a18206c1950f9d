package org.trainingplayground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Tells browsers which pages may show the app in a frame: its own origin, and the operator's
 * embedding origins ({@link AppConfig#embedOrigins()}). Every response carries it, since any
 * of them (the page, a static resource, a push request) could be what a frame loads.
 */
public class FramingFilter extends HttpFilter {

    private final String contentSecurityPolicy;
    private final boolean sameOriginOnly;

    public FramingFilter(List<String> embedOrigins) {
        this.contentSecurityPolicy = contentSecurityPolicy(embedOrigins);
        this.sameOriginOnly = embedOrigins.isEmpty();
    }

    /** The {@code Content-Security-Policy} header's value for these embedding origins. */
    static String contentSecurityPolicy(List<String> embedOrigins) {
        StringBuilder policy = new StringBuilder("frame-ancestors 'self'");
        embedOrigins.forEach(origin -> policy.append(' ').append(origin));
        return policy.toString();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        if (sameOriginOnly) {
            // For browsers without frame-ancestors; X-Frame-Options cannot name other
            // origins, so with embedding origins it is left out rather than refuse them.
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        chain.doFilter(request, response);
    }
}
