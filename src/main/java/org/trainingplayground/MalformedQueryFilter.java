package org.trainingplayground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Turns a link with a broken percent-escape ({@code ?lr=%zz}) into one that works instead of
 * letting the server answer "400 Bad query": a stray {@code %} is sent back escaped as
 * {@code %25}, so the page opens and names the odd value in its notices like any other bad
 * setting. Hand-edited and copy-pasted course links are where such escapes come from.
 */
public class MalformedQueryFilter extends HttpFilter {

    /** A percent sign not followed by two hex digits. */
    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** The query with every stray percent sign escaped, or the query itself when it is fine. */
    static String repaired(String query) {
        return STRAY_PERCENT.matcher(query).replaceAll("%25");
    }

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if (query != null && "GET".equals(request.getMethod())) {
            String fixed = repaired(query);
            if (!fixed.equals(query)) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getRequestURI() + "?" + fixed);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
