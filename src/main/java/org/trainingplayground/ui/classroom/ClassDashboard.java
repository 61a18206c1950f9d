package org.trainingplayground.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.Services;
import org.trainingplayground.core.store.ClassStore;
import org.trainingplayground.session.classroom.ClassExport;
import org.trainingplayground.session.classroom.LiveClass;
import org.trainingplayground.session.classroom.LiveClasses;

/**
 * The teacher's dashboard of one class: who is in it and how each run is going, live, and the
 * actions that steer the class. Only a browser holding the class's teacher key sees anything of
 * the class; the key is checked again on the server for every action.
 */
@Route("teach/:code")
@PageTitle("Class dashboard · Training Playground")
@CssImport("./styles/classroom.css")
public class ClassDashboard extends Main implements BeforeEnterObserver {

    public static final String KEY_NEEDED =
            "This is a class's dashboard: it opens with the teacher link"
                    + " its teacher got when creating the class. Students join at /join.";

    /** The dashboard is brought up to date this often. */
    static final long UPDATE_MS = 1_000;

    /** The charts are redrawn at every this many updates. */
    static final int CHART_EVERY = 2;

    private final LiveClasses classes = Services.get().classes();
    private LiveClass live;
    private String key;
    private final Paragraph actionResult = new Paragraph();
    private final TextArea message = new TextArea("Message to the class");
    private RosterTable roster;
    private ClassSteering steering;
    private ChallengePanel challenge;
    private final ClassCharts charts = new ClassCharts();
    private int updatesDone;
    private ScheduledFuture<?> updates;

    public ClassDashboard() {
        addClassName("classroom-page");
        addClassName("class-dashboard");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        Optional<LiveClass> found = classes.find(code);
        key = found.map(c -> TeacherAccess.key(classes, c.code(), event)).orElse(null);
        if (found.isEmpty() || key == null) {
            Paragraph needed = new Paragraph(KEY_NEEDED);
            needed.setId("teacher-key-needed");
            add(new H1("Class dashboard"), needed, new Anchor("./", "Back to the playground"));
            return;
        }
        live = found.get();
        build();
    }

    /** Whether this browser still holds the class's key: checked before every action. */
    private boolean teacher() {
        return live != null && classes.isTeacher(live.code(), key);
    }

    private void build() {
        H1 title = new H1(live.name());
        title.setId("class-title");
        Span code = new Span(live.code());
        code.setId("class-code");
        code.addClassName("class-code");
        Anchor join = new Anchor("join/" + live.code(), "/join/" + live.code());
        join.setId("join-link");
        Div joining = new Div(new Span("Join code "), code, new Span(" · join link "), join);
        joining.addClassName("class-joining");
        actionResult.setId("class-action-result");
        actionResult.addClassName("class-action-result");
        roster = new RosterTable(live.code(), this::confirmRemove);
        steering = new ClassSteering(live, classes, this::act, this::say);
        add(title, joining, actions(), actionResult, new H2("Students"), roster, charts);
        challenge = new ChallengePanel(live, this::act, this::say);
        add(challenge, messageBox(), steering);
        showEnded();
        update();
    }

    private Div actions() {
        Button pause = new Button(
                "Pause all", e -> act(() -> say("Paused " + runs(live.pauseAll()) + ".")));
        pause.setId("pause-all");
        Button resume = new Button(
                "Resume all", e -> act(() -> say("Started " + runs(live.resumeAll()) + " again.")));
        resume.setId("resume-all");
        Button end = new Button("End the class", e -> confirmEnd());
        end.setId("end-class");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(pause, resume, exportCsv(), end);
        actions.addClassName("class-actions");
        return actions;
    }

    /** The class's results as CSV, made when clicked, for a browser that still holds the key. */
    private Anchor exportCsv() {
        Anchor csv = new Anchor();
        csv.setHref(
                DownloadHandler.fromInputStream(event -> {
                    if (!classes.isTeacher(live.code(), key)) {
                        return DownloadResponse.error(403);
                    }
                    byte[] bytes = ClassExport.csv(live).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            ClassExport.fileName(live, Instant.now()),
                            "text/csv",
                            bytes.length);
                }),
                AttachmentType.DOWNLOAD);
        csv.setId("export-class-csv");
        csv.setText("Export results (.csv)");
        csv.addClassName("class-export");
        return csv;
    }

    private static String runs(int count) {
        return count == 1 ? "1 run" : count + " runs";
    }

    private Div messageBox() {
        message.setId("class-message");
        message.setMaxLength(ClassStore.MAX_MESSAGE_LENGTH);
        message.setValue(live.message() == null ? "" : live.message());
        message.setHelperText(
                "Shown at the top of every student's playground; empty it to take" + " it away.");
        message.setWidth("min(100%, 36rem)");
        Button send = new Button(
                "Show to the class",
                e -> act(() -> {
                    live.setMessage(message.getValue());
                    say(
                            message.getValue().isBlank()
                                    ? "The message was taken away."
                                    : "Every student sees your message now.");
                }));
        send.setId("send-message");
        Div box = new Div(message, send);
        box.addClassName("class-message-box");
        return box;
    }

    private void confirmRemove(String nickname) {
        ConfirmDialog confirm = new ConfirmDialog(
                "Remove " + nickname + "?",
                nickname + " leaves the class and cannot join it again; their runs stay in"
                        + " their own history.",
                "Remove",
                e -> act(() -> {
                    live.remove(nickname);
                    say(nickname + " is no longer in the class.");
                }));
        confirm.setCancelable(true);
        confirm.setId("remove-student-dialog");
        confirm.open();
    }

    private void confirmEnd() {
        ConfirmDialog confirm = new ConfirmDialog(
                "End the class?",
                "Nobody can join it any more, and students' pages say it ended. Every run"
                        + " stays in the students' histories.",
                "End the class",
                e -> act(() -> {
                    live.end();
                    showEnded();
                }));
        confirm.setCancelable(true);
        confirm.setId("end-class-dialog");
        confirm.open();
    }

    private void showEnded() {
        if (live.ended()) {
            say("This class has ended; its runs stay in the students' histories.");
        }
    }

    /** A teacher's action, if this browser still holds the key; a sentence if not. */
    private void act(Runnable action) {
        if (!teacher()) {
            say("Your teacher key no longer opens this class; open your teacher link again.");
            return;
        }
        try {
            action.run();
        } catch (IllegalArgumentException refused) {
            say(refused.getMessage());
        }
        update();
    }

    private void say(String sentence) {
        actionResult.setText(sentence);
    }

    /** Brings the roster up to date (UI thread). */
    void update() {
        roster.show(live.roster().rows(), System.currentTimeMillis());
        steering.show(live.locks());
        challenge.show(live);
        // The curves change slowly at their scale: every other update keeps the traffic low.
        if (updatesDone++ % CHART_EVERY == 0) {
            charts.show(live.roster().curves(ClassCharts.POINTS));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (live == null) {
            return;
        }
        UI ui = event.getUI();
        updates = Services.get()
                .pushTimer()
                .scheduleAtFixedRate(
                        () -> {
                            try {
                                ui.access(this::update);
                            } catch (UIDetachedException closedMeanwhile) {
                                // The tab went away; its detach cancels the updates.
                            }
                        },
                        UPDATE_MS,
                        UPDATE_MS,
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
