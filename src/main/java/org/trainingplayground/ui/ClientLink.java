package org.trainingplayground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server knows of one page's browser: whether its script has reported in, whether its
 * push connection is open, how many heartbeats it missed; and the page's end when no browser
 * is there for it. Read from the push timer without the session lock; a value one push late
 * only delays a decision by 250 ms.
 */
final class ClientLink {

    private static final Logger log = LoggerFactory.getLogger(ClientLink.class);

    /** A page whose script has not reported in by then is closed: no browser runs it. */
    static final long NEVER_CONNECTED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Missed heartbeats after which a page whose push connection is down counts as gone. */
    static final int MISSED_HEARTBEATS = 3;

    /** The page's own script has run and reported (its first visibility report). */
    private volatile boolean reportedIn;

    private volatile UI ui;
    private volatile long attachedNanos;
    private volatile int heartbeatIntervalSeconds;
    private volatile boolean closing;
    /** The push connection was seen open once: when it is down now, the client dropped. */
    private volatile boolean pushSeenOpen;

    /** The page is (again) on {@code ui}: the grace for reporting in starts now (UI thread). */
    void attached(UI ui) {
        this.ui = ui;
        attachedNanos = System.nanoTime();
        heartbeatIntervalSeconds = ui.getSession().getConfiguration().getHeartbeatInterval();
    }

    boolean reportedIn() {
        return reportedIn;
    }

    /**
     * The page's script reported: from now on the page counts (its browser session's place).
     *
     * @return true the first time
     */
    boolean reportIn(VaadinSession vaadinSession) {
        if (reportedIn) {
            return false;
        }
        reportedIn = true;
        UserSessions.clientReportedIn(vaadinSession);
        return true;
    }

    /**
     * Whether anything should be computed and queued for the page now: not while its push
     * connection, once seen open, is down (the client cannot take it).
     */
    boolean mayPush() {
        if (pushOpen(ui)) {
            pushSeenOpen = true;
            return true;
        }
        return !pushSeenOpen;
    }

    /**
     * Closes the page if no browser is there for it (timer thread): its script never reported
     * in within the grace, or its push connection is down and its heartbeats stopped. Its tab
     * then no longer counts for the idle pause, and a frame's run ends.
     *
     * @return true if it is being closed
     */
    boolean closeIfUnreachable() {
        if (closing) {
            return true;
        }
        UI page = ui;
        boolean neverConnected = !reportedIn
                && hasPush(page)
                && System.nanoTime() - attachedNanos > NEVER_CONNECTED_GRACE_NANOS;
        boolean gone = reportedIn
                && !pushOpen(page)
                && missedHeartbeats(page, heartbeatIntervalSeconds) >= MISSED_HEARTBEATS;
        if (!neverConnected && !gone) {
            return false;
        }
        closing = true;
        try {
            page.access(() -> {
                var vaadinSession = page.getSession();
                page.close();
                vaadinSession.removeUI(page);
                if (neverConnected) {
                    UserSessions.pageNeverConnected(vaadinSession);
                } else {
                    log.info(
                            "Closed a page whose browser stopped answering (push connection"
                                    + " down, {} heartbeats missed)",
                            MISSED_HEARTBEATS);
                }
            });
        } catch (UIDetachedException alreadyGone) {
            // Detached meanwhile: onDetach has done the rest.
        }
        return true;
    }

    /** The page was served with push (a real server's page; not a browserless test's). */
    private static boolean hasPush(UI ui) {
        return ui.getInternals().getPushConnection() != null;
    }

    /** The page's push connection is open now. */
    private static boolean pushOpen(UI ui) {
        PushConnection push = ui.getInternals().getPushConnection();
        return push != null && push.isConnected();
    }

    /**
     * Whole heartbeat intervals since the browser's last request for this page.
     *
     * @param intervalSeconds the session's heartbeat interval, read on the UI thread
     */
    private static long missedHeartbeats(UI ui, int intervalSeconds) {
        if (intervalSeconds <= 0) {
            return 0; // heartbeats turned off: nothing to miss
        }
        long silentMillis =
                System.currentTimeMillis() - ui.getInternals().getLastHeartbeatTimestamp();
        return silentMillis / (intervalSeconds * 1000L);
    }
}
