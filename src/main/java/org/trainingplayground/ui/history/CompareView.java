package org.trainingplayground.ui.history;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.trainingplayground.Services;
import org.trainingplayground.core.store.RunStart;
import org.trainingplayground.core.store.StoredRun;
import org.trainingplayground.ui.UserSessions;
import org.trainingplayground.ui.chart.EChart;

/**
 * Two to eight of the learner's runs overlaid: training loss (smoothed) and test accuracy by
 * step, epoch or time, and their settings side by side.
 */
@Route("compare")
@PageTitle("Compare runs · Training Playground")
@CssImport("./styles/history.css")
public class CompareView extends Main implements BeforeEnterObserver {

    /** The longest {@code runs} value read: eight ids and their commas, with room to spare. */
    private static final int LONGEST_QUERY = 400;

    private final EChart loss = RunView.chart("compare-loss-chart", "{}");
    private final EChart accuracy = RunView.chart("compare-accuracy-chart", "{}");
    private final Div settings = new Div();
    private List<StoredRun> runs = List.of();
    private List<String> names = List.of();
    private HistoryCharts.XAxis x = HistoryCharts.XAxis.STEP;
    private boolean differencesOnly = true;

    public CompareView() {
        addClassName("history-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Compare runs"));
        Anchor back = new Anchor("runs", "All your runs");
        back.setId("runs-link");
        String query = event.getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault("runs", List.of(""))
                .get(0);
        List<String> ids = ids(query);
        String problem = query.length() > LONGEST_QUERY
                ? "This address names too many runs; compare at most " + RunsView.MOST_COMPARED
                        + " at once."
                : ids.size() < 2 || ids.size() > RunsView.MOST_COMPARED
                        ? "Choose two to eight runs to compare, on the page of your runs."
                        : null;
        if (problem == null) {
            try {
                runs = ids.stream()
                        .map(id ->
                                Services.get().history().store().run(UserSessions.learnerId(), id))
                        .flatMap(java.util.Optional::stream)
                        .toList();
            } catch (RuntimeException unreachable) {
                add(HistoryTexts.unavailable(), back);
                return;
            }
            int missing = ids.size() - runs.size();
            if (runs.size() < 2) {
                problem = "These runs are not in your history (a run belongs to the browser that"
                        + " trained it), so there is nothing to compare.";
            } else if (missing > 0) {
                add(sentence(
                        "compare-missing",
                        missing + (missing == 1 ? " run is" : " runs are")
                                + " not in your history and left out."));
            }
        }
        if (problem != null) {
            add(sentence("compare-problem", problem), back);
            return;
        }
        names = names(runs);
        add(back, controls(), loss, accuracy, new H2("Settings"), settings);
        draw();
    }

    private static List<String> ids(String query) {
        if (query.length() > LONGEST_QUERY) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(query.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .toList()));
    }

    /** {@code A: SGD 0.05}: a letter per run, and what one usually races (optimizer, rate). */
    private static List<String> names(List<StoredRun> runs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunStart start = runs.get(i).summary().start();
            names.add((char) ('A' + i) + ": " + start.optimizer() + " "
                    + HistoryTexts.number(start.learningRate()));
        }
        return names;
    }

    private Div controls() {
        RadioButtonGroup<HistoryCharts.XAxis> axis = new RadioButtonGroup<>("x-axis");
        axis.setId("compare-x");
        axis.setItems(HistoryCharts.XAxis.values());
        axis.setItemLabelGenerator(value -> switch (value) {
            case STEP -> "by step";
            case EPOCH -> "by epoch";
            case TIME -> "by time (seconds)";
        });
        axis.setValue(x);
        axis.addValueChangeListener(e -> {
            x = e.getValue();
            draw();
        });
        Checkbox differences = new Checkbox("Settings: differences only", differencesOnly);
        differences.setId("compare-differences-only");
        differences.addValueChangeListener(e -> {
            differencesOnly = e.getValue();
            draw();
        });
        Div controls = new Div(axis, differences);
        controls.addClassName("history-actions");
        return controls;
    }

    private void draw() {
        loss.setOption(HistoryCharts.comparedLoss(runs, names, x));
        accuracy.setOption(HistoryCharts.comparedAccuracy(runs, names, x));
        String drawn = Integer.toString(runs.size());
        loss.getElement().setAttribute("data-series", drawn);
        accuracy.getElement().setAttribute("data-series", drawn);
        List<Map<String, String>> values = runs.stream()
                .map(run -> (Map<String, String>)
                        HistoryTexts.settingValues(run.summary().start()))
                .toList();
        settings.removeAll();
        var table = SettingsTable.sideBySide(names, values, differencesOnly);
        table.setId("compare-settings");
        settings.add(table);
    }

    private static Paragraph sentence(String id, String text) {
        Paragraph sentence = new Paragraph(text);
        sentence.setId(id);
        sentence.addClassName("history-problem");
        return sentence;
    }
}
