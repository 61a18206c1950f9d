package org.trainingplayground;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.trainingplayground.core.train.EngineEvents;
import org.trainingplayground.ops.HealthServlet;
import org.trainingplayground.ops.MetricsServlet;
import org.trainingplayground.ops.PlaygroundMetrics;
import org.trainingplayground.ops.RunEventLog;
import org.trainingplayground.ui.UserSessions;

/** Starts the app-wide services with the web app and stops them with it. */
@WebListener
public class Bootstrap implements ServletContextListener {

    private PlaygroundMetrics metrics;
    private EngineEvents.Observation runEventLog;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        AppConfig config = AppConfig.load();
        allowFraming(sce.getServletContext(), config.embedOrigins());
        identifyLearners(sce.getServletContext(), !config.embedOrigins().isEmpty());
        sce.getServletContext()
                .addFilter("teacher", new TeacherCookie())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/teach/*");
        answerBadRequestsWithoutStackTraces(sce.getServletContext());
        limitNewSessions(
                sce.getServletContext(),
                config.hosting().newSessionsPerMinute(),
                config.trustedProxies());
        Services services = Services.start(config);
        serveOperations(sce.getServletContext(), services, config);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        stopOperations();
        Services.stop();
    }

    /**
     * Adds what an operator's tools ask: {@code /health/live}, {@code /health/ready} and
     * {@code /metrics}; and logs every run's start, stop and failure. Their mappings are more
     * specific than Vaadin's {@code /*}, so these paths never reach the UI.
     */
    private void serveOperations(ServletContext context, Services services, AppConfig config) {
        metrics = PlaygroundMetrics.forEngine(
                services.engine(), UserSessions::sessionsWithPlayground, UserSessions::maxSessions);
        runEventLog = RunEventLog.start();
        context.addServlet("health", HealthServlet.forServices()).addMapping("/health/*");
        context.addServlet("metrics", new MetricsServlet(metrics, config.metricsToken()))
                .addMapping("/metrics");
    }

    private void stopOperations() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (runEventLog != null) {
            runEventLog.close();
            runEventLog = null;
        }
    }

    /** Gives each browser its learner id (after the framing filter: refusals carry headers). */
    static void identifyLearners(ServletContext context, boolean embedded) {
        context.addFilter("learner", new LearnerCookie(embedded))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    /**
     * Turns away a client address that starts too many browser sessions a minute (after the
     * framing filter, so the refusal carries the security headers).
     */
    static void limitNewSessions(
            ServletContext context, int perMinute, List<String> trustedProxies) {
        context.addFilter("new-sessions", new NewSessionLimit(perMinute, trustedProxies))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
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
                ? existing
                : new ErrorPageErrorHandler();
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
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        // No script of the page needs the session id, so none may read it.
        cookie.setHttpOnly(true);
        if (embedOrigins.isEmpty()) {
            // Not sent with another site's requests: a link from elsewhere still opens the
            // student's own session, a form posted from elsewhere does not.
            cookie.setAttribute("SameSite", "Lax");
            return;
        }
        // Browsers send a cookie to a cross-site frame only with SameSite=None, which they
        // accept only with Secure. Partitioned (CHIPS) keys the cookie by the top-level site,
        // so it still works where third-party cookies are blocked, and each course site
        // gets its own session. Jetty writes Partitioned only for the value "true".
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "None");
        cookie.setAttribute("Partitioned", "true");
    }
}
