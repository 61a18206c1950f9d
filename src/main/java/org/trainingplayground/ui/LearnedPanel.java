package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;

import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.ui.draw.Classifier;
import org.trainingplayground.ui.draw.DrawPanel;
import org.trainingplayground.ui.learned.ConfusionMatrixChart;
import org.trainingplayground.ui.learned.DatasetPreview;
import org.trainingplayground.ui.learned.DecisionBoundaryChart;
import org.trainingplayground.ui.learned.PredictionGallery;

/**
 * What the network learned, in pictures that fit the data: the decision boundary for 2-D
 * points; for images, the test images with their predictions, the confusion matrix and a pad to
 * draw on. It only shows what the view hands it.
 */
@CssImport("./styles/panels.css")
class LearnedPanel extends Composite<Div> {

    private Dataset shownDataset;
    private DecisionBoundaryChart boundary;
    private PredictionGallery gallery;
    private ConfusionMatrixChart confusion;
    private DrawPanel draw;
    private TestPredictions shownPredictions;

    LearnedPanel() {
        Div root = getContent();
        root.setId("learned");
        root.setWidthFull();
    }

    /** Shows the panels for {@code data}; a new run on the same data starts them afresh. */
    void showDataset(Dataset data, Classifier classifier) {
        Div root = getContent();
        root.removeAll();
        shownDataset = data;
        shownPredictions = null;
        boundary = null;
        gallery = null;
        confusion = null;
        draw = null;
        Details preview =
                new Details("The data: a few samples of each class", DatasetPreview.of(data));
        preview.setId("dataset-preview-details");
        preview.setWidthFull();
        if (data instanceof PointDataset points) {
            boundary = new DecisionBoundaryChart(points);
            // The boundary chart already draws every point, so the preview starts closed.
            root.add(boundary, preview);
        } else if (data instanceof ImageDataset images) {
            gallery = new PredictionGallery(images);
            confusion = new ConfusionMatrixChart(images.classNames());
            draw = new DrawPanel(images.classNames(), classifier);
            if (!"mnist".equals(images.name())) {
                draw.setSubject("a piece of clothing");
            }
            // Seeing the images first tells a student what the ten classes look like.
            preview.setOpened(true);
            root.add(preview, gallery, row(confusion, draw));
        }
    }

    /** The dataset shown, to tell when the view must call {@link #showDataset} again. */
    Dataset shownDataset() {
        return shownDataset;
    }

    /** Brings the panels up to date; values already shown are skipped. */
    void update(TestPredictions predictions, DecisionBoundary grid) {
        if (boundary != null && grid != null) {
            boundary.show(grid);
        }
        if (predictions != null && predictions != shownPredictions) {
            shownPredictions = predictions;
            if (gallery != null) {
                gallery.show(predictions);
                confusion.show(predictions);
                // The drawing's answer follows the network as it learns.
                draw.reclassify();
            }
        }
    }

    private static Div row(Component... panels) {
        Div row = new Div(panels);
        row.setWidthFull();
        row.addClassName("learned-row");
        for (Component panel : panels) {
            panel.getElement().getClassList().add("learned-part");
        }
        return row;
    }
}
