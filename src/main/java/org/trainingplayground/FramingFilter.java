package org.trainingplayground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Tells browsers which pages may show the app in a frame: its own origin, and the operator's
 * embedding origins ({@link AppConfig#embedOrigins()}). Every response carries it, since any
 * of them (the page, a static resource, a push request) could be what a frame loads. The
 * other {@link SecurityHeaders} come with it.
 */
public class FramingFilter extends HttpFilter {

    private final Map<String, String> headers;

    public FramingFilter(List<String> embedOrigins) {
        this.headers = SecurityHeaders.forEmbedOrigins(embedOrigins);
    }

    /** The {@code Content-Security-Policy} header's value for these embedding origins. */
    static String contentSecurityPolicy(List<String> embedOrigins) {
        return SecurityHeaders.contentSecurityPolicy(embedOrigins);
    }

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
