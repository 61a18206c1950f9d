package org.trainingplayground.ui.learned;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.ui.chart.EChart;

/**
 * What the network will learn from, before any training: for images a few training samples of
 * every class, one row per class; for points the training points in their class colours.
 */
@CssImport("./styles/panels.css")
public class DatasetPreview extends Composite<Div> {

    public static final String ID = "dataset-preview";

    /** Samples per class row: enough to show how differently one class can look. */
    static final int SAMPLES_PER_CLASS = 6;

    private final Span summary = new Span();
    private final Div body = new Div();

    public DatasetPreview() {
        Div root = getContent();
        root.setId(ID);
        root.setWidthFull();
        H3 title = new H3("The training data");
        summary.setId("dataset-preview-summary");
        summary.addClassName("panel-summary");
        Div header = new Div(title, summary);
        header.addClassName("panel-header");
        root.add(header, body);
    }

    public static DatasetPreview of(Dataset data) {
        DatasetPreview preview = new DatasetPreview();
        preview.show(data);
        return preview;
    }

    /** Shows {@code data} instead of what was shown. */
    public void show(Dataset data) {
        body.removeAll();
        summary.setText(String.format(
                Locale.ROOT,
                "%s: %,d training and %,d test samples in %d classes",
                data.name(),
                data.trainSize(),
                data.testSize(),
                data.classes()));
        if (data instanceof ImageDataset images) {
            body.add(imageRows(images));
        } else if (data instanceof PointDataset points) {
            body.add(pointChart(points));
        }
    }

    private static Component imageRows(ImageDataset data) {
        SampleImages images = new SampleImages(data.trainImages());
        Div rows = new Div();
        rows.addClassName("dataset-preview-rows");
        for (int c = 0; c < data.classes(); c++) {
            Span name = new Span(data.classNames().get(c));
            name.addClassName("dataset-preview-class");
            rows.add(name, samplesOf(data, c, images));
        }
        return new Div(
                rows,
                ClassLegend.caption("The first " + SAMPLES_PER_CLASS
                        + " training images of each class, one row per class: the network sees only"
                        + " the pixels and must learn the name on the left."));
    }

    private static Div samplesOf(ImageDataset data, int cls, SampleImages images) {
        Div row = new Div();
        row.addClassName("dataset-preview-row");
        row.addClassName("dataset-preview-row");
        int[] labels = data.trainLabels();
        for (int i = 0, shown = 0; i < labels.length && shown < SAMPLES_PER_CLASS; i++) {
            if (labels[i] == cls) {
                Image image = new Image(
                        images.dataUrl(i),
                        "a training image of " + data.classNames().get(cls));
                image.setWidth("40px");
                image.setHeight("40px");
                image.addClassName("dataset-preview-image");
                row.add(image);
                shown++;
            }
        }
        return row;
    }

    private static Component pointChart(PointDataset data) {
        EChart chart = PointCharts.squareChart("400px");
        chart.setOption(PointCharts.previewOption(data));
        for (int c = 0; c < data.classes(); c++) {
            chart.setSeriesData(
                    c, PointCharts.pointSeriesData(data.trainPoints(), data.trainLabels(), c));
        }
        Div wrapper = new Div(
                chart,
                ClassLegend.caption("Each dot is one training point, in"
                        + " the colour of its class: the network must learn to tell the colours apart"
                        + " from the position (x1, x2) alone."));
        return wrapper;
    }
}
