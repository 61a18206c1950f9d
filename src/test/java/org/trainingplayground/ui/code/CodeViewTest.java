package org.trainingplayground.ui.code;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.server.streams.DownloadResponse;
import elemental.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.code.PyTorchCode;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

class CodeViewTest {

    private static final PlaygroundConfig LESSON = new PlaygroundConfig(RunSpec.lesson(), 0);

    private CodeView view;

    @BeforeEach
    void openAPageWithTheView() {
        MockVaadin.setup();
        view = new CodeView();
        UI.getCurrent().add(view);
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    private static String shownCode() {
        return _get(Pre.class, s -> s.withId("code-view-code")).getText();
    }

    @Test
    void itShowsTheScriptOfTheConfiguration() {
        view.show(LESSON);

        assertEquals(PyTorchCode.generate(LESSON), shownCode());
        assertTrue(shownCode().contains("optim.SGD(model.parameters(), lr=0.003, momentum=0)"));
        assertTrue(_get(Button.class, s -> s.withId("copy-code")).isVisible());
    }

    @Test
    void theScriptChangesWhenTheConfigurationChanges() {
        view.show(LESSON);
        String before = shownCode();

        PlaygroundConfig adam =
                new PlaygroundConfig(RunSpec.lesson().withOptimizer(OptimizerSpec.adam(0.001)), 0);
        view.show(adam);

        assertNotEquals(before, shownCode());
        assertTrue(shownCode().contains("optim.Adam(model.parameters(), lr=0.001"), shownCode());
    }

    @Test
    void theSameSettingsAgainSendNothingNew() {
        view.show(LESSON);
        Pre pre = _get(Pre.class, s -> s.withId("code-view-code"));
        pre.setText("left alone");

        view.show(new PlaygroundConfig(RunSpec.lesson(), 5));

        assertEquals("left alone", pre.getText(), "Speed does not change the script.");
    }

    @Test
    void theDownloadIsTheScriptShownUnderADatasetsName() throws IOException {
        PlaygroundConfig spiral = new PlaygroundConfig(
                RunSpec.lesson().withDataset(DatasetSpec.of(DatasetKind.SPIRAL)), 0);
        view.show(spiral);

        DownloadResponse file = view.pythonFile();

        assertEquals("training_playground_spiral.py", file.getFileName());
        assertEquals(
                shownCode(),
                new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Anchor link = _get(Anchor.class, s -> s.withId("download-code"));
        assertTrue(link.getElement().hasAttribute("download"), "The link saves a file.");
        assertEquals(shownCode(), new String(DownloadKt._download(link), StandardCharsets.UTF_8));
    }

    @Test
    void copyingPassesTheCodeToTheBrowserAndSaysItWorked() {
        view.show(LESSON);
        pending();

        _click(_get(Button.class, s -> s.withId("copy-code")));

        PendingJavaScriptInvocation copy = copyInvocation();
        assertTrue(
                copy.getInvocation().getParameters().contains(view.code()),
                "The code travels as a parameter, not inside the script.");
        copy.complete(Json.createNull());
        NotificationsKt.expectNotifications(CodeView.COPIED);
    }

    @Test
    void whenTheBrowserRefusesToCopyTheStudentIsToldToCopyByHand() {
        view.show(LESSON);
        pending();

        _click(_get(Button.class, s -> s.withId("copy-code")));

        copyInvocation().completeExceptionally(Json.create("no clipboard"));
        NotificationsKt.expectNotifications(CodeView.NOT_COPIED);
        assertFalse(CodeView.NOT_COPIED.contains("Error"), "A sentence, not an error dump.");
    }

    private static PendingJavaScriptInvocation copyInvocation() {
        return pending().stream()
                .filter(i -> i.getInvocation().getExpression().contains("clipboard"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Nothing was sent to copy."));
    }

    private static List<PendingJavaScriptInvocation> pending() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }
}
