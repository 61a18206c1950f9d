package org.trainingplayground.ui;

import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.ops.ThrottledWarning;

/**
 * Tells apart a message from the browser that Vaadin could not read (malformed JSON, a
 * node or value of the wrong kind: a script's doing, or a broken connection) from a fault of
 * the app's own. The first costs one warning line, and at most a few a minute however many
 * arrive; the second is logged in full by Vaadin's own handler, as before.
 */
final class ClientProtocolErrors extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientProtocolErrors.class);
    private static final String APP = "org.trainingplayground.";
    /** Where Vaadin reads and dispatches what the client sent. */
    private static final String PROTOCOL = "com.vaadin.flow.server.communication.";

    private static final int MOST_MESSAGE_CHARS = 200;

    private static final ThrottledWarning unreadable =
            new ThrottledWarning(log, Duration.ofSeconds(10));

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (isClientsMessage(error)) {
            unreadable.warn(
                    "Ignored a message from a browser that the server could not read: {}",
                    oneLine(error));
        } else {
            super.error(event);
        }
    }

    /**
     * True when reading the client's message failed before any of the app's code ran: in each
     * exception of the chain, a frame of Vaadin's communication package comes before (above)
     * any frame of ours. The app's filters lie below it, so they do not count.
     */
    static boolean isClientsMessage(Throwable error) {
        boolean inProtocol = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String type = frame.getClassName();
                if (type.startsWith(APP)) {
                    return false;
                }
                if (type.startsWith(PROTOCOL)) {
                    inProtocol = true;
                    break;
                }
            }
        }
        return inProtocol;
    }

    /** The exception and its message on one line, short: the message may quote the client. */
    static String oneLine(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() <= MOST_MESSAGE_CHARS
                ? text
                : text.substring(0, MOST_MESSAGE_CHARS) + "…";
    }
}
