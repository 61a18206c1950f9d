package org.trainingplayground.ui.learned;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Objects;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.ui.chart.EChart;

/**
 * What a network trained on 2-D points predicts everywhere in the plane: each grid cell in the
 * colour of its predicted class (paler where the network is unsure), with the training points
 * and the test points on top.
 *
 * <p>The points are sent once per dataset; {@link #show(DecisionBoundary)} sends only the grid,
 * one small number per cell. The root element ({@code decision-boundary-chart}) carries the step
 * of the grid shown in {@code data-boundary-step}.
 */
@CssImport("./styles/panels.css")
public class DecisionBoundaryChart extends Composite<Div> {

    public static final String ID = "decision-boundary-chart";
    public static final String STEP_ATTRIBUTE = "data-boundary-step";

    private final Span status = new Span();
    private final Div classLegend = new Div();
    private final EChart chart = PointCharts.squareChart("520px");
    private PointDataset data;
    private DecisionBoundary shown;
    /** The grid geometry the option was built for; a new one needs a new option. */
    private int resolution = -1;

    private double min = Double.NaN;
    private double max = Double.NaN;

    public DecisionBoundaryChart(PointDataset data) {
        Div root = getContent();
        root.setId(ID);
        root.setWidthFull();
        root.add(header(), chart, classLegend, caption());
        setDataset(data);
    }

    /** Starts over with another dataset (or the same one for a new run): points, no grid. */
    public void setDataset(PointDataset data) {
        this.data = Objects.requireNonNull(data, "data");
        double[] bounds = data.bounds();
        setGeometry(1, bounds[0], bounds[1]);
        for (int c = 0; c < data.classes(); c++) {
            chart.setSeriesData(
                    trainingSeries(c),
                    PointCharts.pointSeriesData(data.trainPoints(), data.trainLabels(), c));
            chart.setSeriesData(
                    testSeries(c),
                    PointCharts.pointSeriesData(data.testPoints(), data.testLabels(), c));
        }
        ClassLegend.fill(classLegend, data.classNames());
        clear();
    }

    /** Removes the grid, e.g. when a run is reset; the points stay. */
    public void clear() {
        shown = null;
        chart.setGridValues(0, 1, new int[] {-1});
        status.setText("No prediction yet.");
        getElement().removeAttribute(STEP_ATTRIBUTE);
    }

    /**
     * Shows what the network predicts over the grid; the grid's bounds are normally the
     * dataset's {@link PointDataset#bounds()}.
     */
    public void show(DecisionBoundary boundary) {
        if (boundary == null || boundary == shown) {
            return;
        }
        shown = boundary;
        if (boundary.resolution() != resolution || boundary.min() != min || boundary.max() != max) {
            setGeometry(boundary.resolution(), boundary.min(), boundary.max());
        }
        chart.setGridValues(0, boundary.resolution(), shades(boundary, data.classes()));
        status.setText(
                boundary.step() == 0
                        ? "The untrained network's guess (step 0)."
                        : String.format(Locale.ROOT, "After step %,d.", boundary.step()));
        getElement().setAttribute(STEP_ATTRIBUTE, Long.toString(boundary.step()));
    }

    /** The step of the grid shown, or -1 when none is. */
    public long shownStep() {
        return shown == null ? -1 : shown.step();
    }

    EChart chart() {
        return chart;
    }

    /**
     * Each cell's colour number: {@code class * levels + confidence level}, where the level
     * spreads the confidence from a pure guess (1 / classes) to certainty (1) evenly.
     */
    static int[] shades(DecisionBoundary boundary, int classes) {
        int levels = PointCharts.CONFIDENCE_LEVELS;
        double guess = 1.0 / Math.max(2, classes);
        int[] values = new int[boundary.predicted().length];
        for (int i = 0; i < values.length; i++) {
            double sure = (boundary.confidence()[i] - guess) / (1 - guess);
            int level = (int) Math.floor(Math.max(0, Math.min(1, sure)) * levels);
            values[i] = boundary.predicted()[i] * levels + Math.min(levels - 1, level);
        }
        return values;
    }

    private void setGeometry(int resolution, double min, double max) {
        this.resolution = resolution;
        this.min = min;
        this.max = max;
        chart.setOption(PointCharts.boundaryOption(data, min, max, resolution));
    }

    private int trainingSeries(int cls) {
        return 1 + cls;
    }

    private int testSeries(int cls) {
        return 1 + data.classes() + cls;
    }

    private Div header() {
        H3 title = new H3("Decision boundary");
        status.addClassName("panel-summary");
        Div header = new Div(title, status);
        header.addClassName("panel-header");
        return header;
    }

    private static Paragraph caption() {
        return ClassLegend.caption("The background shows the class the network predicts at"
                + " each place of the plane: the boundary is where the colour changes, and pale"
                + " colour means the network is unsure. Dots are the training points it learns"
                + " from; hollow diamonds are test points it never trains on.");
    }
}
