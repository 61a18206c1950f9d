package org.trainingplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trainingplayground.Services;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.ui.autograd.AutogradPanel;
import org.trainingplayground.ui.classroom.ClassBanner;
import org.trainingplayground.ui.code.CodeView;
import org.trainingplayground.ui.settings.ResetDialog;
import org.trainingplayground.ui.tour.LessonTour;

/**
 * The playground: settings and buttons on the left, status and live charts on the right. Metrics
 * reach the page a few times per second by server push, many training steps per update.
 */
@Route("")
@JsModule("./page-visibility/page-visibility.ts")
@PageTitle("Training Playground")
@CssImport("./styles/panels.css")
public class PlaygroundView extends VerticalLayout implements BeforeEnterObserver {

    private final ClientLink link = new ClientLink();
    private boolean autostartPending;

    private final PlaygroundSession session;
    private final IdleWatch idleWatch;
    static final String IDLE_SENTENCE =
            "Training was paused while this tab was hidden; press Start to continue.";
    private final Paragraph idleNote = new Paragraph(IDLE_SENTENCE);
    /** Why Start did nothing: this browser trains as many runs as it may. */
    private final Paragraph startRefused = new Paragraph();

    private final SettingsPanel settings = new SettingsPanel();
    private final ControlPanel controls = new ControlPanel();
    private final StatusPanel status = new StatusPanel();
    private final ChartsPanel charts = new ChartsPanel();
    private final StepThroughPanel stepView = new StepThroughPanel();
    private final AutogradPanel autograd =
            new AutogradPanel(seed -> session().autogradExample(seed), () -> act(session()::step));
    private final LearnedPanel learned = new LearnedPanel();
    private final VerticalLayout left = new VerticalLayout();
    private final SettingsDrawer drawer;
    private final VerticalLayout right = new VerticalLayout();
    private long shownVersion = -1;
    private final PagePushes pushes = new PagePushes();
    /** A prompt push left the rest of the page for the next periodic push. */
    private volatile boolean restDeferred;

    private final SharePanel share;
    private final PreviousRunLine previousRun = new PreviousRunLine();
    private final NoticeBox notices = new NoticeBox();
    private final CodeView code = new CodeView();
    private final boolean embedded;
    private final SettingsArrivals arrivals;
    private final AddressBar addressBar;
    /** The page's own options from its URL, kept in the address bar as settings change. */
    private final PageOptions pageOptions;

    private final LessonTour tour;

    public PlaygroundView() {
        this(false);
    }

    /** @param embedded true inside a course's iframe: no title, introduction or sharing panel */
    protected PlaygroundView(boolean embedded) {
        this.embedded = embedded;
        session = embedded ? UserSessions.forFrame(UI.getCurrent()) : UserSessions.current();
        idleWatch = UserSessions.idleWatch(UI.getCurrent().getSession(), session);
        idleNote.setId("idle-note");
        idleNote.setVisible(false);
        startRefused.setId("start-refused");
        startRefused.setVisible(false);
        Map<String, Component> parts = new HashMap<>(Map.of(
                "settings", left,
                "step-view", stepView,
                "autograd", autograd,
                "charts", charts,
                "learned", learned,
                "code", code));
        tour = new LessonTour(
                parts,
                Map.of("controls", controls, "loss", settings.section("loss")),
                session,
                autograd);
        parts.put("tour", tour); // a course page may hide the lesson's button too
        pageOptions = new PageOptions(settings, controls, parts);
        arrivals = new SettingsArrivals(session, settings, notices, () -> act(session::reset));
        share = new SharePanel(() -> ConfigJson.toJson(arrivals.current()));
        addressBar = new AddressBar(embedded, pageOptions, share);
        drawer = embedded ? new SettingsDrawer(settings) : new SettingsDrawer(settings, share);
        setSizeFull();
        if (embedded) {
            setPadding(false);
            add(body());
        } else {
            add(new PageHeader(), body());
        }
        wireControls();
        wireSettings();
        share.addImportListener(e -> {
            arrivals.fileImported(e.text(), e.refusal());
            refresh();
        });
        settings.showSettings(session.spec());
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, String> values = PageOptions.firstValues(event.getLocation());
        List<String> pageNotices = pageOptions.takeFrom(values);
        arrivals.linkOpened(values, pageNotices);
        if (pageOptions.tour()) {
            tour.start();
        }
        if (pageOptions.autostart()) {
            // Only for a page a browser really shows: a script opening frames with autostart
            // would otherwise hold every training place.
            autostartPending = true;
            autostartIfReportedIn();
        }
        addressBar.forget();
        refresh();
    }

    /** The buttons that drive the run. */
    private void wireControls() {
        controls.addStartListener(e -> act(() -> {
            idleWatch.resumedByStudent();
            idleNote.setVisible(false);
            startTraining();
        }));
        controls.addPauseListener(e -> act(session::pause));
        controls.addResetListener(e -> act(session::reset));
        controls.addStepListener(e -> act(session::step));
        controls.addStepEpochListener(e -> act(session::stepEpoch));
        controls.addSpeedListener(e -> act(() -> session.setSpeed(e.stepsPerSecond())));
        controls.addForgetZeroGradListener(e -> act(() -> session.setZeroGrad(!e.forget())));
    }

    /** The settings form: valid new settings go to the session. */
    private void wireSettings() {
        settings.setLimits(session.limits());
        settings.addValidityListener(e -> refresh());
        settings.addSettingsListener(e -> {
            // Once the user chose to keep training, further edits wait quietly for Reset.
            boolean askedBefore = session.settingsPending();
            List<Limits.Problem> problems = new ArrayList<>();
            switch (session.apply(e.spec(), problems)) {
                case REFUSED -> settings.showProblems(problems);
                case PENDING -> {
                    if (!askedBefore) {
                        new ResetDialog(() -> act(session::reset)).open();
                    }
                }
                case REBUILT, LIVE -> {}
            }
            refresh();
        });
    }

    /**
     * Puts what the network learned where it matters most: for 2-D points the boundary is the
     * lesson and goes above the charts; for images the curves come first.
     */
    private void placeLearned(boolean first) {
        right.remove(learned);
        right.addComponentAtIndex(right.indexOf(first ? charts : stepView), learned);
    }

    private Main body() {
        right.add(new ClassBanner(session, pageOptions::classLocks), notices, idleNote);
        right.add(startRefused, tour, controls, status, charts, learned, stepView, autograd, code);
        right.setPadding(false);
        right.setWidthFull();
        right.addClassName("playground-run");
        left.add(drawer);
        left.setPadding(false);
        left.setSpacing(false);
        left.setWidth(null);
        left.addClassName("playground-settings");
        // A <main> landmark, for screen readers' "skip to main". In a course's frame the run
        // comes first, so the frame opens on the buttons, the status and the loss chart, and
        // the keyboard reaches them first; side by side the settings stay left (panels.css).
        Main body = embedded ? new Main(right, left) : new Main(left, right);
        body.addClassName("playground-body");
        body.setClassName("playground-body-embedded", embedded);
        return body;
    }

    private void startTraining() {
        String refusal = session.start();
        startRefused.setText(refusal == null ? "" : refusal);
        startRefused.setVisible(refusal != null);
    }

    private void act(Runnable action) {
        action.run();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        addressBar.attached(ui, arrivals::current);
        drawer.attached();
        // Redraw from the start of the history: this may be a reload of a running session.
        charts.forgetHistory();
        refresh();
        link.attached(ui);
        pushes.start(
                ui,
                Services.get().pushTimer(),
                () -> {
                    // Nothing is computed or queued for a client that cannot take it.
                    if (link.closeIfUnreachable() || !link.mayPush()) {
                        return false;
                    }
                    return session.version() != shownVersion || restDeferred;
                },
                this::refresh,
                () -> refresh(false), // the status, buttons and charts; the rest next time
                session::watchPromptChanges);
        // The page reports its visibility at once, which also shows that a browser runs it;
        // later switches as they happen (frontend/page-visibility).
        getElement().executeJs("window.trainingPlayground.watchVisibility(this)");
    }

    /** The browser's {@code document.visibilityState} changed: "visible" or "hidden". */
    @ClientCallable
    void visibilityChanged(String visibilityState) {
        if (getUI().map(ui -> link.reportIn(ui.getSession())).orElse(false)) {
            autostartIfReportedIn();
        }
        if ("visible".equals(visibilityState)) {
            pageShown();
        } else {
            idleWatch.pageHidden(this);
        }
    }

    private void autostartIfReportedIn() {
        if (autostartPending && link.reportedIn()) {
            autostartPending = false;
            if (session.history().stepCount() == 0) {
                startTraining();
                refresh();
            }
        }
    }

    /** Counts this page as seen; says so if the run was paused while no page was. */
    private void pageShown() {
        if (idleWatch.pageShown(this)) {
            idleNote.setVisible(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        idleWatch.pageGone(this);
        pushes.stop();
        if (embedded) {
            // A frame's playground lives as long as the frame shows it.
            UserSessions.endFrame(detachEvent.getUI(), session);
        }
    }

    /** Brings everything on the page up to date with the session (UI thread). */
    void refresh() {
        refresh(true);
    }

    private void refresh(boolean everything) {
        shownVersion = session.version();
        // Status first: once it says paused, every step before the pause is in the history.
        var snapshot = session.status();
        boolean newRun = charts.startIfNew(session.history(), session.parameterNames());
        if (newRun) {
            settings.showSettings(session.spec());
        }
        previousRun.follow(
                charts,
                newRun,
                UserSessions.learnerId(),
                session.runSpec().dataset().kind().label(),
                snapshot.keptRunId());
        charts.appendNew();
        status.show(snapshot);
        if (snapshot.state() != RunState.PAUSED) {
            idleNote.setVisible(false); // started again, here or in another tab
        }
        controls.showState(snapshot.state(), settings.isValid(), session.settingsPending());
        controls.showOptions(session.speed(), session.zeroGrad());
        restDeferred = !everything;
        if (!everything) {
            return;
        }
        PlaygroundConfig config = arrivals.current();
        getUI().ifPresent(ui -> addressBar.show(ui, config));
        code.show(config);
        Dataset data = session.dataset();
        if (data != learned.shownDataset()) {
            learned.showDataset(data, session::classify);
            placeLearned(data instanceof PointDataset);
        }
        learned.update(session.latestPredictions(), session.latestBoundary());
        stepView.follow(
                session.latestDetail(),
                session.runSpec(),
                snapshot.state() == RunState.RUNNING,
                session.speed());
        autograd.follow(
                session.runSpec(), stepView.shownDetail(), snapshot.state() == RunState.PAUSED);
        tour.refresh();
    }

    /** The playground this page shows (its frame's own when embedded). */
    PlaygroundSession session() {
        return session;
    }

    ChartsPanel charts() {
        return charts;
    }
}
