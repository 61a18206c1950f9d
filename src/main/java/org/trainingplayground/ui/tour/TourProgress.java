package org.trainingplayground.ui.tour;

import com.vaadin.flow.server.VaadinSession;

/**
 * Where a browser is in the tour, kept in its session, so a reload or a new tab resumes it and
 * a tour left can be taken up again at the same step.
 */
final class TourProgress {

    private int step;
    private boolean open;

    /** This browser's progress (UI thread, which holds the session's lock). */
    static TourProgress of(VaadinSession session) {
        TourProgress progress = session.getAttribute(TourProgress.class);
        if (progress == null) {
            progress = new TourProgress();
            session.setAttribute(TourProgress.class, progress);
        }
        return progress;
    }

    int step() {
        return step;
    }

    boolean open() {
        return open;
    }

    /** Whether a tour was left part way (not at its first step). */
    boolean started() {
        return step > 0;
    }

    void openAt(int index) {
        step = Math.max(0, Math.min(index, TourStep.values().length - 1));
        open = true;
    }

    void leave() {
        open = false;
    }

    void finish() {
        open = false;
        step = 0;
    }
}
