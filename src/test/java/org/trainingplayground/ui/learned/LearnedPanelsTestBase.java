package org.trainingplayground.ui.learned;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.trainingplayground.core.data.Datasets;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.TestPredictions;

/** A page without a session or engine, and the plain values the panels are given. */
abstract class LearnedPanelsTestBase {

    private static ImageDataset mnist;

    @BeforeEach
    void openPage() {
        MockVaadin.setup();
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    static <T extends Component> T onPage(T component) {
        UI.getCurrent().add(component);
        return component;
    }

    static synchronized ImageDataset mnist() {
        if (mnist == null) {
            mnist = Datasets.mnist(Path.of("datasets"));
        }
        return mnist;
    }

    /** Three classes of points on a line: class = which third of [0, 3) the x falls in. */
    static PointDataset threeStripes() {
        return new PointDataset(
                "stripes",
                new float[] {0.5f, 0, 1.5f, 1, 2.5f, 2, 0.2f, 2.5f},
                new int[] {0, 1, 2, 0},
                new float[] {1.2f, 0.3f, 2.8f, 1.1f},
                new int[] {1, 2},
                List.of("left", "middle", "right"));
    }

    /**
     * Predictions for {@code labels}: sample {@code i} is answered correctly unless {@code wrong}
     * says otherwise (then the next class), with probability 0.7 for the answer.
     */
    static TestPredictions predictions(
            long step,
            int epoch,
            int classes,
            int[] labels,
            java.util.function.IntPredicate wrong) {
        int[] predicted = new int[labels.length];
        float[] probabilities = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            predicted[i] = wrong.test(i) ? (labels[i] + 1) % classes : labels[i];
            for (int c = 0; c < classes; c++) {
                probabilities[i * classes + c] = 0.3f / (classes - 1);
            }
            probabilities[i * classes + predicted[i]] = 0.7f;
        }
        return new TestPredictions(step, epoch, classes, labels, predicted, probabilities);
    }

    /** A component below {@code root} by id, shown or hidden (Karibu's lookups skip hidden). */
    static Optional<Component> byId(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren()
                .map(child -> byId(child, id))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
