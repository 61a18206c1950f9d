package org.trainingplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.Services;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.session.MetricsHistory;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.ui.code.CodeView;
import org.trainingplayground.ui.settings.ResetDialog;

/**
 * The playground: settings and buttons on the left, status and live charts on the right. Metrics
 * reach the page a few times per second by server push, many training steps per update.
 */
@Route("")
@JsModule("./page-visibility/page-visibility.ts")
@PageTitle("Training Playground")
@CssImport("./styles/panels.css")
public class PlaygroundView extends VerticalLayout implements BeforeEnterObserver {

    /** URL parameters of the page itself, not settings: see {@link #applyPageOptions}. */
    static final Set<String> PAGE_OPTIONS = Set.of("hide", "lock", "autostart");

    /** How often new metrics are pushed to the browser. */
    static final long PUSH_INTERVAL_MS = 250;

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
    private final LearnedPanel learned = new LearnedPanel();
    private final VerticalLayout right = new VerticalLayout();
    /** How often the step view follows a run that trains slowed down. */
    static final long STEP_VIEW_INTERVAL_NANOS = 950_000_000L;

    private StepDetail shownDetail;
    private long stepViewShownNanos;
    private MetricsHistory shownHistory;
    private int stepCursor;
    private int evalCursor;
    private long shownVersion = -1;
    private ScheduledFuture<?> pushTask;
    private Runnable stopPromptPushes;
    /** A prompt push left the rest of the page for the next periodic push. */
    private volatile boolean restDeferred;

    private final SharePanel share = new SharePanel(() -> ConfigJson.toJson(currentConfig()));
    private final NoticeBox notices = new NoticeBox();
    private final CodeView code = new CodeView();
    private final boolean embedded;
    /** The query string last written to the address bar, to write only changes. */
    private String shownQuery;
    /** The page's own options from its URL, kept in the address bar as settings change. */
    private final Map<String, String> pageOptions = new LinkedHashMap<>();

    private String origin = "";

    public PlaygroundView() {
        this(false);
    }

    /**
     * @param embedded true for the page inside a course's iframe: no title or introduction,
     *     no sharing panel
     */
    protected PlaygroundView(boolean embedded) {
        this.embedded = embedded;
        session = embedded ? UserSessions.forFrame(UI.getCurrent()) : UserSessions.current();
        idleWatch = UserSessions.idleWatch(UI.getCurrent().getSession(), session);
        idleNote.setId("idle-note");
        idleNote.setVisible(false);
        startRefused.setId("start-refused");
        startRefused.setVisible(false);
        setSizeFull();
        if (embedded) {
            setPadding(false);
            add(body());
        } else {
            add(header(), body());
        }
        wireControls();
        wireSettings();
        share.addImportListener(e -> {
            if (e.refusal() != null) {
                notices.show("The imported file", List.of(e.refusal()));
                return;
            }
            ConfigProperties.Reading reading =
                    ConfigJson.fromJson(e.text(), currentConfig(), session.limits());
            List<String> sentences = new ArrayList<>(sentences(reading.notices()));
            sentences.addAll(speedNotice(reading.config().speed()));
            notices.show("The imported file", sentences);
            applyConfig(reading.config());
        });
        settings.showSettings(session.spec());
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((key, list) -> {
            if (!list.isEmpty()) {
                values.put(key, list.get(0));
            }
        });
        pageOptions.clear();
        for (String option : PAGE_OPTIONS) {
            String value = values.remove(option);
            if (value != null) {
                pageOptions.put(option, value);
            }
        }
        List<String> notices = new ArrayList<>(applyPageOptions());
        if (!values.isEmpty()) {
            ConfigProperties.Reading reading =
                    ConfigProperties.read(values, currentConfig(), session.limits());
            notices.addAll(0, sentences(reading.notices()));
            notices.addAll(speedNotice(reading.config().speed()));
            applyConfig(reading.config());
        }
        this.notices.show("The link", notices);
        if ("1".equals(pageOptions.get("autostart"))
                || "true".equals(pageOptions.get("autostart"))) {
            // Only for a page a browser really shows: a script opening frames with autostart
            // would otherwise hold every training place.
            autostartPending = true;
            autostartIfReportedIn();
        }
        shownQuery = null;
        refresh();
    }

    /** The page offers a few speeds only; another one is named and left as it was. */
    private List<String> speedNotice(double speed) {
        if (ControlPanel.SPEEDS.contains(speed)) {
            return List.of();
        }
        return List.of("speed="
                + new java.math.BigDecimal(speed).stripTrailingZeros().toPlainString()
                + ": the page trains at full speed (0) or at 20, 5 or 1"
                + " steps per second; the speed stays "
                + ControlPanel.speedLabel(session.speed()).toLowerCase(java.util.Locale.ROOT)
                + ".");
    }

    /** The settings a link or file reproduces: the form's, and the speed. */
    private PlaygroundConfig currentConfig() {
        return new PlaygroundConfig(session.spec(), session.speed());
    }

    /** Gives the session settings from a link or a file, as if typed into the form. */
    private void applyConfig(PlaygroundConfig config) {
        if (ControlPanel.SPEEDS.contains(config.speed())) {
            session.setSpeed(config.speed());
        }
        if (!config.run().equals(session.spec())) {
            List<Limits.Problem> problems = new ArrayList<>();
            boolean askedBefore = session.settingsPending();
            if (session.apply(config.run(), problems) == PlaygroundSession.Applied.PENDING
                    && !askedBefore) {
                new ResetDialog(() -> act(session::reset)).open();
            }
            if (!problems.isEmpty()) {
                settings.showProblems(problems);
            }
        }
        settings.showSettings(session.spec());
        refresh();
    }

    /**
     * Applies {@code hide}, {@code lock} and {@code autostart} from the URL: a course page
     * shows only what its exercise is about.
     *
     * @return a sentence for each value that names nothing
     */
    private List<String> applyPageOptions() {
        List<String> notices = new ArrayList<>();
        for (String option : List.of("hide", "lock")) {
            String value = pageOptions.get(option);
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String name = part.trim().toLowerCase(java.util.Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!hideOrLock(option.equals("hide"), name)) {
                    notices.add(option + "=" + part.trim() + ": there is no part called \""
                            + part.trim() + "\"; choose from " + String.join(", ", PARTS)
                            + ".");
                }
            }
        }
        String autostart = pageOptions.get("autostart");
        if (autostart != null && !List.of("1", "0", "true", "false").contains(autostart)) {
            notices.add("autostart=" + autostart + ": use autostart=1 to start training when"
                    + " the page opens.");
        }
        return notices;
    }

    /** Everything a course page can hide or lock. */
    static final List<String> PARTS = java.util.stream.Stream.of(
                    SettingsPanel.SECTIONS,
                    ControlPanel.PARTS,
                    List.of("settings", "step-view", "charts", "learned", "code"))
            .flatMap(List::stream)
            .toList();

    private boolean hideOrLock(boolean hide, String name) {
        if (SettingsPanel.SECTIONS.contains(name)) {
            if (hide) {
                settings.hideSection(name);
            } else {
                settings.lockSection(name);
            }
        } else if (ControlPanel.PARTS.contains(name)) {
            if (hide) {
                controls.hidePart(name);
            } else {
                controls.lockPart(name);
            }
        } else {
            var component = switch (name) {
                case "settings" -> left;
                case "step-view" -> stepView;
                case "charts" -> charts;
                case "learned" -> learned;
                case "code" -> code;
                default -> null;
            };
            if (component == null) {
                return false;
            }
            if (hide) {
                component.setVisible(false);
            } else {
                component.getElement().setEnabled(false);
            }
        }
        return true;
    }

    private static List<String> sentences(List<ConfigProperties.Notice> notices) {
        return notices.stream().map(ConfigProperties.Notice::sentence).toList();
    }

    /** Keeps the address bar and the share link on the current settings. */
    private void showUrl() {
        String query = ConfigProperties.toQuery(currentConfig());
        if (query.equals(shownQuery)) {
            return;
        }
        shownQuery = query;
        StringBuilder options = new StringBuilder();
        pageOptions.forEach((key, value) -> options.append('&')
                .append(key)
                .append('=')
                .append(java.net.URLEncoder.encode(
                        value, java.nio.charset.StandardCharsets.UTF_8)));
        String path = embedded ? "embed" : "";
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(
                        null, new Location(path, QueryParameters.fromString(query + options))));
        share.showLink(origin + "/?" + query);
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

    private VerticalLayout header() {
        H2 title = new H2("Training Playground");
        title.addClassName("page-title");
        Paragraph intro = new Paragraph("Train a real neural network on handwritten digits,"
                + " clothes or points in the plane, and watch it learn. Each step runs the loop"
                + " of the lesson: forward pass, loss, backward pass (gradients), optimizer"
                + " step.");
        intro.addClassName("page-intro");
        VerticalLayout header = new VerticalLayout(title, intro);
        header.setPadding(false);
        header.setSpacing(false);
        return header;
    }

    /**
     * Puts what the network learned where it matters most: for 2-D points the boundary is the
     * lesson and goes above the charts; for images the curves come first.
     */
    private void placeLearned(boolean first) {
        right.remove(learned);
        right.addComponentAtIndex(right.indexOf(first ? charts : stepView), learned);
    }

    private final VerticalLayout left = new VerticalLayout();

    private HorizontalLayout body() {
        right.add(
                notices, idleNote, startRefused, controls, status, charts, learned, stepView, code);
        right.setPadding(false);
        right.setWidthFull();
        left.add(settings);
        if (!embedded) {
            left.add(share);
        }
        left.setPadding(false);
        left.setSpacing(false);
        left.setWidth(null);
        HorizontalLayout body = new HorizontalLayout(left, right);
        body.setWidthFull();
        body.setAlignItems(FlexComponent.Alignment.START);
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
        // The share link needs the address the browser sees (a proxy may stand in front).
        ui.getPage().fetchCurrentURL(url -> {
            origin = url.getProtocol() + "://" + url.getAuthority();
            shownQuery = null;
            showUrl();
        });
        // Redraw from the start of the history: this may be a reload of a running session.
        shownHistory = null;
        refresh();
        link.attached(ui);
        Runnable push = () -> {
            if (link.closeIfUnreachable() || !link.mayPush()) {
                return; // nothing is computed or queued for a client that cannot take it
            }
            if (session.version() != shownVersion || restDeferred) {
                try {
                    ui.access(this::refresh);
                } catch (UIDetachedException closedMeanwhile) {
                    // The tab went away between two pushes; onDetach stops them.
                }
            }
        };
        // A click on Start or Pause is answered before the run changes state (on the training
        // thread), so without this the change would wait for the next periodic push. This
        // push carries the status, buttons and charts only: a pause also rebuilds the step
        // view (about 500 elements), which would hold the status back in a busy browser.
        Runnable promptPush = () -> {
            try {
                ui.access(this::refreshStatusAndCharts);
            } catch (UIDetachedException closedMeanwhile) {
                // As above.
            }
        };
        var timer = Services.get().pushTimer();
        pushTask = timer.scheduleAtFixedRate(
                push, PUSH_INTERVAL_MS, PUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        stopPromptPushes = session.watchPromptChanges(() -> {
            try {
                timer.execute(promptPush);
            } catch (RejectedExecutionException serverStopping) {
                // No more pushes: the server is shutting down.
            }
        });
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
        if (stopPromptPushes != null) {
            stopPromptPushes.run();
            stopPromptPushes = null;
        }
        if (pushTask != null) {
            pushTask.cancel(false);
            pushTask = null;
        }
        if (embedded) {
            // A frame's playground lives as long as the frame shows it.
            UserSessions.endFrame(detachEvent.getUI(), session);
        }
    }

    /** Brings everything on the page up to date with the session (UI thread). */
    void refresh() {
        refresh(true);
    }

    /** The status, the buttons and the charts only; the rest follows with the next push. */
    private void refreshStatusAndCharts() {
        refresh(false);
    }

    private void refresh(boolean everything) {
        shownVersion = session.version();
        MetricsHistory history = session.history();
        if (history != shownHistory) {
            shownHistory = history;
            stepCursor = 0;
            evalCursor = 0;
            charts.clear(session.parameterNames());
            settings.showSettings(session.spec());
        }
        // Status first: once it says paused, every step before the pause is in the history.
        var snapshot = session.status();
        MetricsHistory.StepSeries steps = history.stepsSince(stepCursor);
        MetricsHistory.EvalSeries evals = history.evaluationsSince(evalCursor);
        stepCursor = steps.end();
        evalCursor = evals.end();
        charts.append(steps, evals);
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
        showUrl();
        code.show(currentConfig());
        Dataset data = session.dataset();
        if (data != learned.shownDataset()) {
            learned.showDataset(data, session::classify);
            placeLearned(data instanceof PointDataset);
        }
        learned.update(session.latestPredictions(), session.latestBoundary());
        StepDetail detail = session.latestDetail();
        // Rebuilding the step view is most of a push (about 130 KB: images, tables, 64 bars).
        // At full speed it waits for the pause; slowed down it follows at most once a second,
        // which is every step at 1 step/s, the pace it is read at.
        boolean running = snapshot.state() == RunState.RUNNING;
        long now = System.nanoTime();
        boolean due = !running
                || (session.speed() > 0 && now - stepViewShownNanos >= STEP_VIEW_INTERVAL_NANOS);
        if (detail != shownDetail && due) {
            shownDetail = detail;
            stepViewShownNanos = now;
            stepView.show(detail, session.runSpec());
        }
    }

    /** The playground this page shows (its frame's own when embedded). */
    PlaygroundSession session() {
        return session;
    }

    ChartsPanel charts() {
        return charts;
    }
}
