package org.trainingplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.Services;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.session.classroom.LiveClasses;
import org.trainingplayground.ui.classroom.ClassDashboard;
import org.trainingplayground.ui.classroom.TeacherAccess;

/**
 * "Over the shoulder": one student's run as their page shows it (status, charts, what the
 * network learned), live and read-only, for their teacher. Nothing here changes the run.
 */
@Route("teach/:code/student/:nickname")
@PageTitle("A student's run · Training Playground")
@CssImport("./styles/panels.css")
@CssImport("./styles/classroom.css")
public class OverTheShoulderView extends Main implements BeforeEnterObserver {

    private final LiveClasses classes = Services.get().classes();
    private final StatusPanel status = new StatusPanel();
    private final ChartsPanel charts = new ChartsPanel();
    private final LearnedPanel learned = new LearnedPanel();
    private final Paragraph away = new Paragraph();
    private PlaygroundSession watched;
    private ScheduledFuture<?> updates;
    private long shownVersion = -1;

    public OverTheShoulderView() {
        addClassName("classroom-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        String nickname = event.getRouteParameters().get("nickname").orElse("");
        Optional<LiveClass> live = classes.find(code);
        if (live.isEmpty() || TeacherAccess.key(classes, live.get().code(), event) == null) {
            Paragraph needed = new Paragraph(ClassDashboard.KEY_NEEDED);
            needed.setId("teacher-key-needed");
            add(new H1("A student's run"), needed);
            return;
        }
        H1 title = new H1(nickname + "'s run");
        title.setId("watched-student");
        Anchor back = new Anchor("teach/" + live.get().code(), "Back to the class");
        back.setId("dashboard-link");
        away.setId("student-away");
        away.setText(nickname + " has no page open right now; their runs are in the roster.");
        add(back, title, away);
        watched = live.get().roster().playgroundOf(nickname).orElse(null);
        away.setVisible(watched == null);
        if (watched != null) {
            add(status, charts, learned);
            refresh();
        }
    }

    private void refresh() {
        if (watched.version() == shownVersion) {
            return;
        }
        shownVersion = watched.version();
        status.show(watched.status());
        charts.startIfNew(watched.history(), watched.parameterNames());
        charts.appendNew();
        if (watched.dataset() != learned.shownDataset()) {
            // The teacher may try the network on a drawing too: that only asks it, between steps.
            learned.showDataset(watched.dataset(), watched::classify);
        }
        learned.update(watched.latestPredictions(), watched.latestBoundary());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (watched == null) {
            return;
        }
        UI ui = event.getUI();
        charts.forgetHistory();
        shownVersion = -1;
        updates = Services.get()
                .pushTimer()
                .scheduleAtFixedRate(
                        () -> {
                            try {
                                ui.access(this::refresh);
                            } catch (UIDetachedException closedMeanwhile) {
                                // The tab went away; its detach cancels the updates.
                            }
                        },
                        PagePushes.INTERVAL_MS * 2,
                        PagePushes.INTERVAL_MS * 2,
                        TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (updates != null) {
            updates.cancel(false);
            updates = null;
        }
    }
}
