package org.trainingplayground;

import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.List;

/** Starts the app-wide services with the web app and stops them with it. */
@WebListener
public class Bootstrap implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        AppConfig config = AppConfig.load();
        allowFraming(sce.getServletContext(), config.embedOrigins());
        answerBadRequestsWithoutStackTraces(sce.getServletContext());
        Services.start(config);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        Services.stop();
    }

    /**
     * Keeps Java's insides out of the pages a student may see: a broken link is repaired
     * ({@link MalformedQueryFilter}), and any other error page the servlet container writes
     * says what went wrong without a stack trace.
     */
    static void answerBadRequestsWithoutStackTraces(ServletContext context) {
        context.addFilter("malformed-query", new MalformedQueryFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        ServletContextHandler handler = ServletContextHandler.getServletContextHandler(context);
        if (handler == null) {
            return; // not Jetty (a test's mock context): nothing to configure
        }
        ErrorHandler errors = handler.getErrorHandler() instanceof ErrorHandler existing
                ? existing : new ErrorPageErrorHandler();
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        handler.setErrorHandler(errors);
    }

    /**
     * Lets the embedding origins frame the app, and gives the session cookie what a browser
     * needs to send it from inside another site's frame. Must run while the context
     * initialises: the session cookie's settings are fixed once it has started.
     */
    static void allowFraming(ServletContext context, List<String> embedOrigins) {
        // Registered here rather than with @WebFilter, because it needs the configuration.
        context.addFilter("framing", new FramingFilter(embedOrigins))
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        if (embedOrigins.isEmpty()) {
            return;
        }
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        // Browsers send a cookie to a cross-site frame only with SameSite=None, which they
        // accept only with Secure. Partitioned (CHIPS) keys the cookie by the top-level site,
        // so it still works where third-party cookies are blocked, and each course site
        // gets its own session. Jetty writes Partitioned only for the value "true".
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "None");
        cookie.setAttribute("Partitioned", "true");
    }
}
