package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.ui.autograd.AutogradGraphView;

/** The autograd view in the JVM: the run's graph, backward after a step, the example. */
class AutogradViewTest extends BrowserlessTest {

    @BeforeEach
    void waitForTheRun() {
        eventually().until(() -> session().state() == RunState.PAUSED);
    }

    private static AutogradGraphView graph() {
        return _get(AutogradGraphView.class);
    }

    private static float[] values(String id) {
        String[] text = _get(Span.class, s -> s.withId(id))
                .getElement()
                .getAttribute("data-values")
                .split(",");
        float[] values = new float[text.length];
        for (int i = 0; i < text.length; i++) {
            values[i] = Float.parseFloat(text[i]);
        }
        return values;
    }

    @Test
    void theGraphFollowsTheRunsLossAndLayers() {
        assertEquals("NllLossBackward0", graph().shownGraph().loss().name());
        int lessonNodes = graph().shownGraph().nodes().size();
        assertTrue(graph().getElement().getProperty("graph").contains("\"LogSoftmaxBackward0\""));

        @SuppressWarnings("unchecked")
        Select<LossKind> loss = _get(Select.class, s -> s.withId("loss-function"));
        _setValue(loss, LossKind.MSE);
        assertEquals("MseLossBackward0", graph().shownGraph().loss().name());
        assertTrue(graph().getElement().getProperty("graph").contains("one-hot targets"));

        UI.getCurrent()
                .navigate("", QueryParameters.simple(Map.of("layers", "128-relu,64-relu,32-tanh")));
        assertTrue(graph().shownGraph().operationNames().contains("TanhBackward0"));
        assertEquals(
                lessonNodes + 4,
                graph().shownGraph().nodes().size(),
                "a layer adds weight, bias, transpose, addmm, activation; MSE has no LogSoftmax");
    }

    @Test
    void afterAStepTheBackwardPassCarriesThatStepsGradientNorms() {
        assertEquals("", graph().getElement().getProperty("backward"), "no .grad before a step");
        eventually().until(() -> {
            view().refresh();
            return button("autograd-step").isEnabled();
        });
        _click(button("autograd-step"));
        eventually().until(() -> {
            view().refresh();
            return graph().getElement().getProperty("backward").contains("\"step\":1");
        });
        String backward = graph().getElement().getProperty("backward");
        float first = session().latestDetail().gradNorms()[0];
        assertTrue(
                backward.contains(Float.toString(first)),
                backward + " has ‖fc1.weight.grad‖ " + first);
    }

    @Test
    void theExampleShowsXGradEqualToXOverTwoAndANewXOnRequest() {
        eventually()
                .until(() -> !_find(Span.class, s -> s.withId("autograd-grad")).isEmpty());
        float[] x = values("autograd-x");
        float[] half = new float[4];
        for (int i = 0; i < 4; i++) {
            half[i] = x[i] / 2;
        }
        assertArrayEquals(half, values("autograd-grad"), 1e-6f);
        assertArrayEquals(half, values("autograd-half"), 1e-6f);
        assertTrue(_get(
                        com.vaadin.flow.component.html.Paragraph.class,
                        s -> s.withId("autograd-example-why"))
                .getText()
                .startsWith("x.grad equals x / 2"));

        _click(button("autograd-example-new"));
        eventually().until(() -> !Arrays.equals(x, values("autograd-x")));
        assertNotEquals(Arrays.toString(x), Arrays.toString(values("autograd-x")));
        assertArrayEquals(
                new float[] {values("autograd-x")[0] / 2},
                new float[] {values("autograd-grad")[0]},
                1e-6f);
    }
}
