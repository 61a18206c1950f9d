package org.trainingplayground.ui.draw;

import static com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.ui.image.InkPng;

class DrawPanelTest {

    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Sure it is a 3, a little unsure about 8. */
    private static final float[] THREE = {
        0.01f, 0.01f, 0.02f, 0.8f, 0.01f, 0.03f, 0.01f, 0.01f, 0.09f, 0.01f
    };

    private final List<float[]> asked = new ArrayList<>();
    private DrawPanel panel;

    @BeforeEach
    void openPage() {
        MockVaadin.setup();
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    private void open(Classifier classifier) {
        panel = new DrawPanel(DIGITS, inputs -> {
            asked.add(inputs);
            return classifier.classify(inputs);
        });
        UI.getCurrent().add(panel);
    }

    @Test
    void aDrawingShowsThePredictedClassAndABarPerClass() {
        open(inputs -> CompletableFuture.completedFuture(THREE));

        draw();

        assertEquals("3", predictedClass());
        assertEquals("3", prediction().getElement().getAttribute("data-predicted"));
        List<String> texts = texts();
        assertTrue(texts.containsAll(DIGITS), texts.toString());
        assertTrue(texts.contains("80.0 %"), texts.toString());
        assertTrue(texts.contains("9.0 %"), texts.toString());
        assertEquals(
                10,
                _find(
                                prediction(),
                                Div.class,
                                s -> s.withPredicate(d -> d.getStyle().get("width") != null))
                        .size(),
                "one bar per class");
    }

    @Test
    void theNetworkGetsTheCentredPictureScaledToZeroToOne() {
        open(inputs -> CompletableFuture.completedFuture(THREE));

        draw();

        assertEquals(1, asked.size());
        float[] inputs = asked.get(0);
        assertEquals(784, inputs.length);
        assertEquals(1f, inputs[14 * 28 + 13], 1e-6, "ink at the centre");
        assertEquals(0f, inputs[0], "paper in the corner");
        assertNotEquals(blankPreview(), preview().getSrc(), "the preview shows the picture");
    }

    @Test
    void clearingBlanksThePrediction() {
        open(inputs -> CompletableFuture.completedFuture(THREE));
        String blank = preview().getSrc();
        draw();

        clearPad();

        assertEquals(DrawPanel.EMPTY_HINT, predictedClass());
        assertNull(prediction().getElement().getAttribute("data-predicted"));
        assertFalse(texts().contains("80.0 %"));
        assertEquals(blank, preview().getSrc());
    }

    @Test
    void anInternalErrorsMessageNeverReachesThePage() {
        open(inputs -> CompletableFuture.failedFuture(new RuntimeException(
                "shape mismatch\nException raised from forward at aten/src/Linear.cpp:52"
                        + "\nframe #0: c10::Error::Error + 0x6c (libc10.so)")));

        draw();

        assertEquals(
                "The network could not classify the drawing: an internal error stopped it.",
                _get(Paragraph.class, s -> s.withId("draw-error")).getText());
    }

    @Test
    void aFailedClassificationShowsASentence() {
        open(inputs -> CompletableFuture.failedFuture(
                new IllegalStateException("the run is being rebuilt")));

        draw();

        assertEquals(
                "The network could not classify the drawing: the run is being rebuilt.",
                _get(Paragraph.class, s -> s.withId("draw-error")).getText());
        assertNull(prediction().getElement().getAttribute("data-predicted"));
    }

    @Test
    void aDivergedNetworksNotANumberAnswerShowsASentence() {
        float[] nan = new float[10];
        Arrays.fill(nan, Float.NaN);
        open(inputs -> CompletableFuture.completedFuture(nan));

        draw();

        assertTrue(_get(Paragraph.class, s -> s.withId("draw-error"))
                .getText()
                .startsWith("The network's outputs are not numbers"));
    }

    @Test
    void anAnswerFromAnotherThreadIsShownByPush() throws InterruptedException {
        CompletableFuture<float[]> answer = new CompletableFuture<>();
        open(inputs -> answer);
        draw();

        Thread training = new Thread(() -> answer.complete(THREE));
        training.start();
        training.join();
        MockVaadin.clientRoundtrip();

        assertEquals("3", predictedClass());
    }

    @Test
    void anAnswerThatArrivesAfterANewerDrawingIsIgnored() {
        List<CompletableFuture<float[]>> answers = new ArrayList<>();
        open(inputs -> {
            CompletableFuture<float[]> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        });
        draw();
        draw();

        answers.get(1).complete(THREE);
        float[] seven = new float[10];
        seven[7] = 1;
        answers.get(0).complete(seven);

        assertEquals("3", predictedClass());
    }

    @Test
    void aNewClassifierIsAskedAboutTheDrawingAtOnce() {
        open(inputs -> CompletableFuture.completedFuture(THREE));
        draw();
        float[] seven = new float[10];
        seven[7] = 1;

        panel.setClassifier(inputs -> CompletableFuture.completedFuture(seven));

        assertEquals("7", predictedClass());
        assertEquals("7", prediction().getElement().getAttribute("data-predicted"));
    }

    @Test
    void newClassNamesAreShownWithTheAnswer() {
        open(inputs -> CompletableFuture.completedFuture(THREE));
        draw();

        panel.setClassNames(List.of(
                "T-shirt",
                "Trouser",
                "Pullover",
                "Dress",
                "Coat",
                "Sandal",
                "Shirt",
                "Sneaker",
                "Bag",
                "Ankle boot"));

        assertEquals("Dress", predictedClass());
    }

    /** A vertical bar, as the browser sends it at the end of the stroke. */
    private void draw() {
        byte[] ink = new byte[112 * 112];
        for (int y = 10; y < 100; y++) {
            for (int x = 50; x < 58; x++) {
                ink[y * 112 + x] = (byte) 255;
            }
        }
        send(DrawPadTest.message(112, Base64.getEncoder().encodeToString(ink), 1));
    }

    private void clearPad() {
        send(DrawPadTest.message(112, "", 0));
    }

    private void send(JsonObject data) {
        DrawPad pad = _get(DrawPad.class, s -> s.withId("draw-pad"));
        _fireDomEvent(pad.getElement(), new DomEvent(pad.getElement(), "drawing", data));
    }

    private static Div prediction() {
        return _get(Div.class, s -> s.withId("draw-prediction"));
    }

    private static String predictedClass() {
        return _get(Div.class, s -> s.withId("draw-predicted-class")).getText();
    }

    private static Image preview() {
        return _get(Image.class, s -> s.withId("draw-preview"));
    }

    private static String blankPreview() {
        return InkPng.dataUrl(new byte[784], 28);
    }

    private static List<String> texts() {
        return _find(prediction(), Span.class).stream()
                .map(Span::getText)
                .collect(Collectors.toList());
    }
}
