package org.trainingplayground;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before any of the app's filters runs: a request it cannot
 * read (400), a URL or headers too long (414, 431). They carry the same security headers as
 * the app's pages and a sentence, and name neither Jetty nor its version.
 */
final class ServerErrorPages extends ErrorHandler {

    private final List<String> embedOrigins;

    private ServerErrorPages(List<String> embedOrigins) {
        this.embedOrigins = List.copyOf(embedOrigins);
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    /** Puts these error pages on the running server and stops it naming its version. */
    static void install(Server server, List<String> embedOrigins) {
        server.setErrorHandler(new ServerErrorPages(embedOrigins));
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http =
                    connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.forEmbedOrigins(embedOrigins)
                .forEach((name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
    }

    @Override
    protected void writeErrorHtmlBody(
            Request request,
            Writer writer,
            int code,
            String message,
            Throwable cause,
            boolean showStacks)
            throws IOException {
        writer.write("<h2>" + code + " " + HttpStatus.getMessage(code) + "</h2>\n<p>");
        writer.write(sentence(code));
        writer.write("</p>\n");
    }

    /** What the visitor can do about it, without the container's wording. */
    static String sentence(int code) {
        return switch (code) {
            case 414 ->
                "This address is too long for the server. Open the playground without"
                        + " the settings in its link, or import them as a file.";
            case 431 ->
                "Your browser sent more cookies or headers than the server takes."
                        + " Clear this site's cookies and try again.";
            case 404 -> "There is no page at this address. The playground is at /.";
            default ->
                code >= 500
                        ? "The server could not answer this request. Please try"
                                + " again in a moment."
                        : "The server could not read this request.";
        };
    }
}
