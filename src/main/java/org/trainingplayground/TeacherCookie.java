package org.trainingplayground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trainingplayground.core.store.ClassStore;

/**
 * Turns a teacher link ({@code /teach/CODE?key=…}) into a teacher cookie for that class and
 * sends the browser on to {@code /teach/CODE} without the key: the key then sits neither in the
 * address bar (a projected screen, a shared screenshot) nor in the browser's history, and no
 * page script can read it (HttpOnly). A wrong key is dropped the same way and sets nothing.
 */
public final class TeacherCookie extends HttpFilter {

    /** The cookie of class CODE is named {@code playground_teacher_CODE}. */
    public static final String PREFIX = "playground_teacher_";

    static final Duration LIFETIME = Duration.ofDays(180);

    private static final Pattern DASHBOARD = Pattern.compile("/teach/([^/]{1,20})/?");

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher dashboard = DASHBOARD.matcher(request.getRequestURI());
        String key = request.getParameter("key");
        if (!dashboard.matches() || key == null) {
            chain.doFilter(request, response);
            return;
        }
        String code = ClassStore.normalizeCode(dashboard.group(1));
        if (code.matches("[A-Z0-9]{6}") && Services.get().classes().isTeacher(code, key)) {
            Cookie cookie = new Cookie(PREFIX + code, key);
            cookie.setPath("/");
            cookie.setMaxAge((int) LIFETIME.toSeconds());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/teach/" + (code.matches("[A-Z0-9]{6}") ? code : ""));
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** The key the request's teacher cookie holds for class {@code code}, or null. */
    public static String keyFrom(Cookie[] cookies, String code) {
        if (cookies == null) {
            return null;
        }
        String name = PREFIX + ClassStore.normalizeCode(code);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
