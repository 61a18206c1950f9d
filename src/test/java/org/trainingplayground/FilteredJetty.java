package org.trainingplayground;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty at a free port with the app's filters as {@link Bootstrap} registers them, in
 * front of a servlet that answers "ok" and opens a session where asked to.
 */
final class FilteredJetty implements AutoCloseable {

    private final Server server = new Server(0);
    private final URI base;

    /**
     * @param filters registers the filters under test on the context, as Bootstrap does
     * @param opensSession which requests the servlet opens a session for
     */
    FilteredJetty(Consumer<ServletContext> filters, Predicate<HttpServletRequest> opensSession)
            throws Exception {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent sce) {
                filters.accept(sce.getServletContext());
            }
        });
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        if (opensSession.test(request)) {
                            request.getSession(true);
                        }
                        response.getWriter().print("ok");
                    }
                }),
                "/*");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The server's root, ending in a slash. */
    URI base() {
        return base;
    }

    /** The server itself, for what is installed on it rather than on the context. */
    Server jetty() {
        return server;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
