package org.trainingplayground.ui.history;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.trainingplayground.Services;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.Race;
import org.trainingplayground.ui.UserSessions;
import org.trainingplayground.ui.chart.EChart;

/**
 * {@code /race?a=<settings>&b=…}: two to four optimizers (or learning rates) trained side by
 * side on the same data, seed and network, drawn live on one pair of charts, with a one-line
 * verdict when all have finished. Each lane is a run of its own, kept in the learner's history.
 */
@Route("race")
@PageTitle("Optimizer race · Training Playground")
@CssImport("./styles/history.css")
public class RaceView extends Main implements BeforeEnterObserver {

    private static final long PUSH_MS = 500;

    private final EChart loss = RunView.chart("race-loss-chart", "{}");
    private final EChart accuracy = RunView.chart("race-accuracy-chart", "{}");
    private final Paragraph verdict = new Paragraph();
    private final Paragraph refusal = new Paragraph();
    private final Button start = new Button("Start the race");
    private final Button pause = new Button("Pause");
    private RaceLanes lanes;
    private Race race;
    private ScheduledFuture<?> pushes;

    public RaceView() {
        addClassName("history-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        endRace();
        removeAll();
        add(new H1("Optimizer race"));
        add(new Paragraph("The same data, seed and network, trained side by side with"
                + " different optimizers or learning rates. Each lane takes its turns on the"
                + " server like any run, so the race is fair, and each is kept in your runs."));
        Anchor back = new Anchor("./", "Back to the playground");
        back.setId("playground-link");
        RaceEntries.Reading entries = RaceEntries.read(
                event.getLocation().getQueryParameters(),
                UserSessions.existing().map(PlaygroundSession::spec).orElse(RunSpec.lesson()));
        if (entries.problem() != null) {
            add(sentence("race-problem", entries.problem()), back);
            return;
        }
        entries.notices().forEach(notice -> add(sentence(null, notice)));
        lanes = new RaceLanes(entries.names(), entries.specs());
        start.setId("race-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The lanes' runs are built at the first Start, not when the page opens: a script that
        // fetches the address without running the page builds nothing.
        start.addClickListener(e -> startRace(entries));
        pause.setId("race-pause");
        pause.setEnabled(false);
        pause.addClickListener(e -> {
            race.pause();
            refresh();
        });
        refusal.setId("race-refused");
        refusal.addClassName("history-problem");
        verdict.setId("race-verdict");
        verdict.addClassName("race-verdict");
        verdict.getElement().setAttribute("role", "status");
        Div controls = new Div(start, pause, back);
        controls.addClassName("history-actions");
        Div charts = new Div(loss, accuracy);
        charts.addClassName("history-charts");
        add(lanes.table(), controls, refusal, verdict, charts);
        loss.setOption(lanes.lossOption());
        accuracy.setOption(lanes.accuracyOption());
        String drawn = Integer.toString(entries.specs().size());
        loss.getElement().setAttribute("data-series", drawn);
        accuracy.getElement().setAttribute("data-series", drawn);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        pushes = Services.get()
                .pushTimer()
                .scheduleAtFixedRate(
                        () -> {
                            try {
                                ui.access(this::refresh);
                            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                                // The tab went away; onDetach ends the race.
                            }
                        },
                        PUSH_MS,
                        PUSH_MS,
                        TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (pushes != null) {
            pushes.cancel(false);
            pushes = null;
        }
        endRace();
    }

    private void startRace(RaceEntries.Reading entries) {
        if (race == null) {
            try {
                race = UserSessions.newRace(entries.names(), entries.specs());
            } catch (IllegalArgumentException refused) {
                refusal.setText(refused.getMessage());
                return;
            }
        }
        String why = race.start();
        refusal.setText(why == null ? "" : why);
        refresh();
    }

    private void refresh() {
        if (race == null) {
            return;
        }
        lanes.refresh(race, loss, accuracy);
        boolean over = race.over();
        start.setEnabled(!over && !RaceLanes.anyTraining(race));
        pause.setEnabled(RaceLanes.anyTraining(race));
        String line = race.verdict();
        verdict.setText(line == null ? "" : line);
    }

    /** The lanes' runs end with the page (they stay in the history as kept so far). */
    private void endRace() {
        if (race != null) {
            race.close();
            race = null;
        }
    }

    private static Paragraph sentence(String id, String text) {
        Paragraph sentence = new Paragraph(text);
        if (id != null) {
            sentence.setId(id);
        }
        sentence.addClassName("history-problem");
        return sentence;
    }
}
