package org.trainingplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.Services;
import org.trainingplayground.core.Limits;
import org.trainingplayground.core.RunState;
import org.trainingplayground.core.StepDetail;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.session.MetricsHistory;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.ui.settings.ResetDialog;

/**
 * The playground: settings and buttons on the left, status and live charts on the right. Metrics
 * reach the page a few times per second by server push, many training steps per update.
 */
@Route("")
@PageTitle("Training Playground")
public class PlaygroundView extends VerticalLayout {

    /** How often new metrics are pushed to the browser. */
    static final long PUSH_INTERVAL_MS = 250;

    private final PlaygroundSession session;
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

    public PlaygroundView() {
        session = UserSessions.current();
        setSizeFull();
        add(header(), body());
        wireControls();
        wireSettings();
        settings.showSettings(session.spec());
        refresh();
    }

    /** The buttons that drive the run. */
    private void wireControls() {
        controls.addStartListener(e -> act(session::start));
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
                case REBUILT, LIVE -> { }
            }
            refresh();
        });
    }

    private VerticalLayout header() {
        H2 title = new H2("Training Playground");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("Train a real neural network on handwritten digits,"
                + " clothes or points in the plane, and watch it learn. Each step runs the loop"
                + " of the lesson: forward pass, loss, backward pass (gradients), optimizer"
                + " step.");
        intro.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
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

    private HorizontalLayout body() {
        right.add(controls, status, charts, learned, stepView);
        right.setPadding(false);
        right.setWidthFull();
        HorizontalLayout body = new HorizontalLayout(settings, right);
        body.setWidthFull();
        body.setAlignItems(FlexComponent.Alignment.START);
        return body;
    }

    private void act(Runnable action) {
        action.run();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        // Redraw from the start of the history: this may be a reload of a running session.
        shownHistory = null;
        refresh();
        pushTask = Services.get().pushTimer().scheduleAtFixedRate(() -> {
            if (session.version() != shownVersion) {
                try {
                    ui.access(this::refresh);
                } catch (UIDetachedException closedMeanwhile) {
                    // The tab went away between two ticks; onDetach cancels this task.
                }
            }
        }, PUSH_INTERVAL_MS, PUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (pushTask != null) {
            pushTask.cancel(false);
            pushTask = null;
        }
    }

    /** Brings status, buttons and charts up to date with the session (UI thread). */
    void refresh() {
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
        controls.showState(snapshot.state(), settings.isValid(), session.settingsPending());
        controls.showOptions(session.speed(), session.zeroGrad());
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
        boolean due = !running || (session.speed() > 0
                && now - stepViewShownNanos >= STEP_VIEW_INTERVAL_NANOS);
        if (detail != shownDetail && due) {
            shownDetail = detail;
            stepViewShownNanos = now;
            stepView.show(detail, session.runSpec());
        }
    }

    ChartsPanel charts() {
        return charts;
    }
}
