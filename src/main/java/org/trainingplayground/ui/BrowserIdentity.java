package org.trainingplayground.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

import org.trainingplayground.ClientAddress;
import org.trainingplayground.LearnerCookie;

/**
 * Who a browser session is, as the request that started it said: its learner (the cookie of
 * {@link LearnerCookie}) and its client address (what limits per address count by).
 */
public final class BrowserIdentity {

    private static final String LEARNER = BrowserIdentity.class.getName() + ".learner";
    private static final String ADDRESS = BrowserIdentity.class.getName() + ".address";

    private BrowserIdentity() {}

    /** Fixes the new session's learner and address from the request that starts it. */
    static void remember(VaadinSession session, VaadinRequest request) {
        learnerId(session);
        Object address = request.getAttribute(ClientAddress.ATTRIBUTE);
        session.setAttribute(ADDRESS, address == null ? "unknown" : address);
    }

    /**
     * The learner whose runs this browser session keeps: the id {@link LearnerCookie} found
     * or gave on the request that started the session.
     */
    static String learnerId(VaadinSession session) {
        String id = (String) session.getAttribute(LEARNER);
        if (id == null) {
            VaadinRequest request = VaadinRequest.getCurrent();
            id = request == null ? null : (String) request.getAttribute(LearnerCookie.ATTRIBUTE);
            if (id == null) {
                // A request the filter did not see (a test's mock): a learner of its own.
                id = LearnerCookie.newId();
            }
            session.setAttribute(LEARNER, id);
        }
        return id;
    }

    /** The client address key of the current browser session (UI thread only). */
    public static String clientAddress() {
        Object address = VaadinSession.getCurrent().getAttribute(ADDRESS);
        return address == null ? "unknown" : (String) address;
    }
}
