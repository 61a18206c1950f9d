package org.trainingplayground.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.Services;
import org.trainingplayground.session.PlaygroundSession;

/**
 * Keeps one {@link PlaygroundSession} per browser session (Vaadin session), so reloads and
 * other tabs of the same browser share a run, and ends that run when the session expires.
 */
public final class UserSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    /** The current browser session's playground, created on first use (UI thread only). */
    public static PlaygroundSession current() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        PlaygroundSession session = vaadinSession.getAttribute(PlaygroundSession.class);
        if (session == null) {
            session = new PlaygroundSession(Services.get().engine(), Services.get().limits());
            vaadinSession.setAttribute(PlaygroundSession.class, session);
        }
        return session;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            PlaygroundSession session =
                    destroyed.getSession().getAttribute(PlaygroundSession.class);
            if (session != null) {
                session.close();
                log.info("Session ended; its run was closed and its native memory freed");
            }
        });
    }
}
