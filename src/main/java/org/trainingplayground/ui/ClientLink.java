package org.trainingplayground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.PushConnection;

/**
 * What the server knows of a page's browser: whether its push connection is open, and how
 * many heartbeats it missed. Read from the push timer without the session lock; a value one
 * push late only delays a decision by 250 ms.
 */
final class ClientLink {

    private ClientLink() {}

    /** The page was served with push (a real server's page; not a browserless test's). */
    static boolean hasPush(UI ui) {
        return ui.getInternals().getPushConnection() != null;
    }

    /** The page's push connection is open now. */
    static boolean pushOpen(UI ui) {
        PushConnection push = ui.getInternals().getPushConnection();
        return push != null && push.isConnected();
    }

    /**
     * Whole heartbeat intervals since the browser's last request for this page.
     *
     * @param intervalSeconds the session's heartbeat interval, read on the UI thread
     */
    static long missedHeartbeats(UI ui, int intervalSeconds) {
        if (intervalSeconds <= 0) {
            return 0; // heartbeats turned off: nothing to miss
        }
        long silentMillis =
                System.currentTimeMillis() - ui.getInternals().getLastHeartbeatTimestamp();
        return silentMillis / (intervalSeconds * 1000L);
    }
}
