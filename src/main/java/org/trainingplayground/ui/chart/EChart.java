package org.trainingplayground.ui.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chart drawn in the browser by Apache ECharts, fed incrementally from the server.
 *
 * <p>The server describes the chart once with {@link #setOption(String)} (a complete ECharts
 * option as JSON) and then only streams new points with {@link #appendPoints(double[],
 * double[][])}. The browser keeps the series data; this class keeps only the option text and
 * a counter, so a long-running chart costs the server almost no memory. When a page is
 * reloaded the browser-side element is new and empty: the owner of the data sends the option
 * and the history again (one large {@code appendPoints} call is fine). The same holds when
 * this component is detached and attached again in a later round trip: Flow then creates a
 * new browser element, which gets the option back by itself but not the points.
 *
 * <p>Charts whose data is replaced rather than extended (scatter plots, heatmaps) send one
 * series at a time with {@link #setSeriesData(int, String)} or, for a grid of numbers, the
 * compact {@link #setGridValues(int, int, int[])}. The last data of each such series is kept
 * here (a few kilobytes) and sent again by itself when the browser element is re-created.
 *
 * <p>The element reports how many distinct x-values it draws in its {@code data-points}
 * attribute, for browser tests and automation.
 */
@Tag("tp-echart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./echart/echart.ts")
public class EChart extends Component implements HasSize, HasStyle {

    /** x-values sent since the last clear, or since the browser element was re-created. */
    private long dataPointsSent;

    /** The part of {@link #dataPointsSent} that responses have already carried to the browser. */
    private long dataPointsDelivered;

    private boolean deliveryBookkeepingScheduled;

    /** The last replacing call per series index, to repeat on a re-created browser element. */
    private final Map<Integer, Serializable[]> replacedSeries = new TreeMap<>();

    /** Set when Flow will re-create the browser element on the next attach. */
    private boolean browserElementLost;

    /** setSeriesData and setGridValues calls so far; lets tests see what reached the wire. */
    private long seriesUpdatesSent;

    /**
     * Creates an empty chart; it draws nothing until {@link #setOption(String)} is called. It
     * is full width and at least 240 px high unless sized otherwise ({@link HasSize}).
     */
    public EChart() {}

    /**
     * Replaces the whole chart description.
     *
     * <p>Sends {@code optionJson} unchanged as the element property {@code optionJson}; the
     * browser parses it with {@code JSON.parse} and applies it with {@code notMerge: true}.
     * Being a property, it is re-sent automatically whenever the element is re-created in
     * the browser. Points appended earlier are kept for series whose option has no
     * {@code data}; a series that has {@code data} in the option starts from that data. If
     * the option has a {@code tooltip} without a {@code valueFormatter}, the browser adds one
     * that shows values with four significant digits; without {@code aria}, it turns on
     * ECharts' accessible description ({@code aria: {enabled: true}}).
     *
     * @param optionJson a JSON object in ECharts option format (axes, series, tooltip...)
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public void setOption(String optionJson) {
        Objects.requireNonNull(optionJson, "optionJson");
        JsonNode option = ChartJson.requireObject(optionJson);
        // The browser starts such series from the option's data, so ours is no longer shown.
        JsonNode series = option.path("series");
        for (int i = 0; i < (series.isArray() ? series.size() : 1); i++) {
            JsonNode one = series.isArray() ? series.get(i) : series;
            if (one.has("data")) {
                replacedSeries.remove(i);
            }
        }
        getElement().setProperty("optionJson", optionJson);
    }

    /**
     * Appends new points to the series.
     *
     * <p>{@code ys[s][i]} is the y of series {@code s} (in option order) at {@code xs[i]}.
     * Sends one {@code appendPoints} call with a compact JSON string
     * {@code {"x":[1,2],"y":[[0.5,0.25],[null,0.7]]}}: integral numbers are written exactly,
     * other x-values with ten and y-values with six significant digits; NaN and infinities
     * become {@code null}, which the browser draws as a gap (a null x skips that column).
     * Nothing is kept on the server apart from {@link #getDataPointsSent()}.
     *
     * @param xs the x-values of the new points
     * @param ys one row per series, each as long as {@code xs}; may have fewer rows than the
     *     chart has series
     * @throws IllegalArgumentException if a row's length differs from {@code xs.length}
     */
    public void appendPoints(double[] xs, double[][] ys) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        for (int s = 0; s < ys.length; s++) {
            if (ys[s] == null || ys[s].length != xs.length) {
                throw new IllegalArgumentException("ys[" + s + "] has "
                        + (ys[s] == null ? "no values" : ys[s].length + " values")
                        + " but xs has " + xs.length + ".");
            }
        }
        if (xs.length == 0) {
            return;
        }
        getElement().callJsFunction("appendPoints", ChartJson.points(xs, ys));
        dataPointsSent += xs.length;
        scheduleDeliveryBookkeeping();
    }

    /**
     * Removes all points from all series (for a reset); the option stays.
     *
     * <p>Sends one {@code clearPoints} call and sets {@link #getDataPointsSent()} back to 0.
     */
    public void clearPoints() {
        getElement().callJsFunction("clearPoints");
        replacedSeries.clear();
        dataPointsSent = 0;
        dataPointsDelivered = 0;
    }

    /**
     * Replaces the data of one series, e.g. the points of a scatter series.
     *
     * <p>Sends one {@code setSeriesData} call with {@code dataJson} unchanged; the browser
     * parses it with {@code JSON.parse} and merges only this series' data into the chart, so
     * the other series are not sent or redrawn from scratch. Kept until replaced, cleared
     * ({@link #clearPoints()}) or overridden by an option with data for this series.
     *
     * @param seriesIndex the series in option order, from 0
     * @param dataJson a JSON array in ECharts data format, e.g. {@code [[0.5,1.25],[2,3]]}
     * @throws IllegalArgumentException if the index is negative or the text is not a JSON array
     */
    public void setSeriesData(int seriesIndex, String dataJson) {
        Objects.requireNonNull(dataJson, "dataJson");
        requireSeriesIndex(seriesIndex);
        JsonNode parsed = ChartJson.parse(dataJson, "The series data");
        if (!parsed.isArray()) {
            throw new IllegalArgumentException("The series data must be a JSON array.");
        }
        replaceSeries(seriesIndex, "setSeriesData", seriesIndex, dataJson);
    }

    /**
     * Replaces the data of a heatmap series on category axes with a grid of whole numbers.
     *
     * <p>Value {@code i} belongs to the cell in column {@code i % columns} and row
     * {@code i / columns}; the browser turns it into the item {@code [column, row, value]}.
     * Negative values leave their cell empty. Only the numbers travel, in one
     * {@code setGridValues} call: a 50 × 50 grid of small numbers is about 6 KB.
     *
     * @param seriesIndex the series in option order, from 0
     * @param columns cells per row
     * @param values row after row, row 0 first; a whole number of rows
     * @throws IllegalArgumentException if the index is negative or the values do not fill whole
     *     rows
     */
    public void setGridValues(int seriesIndex, int columns, int[] values) {
        Objects.requireNonNull(values, "values");
        requireSeriesIndex(seriesIndex);
        if (columns <= 0 || values.length % columns != 0) {
            throw new IllegalArgumentException("A grid of " + values.length
                    + " values cannot be split into rows of " + columns + " columns.");
        }
        StringBuilder json = new StringBuilder(3 * values.length + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(values[i] < 0 ? "null" : Integer.toString(values[i]));
        }
        replaceSeries(
                seriesIndex,
                "setGridValues",
                seriesIndex,
                columns,
                json.append(']').toString());
    }

    /** How many {@code setSeriesData} and {@code setGridValues} calls were sent so far. */
    public long getSeriesUpdatesSent() {
        return seriesUpdatesSent;
    }

    private void replaceSeries(int seriesIndex, String function, Serializable... arguments) {
        replacedSeries.put(seriesIndex, prepend(function, arguments));
        getElement().callJsFunction(function, arguments);
        seriesUpdatesSent++;
    }

    private static Serializable[] prepend(String function, Serializable[] arguments) {
        Serializable[] call = new Serializable[arguments.length + 1];
        call[0] = function;
        System.arraycopy(arguments, 0, call, 1, arguments.length);
        return call;
    }

    private static void requireSeriesIndex(int seriesIndex) {
        if (seriesIndex < 0) {
            throw new IllegalArgumentException(
                    "A series index counts from 0; " + seriesIndex + " is not one.");
        }
    }

    /**
     * How many x-values {@link #appendPoints} has sent since this component was created or
     * last cleared, i.e. how many the browser element holds or is about to receive. Lets tests
     * without a browser check what reached the wire.
     *
     * <p>After a detach that lasts past the end of a round trip, Flow re-creates the browser
     * element empty: the count then drops to the points not yet delivered (usually 0), which
     * tells the owner to send the history again.
     */
    public long getDataPointsSent() {
        return dataPointsSent;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        UI ui = detachEvent.getUI();
        // Decided at the end of the round trip: a component moved within one round trip keeps
        // its browser element (and points); one still detached then loses it. Calls not yet
        // delivered stay queued by Flow and go to the re-created element.
        ui.beforeClientResponse(ui, context -> {
            if (!isAttached()) {
                dataPointsSent -= dataPointsDelivered;
                dataPointsDelivered = 0;
                browserElementLost = true;
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (browserElementLost) {
            browserElementLost = false;
            // The new element got the option back as a property, but not the replaced data.
            for (Serializable[] call : replacedSeries.values()) {
                Serializable[] arguments = new Serializable[call.length - 1];
                System.arraycopy(call, 1, arguments, 0, arguments.length);
                getElement().callJsFunction((String) call[0], arguments);
            }
        }
    }

    /** Marks what was sent so far as delivered once a response carries it to the browser. */
    private void scheduleDeliveryBookkeeping() {
        if (deliveryBookkeepingScheduled) {
            return;
        }
        deliveryBookkeepingScheduled = true;
        // Runs with the response that includes our calls; if the chart is detached then,
        // Flow postpones it until the chart is attached again, as it does with the calls.
        getElement()
                .getNode()
                .runWhenAttached(ui -> ui.beforeClientResponse(this, context -> {
                    deliveryBookkeepingScheduled = false;
                    dataPointsDelivered = dataPointsSent;
                }));
    }
}
