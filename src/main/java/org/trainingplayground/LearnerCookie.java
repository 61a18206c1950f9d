package org.trainingplayground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Who a run belongs to: a learner is a random id in a long-lived cookie, with no account and
 * no personal data. A browser without the cookie (a new one, or one whose cookies were
 * cleared) is given a new learner. The id is 128 random bits, so it cannot be guessed; it is
 * sent like the session cookie: HttpOnly, and SameSite=Lax, or Secure, Partitioned and
 * SameSite=None when the app may be embedded.
 */
public final class LearnerCookie extends HttpFilter {

    public static final String NAME = "playground_learner";
    static final Duration LIFETIME = Duration.ofDays(180);
    /** The request attribute that holds the learner's id for the rest of the request. */
    public static final String ATTRIBUTE = LearnerCookie.class.getName();

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom random = new SecureRandom();

    private final boolean embedded;

    /** @param embedded true when other sites may frame the app (the cookie must reach them) */
    public LearnerCookie(boolean embedded) {
        this.embedded = embedded;
    }

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = fromCookie(request);
        if (id == null) {
            id = newId();
            response.addCookie(cookie(id));
        }
        request.setAttribute(ATTRIBUTE, id);
        chain.doFilter(request, response);
    }

    /** The learner's id, or null when the request carries none (or a malformed one). */
    static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            // Anything but our own 22 characters is a forged or damaged cookie: replaced.
            if (cookie.getName().equals(NAME) && ID.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static String newId() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    private Cookie cookie(String id) {
        Cookie cookie = new Cookie(NAME, id);
        cookie.setPath("/");
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        if (embedded) {
            cookie.setSecure(true);
            cookie.setAttribute("SameSite", "None");
            // Jetty writes Partitioned only for the value "true".
            cookie.setAttribute("Partitioned", "true");
        } else {
            cookie.setAttribute("SameSite", "Lax");
        }
        return cookie;
    }
}
