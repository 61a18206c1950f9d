package org.trainingplayground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.Services;
import org.trainingplayground.session.PlaygroundSession;

/**
 * Keeps one {@link PlaygroundSession} per browser session (Vaadin session), so reloads and
 * other tabs of the same browser share a run, and ends that run when the session expires.
 * Embedded frames get one each instead ({@link #forFrame}).
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

    /**
     * A playground of its own for one embedded frame: two iframes of one course page share the
     * browser session (and its cookie), yet each shows its own exercise. The frame's view ends
     * it with {@link #endFrame}; the browser session's end closes what is left.
     */
    public static PlaygroundSession forFrame(UI ui) {
        PlaygroundSession session =
                new PlaygroundSession(Services.get().engine(), Services.get().limits());
        frames(ui.getSession()).add(session);
        return session;
    }

    /** The frame is gone: its run ends and its native memory is freed. */
    public static void endFrame(UI ui, PlaygroundSession session) {
        frames(ui.getSession()).remove(session);
        session.close();
    }

    @SuppressWarnings("unchecked")
    private static Set<PlaygroundSession> frames(VaadinSession vaadinSession) {
        Set<PlaygroundSession> frames =
                (Set<PlaygroundSession>) vaadinSession.getAttribute(FRAMES);
        if (frames == null) {
            frames = ConcurrentHashMap.newKeySet();
            vaadinSession.setAttribute(FRAMES, frames);
        }
        return frames;
    }

    private static final String FRAMES = UserSessions.class.getName() + ".frames";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            PlaygroundSession session =
                    destroyed.getSession().getAttribute(PlaygroundSession.class);
            if (session != null) {
                session.close();
                log.info("Session ended; its run was closed and its native memory freed");
            }
            frames(destroyed.getSession()).forEach(PlaygroundSession::close);
        });
    }
}
