package org.trainingplayground.ops;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.trainingplayground.core.train.EngineEvents;

/**
 * Names the browser session that starts a run in the logs.
 * Vaadin finds it through META-INF/services.
 */
public final class SessionCounter implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        EngineEvents.identifyOwnersBy(SessionCounter::currentSessionLabel);
    }

    /** A short label for the current browser session, or "-" outside a request. */
    static String currentSessionLabel() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return "-";
        }
        return label(session.getSession().getId());
    }

    /**
     * Eight hex digits of the session id's hash: enough to follow one session through the
     * logs, while the id itself, which would let a log reader take over the session, stays
     * out of them.
     */
    static String label(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
