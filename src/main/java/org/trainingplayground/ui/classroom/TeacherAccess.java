package org.trainingplayground.ui.classroom;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import org.trainingplayground.TeacherCookie;
import org.trainingplayground.session.classroom.LiveClasses;

/** Whether the browser opening a teacher's page holds the class's teacher key. */
public final class TeacherAccess {

    private TeacherAccess() {}

    /**
     * The teacher key this browser holds for the class: from its teacher cookie, from this
     * browser session (the key was checked before), or from a teacher link the server's
     * filter did not see first. Null when none of them is the class's key.
     */
    public static String key(LiveClasses classes, String code, BeforeEnterEvent event) {
        String attribute = TeacherCookie.PREFIX + code;
        VaadinSession session = VaadinSession.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        List<String> candidates = new ArrayList<>();
        candidates.add((String) session.getAttribute(attribute));
        if (request != null) {
            candidates.add(TeacherCookie.keyFrom(request.getCookies(), code));
        }
        candidates.add(event.getLocation()
                .getQueryParameters()
                .getSingleParameter("key")
                .orElse(null));
        for (String candidate : candidates) {
            if (candidate != null && classes.isTeacher(code, candidate)) {
                session.setAttribute(attribute, candidate);
                return candidate;
            }
        }
        return null;
    }
}
