package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;

/** The guided lesson driven in the JVM: six steps, each task done for real on the page. */
class LessonTourTest extends BrowserlessTest {

    @BeforeEach
    void waitForTheRun() {
        eventually().until(() -> session().state() == RunState.PAUSED);
    }

    private static String title() {
        return _get(H3.class, s -> s.withId("lesson-tour-title")).getText();
    }

    /** Karibu finds only what is visible. */
    private static boolean shown(String id) {
        return !_find(Div.class, s -> s.withId(id)).isEmpty();
    }

    private static boolean done() {
        view().refresh();
        return shown("lesson-tour") && shown("lesson-tour-done");
    }

    private static boolean tourOpen() {
        return shown("lesson-tour");
    }

    private static void stepOnce() {
        stepOnce("step");
    }

    private static void stepOnce(String buttonId) {
        long before = session().history().stepCount();
        eventually().until(() -> {
            view().refresh();
            return button(buttonId).isEnabled();
        });
        _click(button(buttonId));
        eventually().until(() -> session().history().stepCount() == before + 1);
    }

    @Test
    void theTourTakesTheStudentThroughSixStepsAndSeesEachTaskDone() {
        assertFalse(tourOpen());
        _click(button("lesson-tour-start"));
        assertEquals("The loss", title());
        assertFalse(done(), "nothing done yet");
        stepOnce();
        eventually().until(LessonTourTest::done);

        _click(button("lesson-tour-next"));
        assertEquals("Why logits", title());
        assertFalse(done());
        @SuppressWarnings("unchecked")
        Select<LossKind> loss = _get(Select.class, s -> s.withId("loss-function"));
        _setValue(loss, LossKind.NLL);
        assertFalse(done(), "a trained run keeps its loss until Reset");
        _click(button("reset"));
        eventually().until(LessonTourTest::done);

        _click(button("lesson-tour-next"));
        assertEquals("Autograd", title());
        assertFalse(done());
        _click(button("autograd-example-new"));
        eventually().until(LessonTourTest::done);

        _click(button("lesson-tour-next"));
        assertEquals("Backward", title());
        stepOnce("autograd-step"); // the Step beside the graph
        eventually().until(LessonTourTest::done);

        _click(button("lesson-tour-next"));
        assertEquals("The optimizer", title());
        _setValue(_get(Checkbox.class, s -> s.withId("forget-zero-grad")), true);
        stepOnce();
        stepOnce();
        assertFalse(done(), "three steps are asked for");
        stepOnce();
        eventually().until(LessonTourTest::done);

        _click(button("lesson-tour-next"));
        assertEquals("The loop", title());
        assertEquals("Finish", button("lesson-tour-next").getText());
        _setValue(_get(Checkbox.class, s -> s.withId("forget-zero-grad")), false);
        _setValue(_get(TextField.class, s -> s.withId("learning-rate")), "50");
        _click(button("start"));
        eventually().until(() -> session().state() == RunState.FAILED);
        eventually().until(LessonTourTest::done);

        _click(button("lesson-tour-next"));
        assertFalse(tourOpen(), "finished");
        assertTrue(button("lesson-tour-start").getText().equals("Take the guided lesson"));
    }

    @Test
    void aTourLeftPartWayResumesAtTheSameStepAfterAReload() {
        _click(button("lesson-tour-start"));
        _click(button("lesson-tour-next"));
        _click(button("lesson-tour-next"));
        assertEquals("Autograd", title());
        _click(button("lesson-tour-leave"));
        assertFalse(tourOpen());
        assertEquals(
                "Resume the lesson (step 3 of 6)", button("lesson-tour-start").getText());

        UI.getCurrent().navigate("runs");
        UI.getCurrent().navigate("");
        assertFalse(tourOpen());
        assertEquals(
                "Resume the lesson (step 3 of 6)", button("lesson-tour-start").getText());
        _click(button("lesson-tour-start"));
        assertEquals("Autograd", title(), "the step it was left at");
        _click(button("lesson-tour-back"));
        assertEquals("Why logits", title());

        UI.getCurrent().navigate("runs");
        UI.getCurrent().navigate("");
        assertTrue(tourOpen(), "an open tour stays open across a reload");
        assertEquals("Why logits", title());
    }

    @Test
    void aCoursePageCanHideTheLessonsButton() {
        assertTrue(shownButton("lesson-tour-start"));
        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("hide", "tour")));
        assertFalse(shownButton("lesson-tour-start"));
    }

    private static boolean shownButton(String id) {
        return !_find(com.vaadin.flow.component.button.Button.class, s -> s.withId(id))
                .isEmpty();
    }

    @Test
    void tourOneInTheLinkOpensTheTourAndABadValueGetsASentence() {
        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("tour", "1")));
        assertTrue(tourOpen());
        assertEquals("The loss", title());

        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("tour", "yes")));
        assertTrue(_get(NoticeBox.class)
                .getElement()
                .getTextRecursively()
                .contains("tour=yes: use tour=1 to open the guided lesson when the page opens."));
    }
}
