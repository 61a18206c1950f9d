package org.trainingplayground.ui.code;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.trainingplayground.core.code.PyTorchCode;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.RunSpec;

/**
 * "The same in PyTorch": the script that trains the current configuration outside the
 * playground, to read, copy or download as a {@code .py} file.
 */
@CssImport("./styles/panels.css")
public class CodeView extends Composite<Div> {

    static final String COPIED = "Copied: paste it into a .py file or a notebook.";
    static final String NOT_COPIED = "Your browser did not let the page copy (it allows it only"
            + " on https or localhost). The code is selected: press Ctrl+C (⌘C on a Mac).";

    private static final int NOTICE_MILLIS = 3000;

    /**
     * Runs in the browser with the code as {@code $0} and the {@code <pre>} as {@code $1}. Where
     * the clipboard API is missing or refuses (pages not served over https or from localhost),
     * it selects the code instead so the student can copy it by hand, and reports the failure.
     */
    private static final String COPY_SCRIPT = """
            const selectCode = () => {
              const range = document.createRange();
              range.selectNodeContents($1);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
            };
            if (!navigator.clipboard || !navigator.clipboard.writeText) {
              selectCode();
              throw new Error('no clipboard');
            }
            return navigator.clipboard.writeText($0).catch(e => { selectCode(); throw e; });
            """;

    /** The code shown and its file name, swapped together so a download never mixes two. */
    private record Script(String code, String fileName) {}

    private final Pre code = new Pre();
    private final Button copy = new Button("Copy");
    private final Anchor download;
    private volatile Script script = new Script("", "training_playground.py");
    private RunSpec shownRun;

    public CodeView() {
        Div panel = getContent();
        panel.setId("code-view");
        panel.setWidthFull();
        H3 heading = new H3("The same in PyTorch");
        heading.addClassName("code-heading");
        Paragraph intro = new Paragraph("This script trains the network set up here, on the same"
                + " data with the same settings and seed, in the loop you see: zero_grad,"
                + " forward, loss, backward, step. Copy it or download it and run it with"
                + " Python and PyTorch.");
        intro.addClassName("code-intro");

        copy.setId("copy-code");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(e -> copyToClipboard());
        // The handler reads the script at request time, so the file is always what is shown.
        download = new Anchor(
                DownloadHandler.fromInputStream(event -> pythonFile()),
                AttachmentType.DOWNLOAD,
                "Download .py");
        download.setId("download-code");
        Div actions = new Div(copy, download);
        actions.addClassName("code-actions");

        code.setId("code-view-code");
        code.addClassName("code-text");
        // It scrolls, so the keyboard must be able to reach it (and scroll it with the arrows).
        code.getElement().setAttribute("tabindex", "0");
        code.getElement().setAttribute("aria-label", "The PyTorch script");
        panel.add(heading, intro, actions, code);
    }

    /**
     * Shows the script for {@code config}. Only the run's settings shape the script, so a change
     * of speed alone, or the same settings again, sends nothing to the browser.
     */
    public void show(PlaygroundConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.run().equals(shownRun)) {
            return;
        }
        shownRun = config.run();
        script = new Script(PyTorchCode.generate(config), PyTorchCode.fileName(config));
        code.setText(script.code());
    }

    /** The script shown, empty before the first {@link #show}. */
    public String code() {
        return script.code();
    }

    /** What the download link serves: the script shown, as a UTF-8 {@code .py} file. */
    DownloadResponse pythonFile() {
        Script current = script;
        byte[] bytes = current.code().getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(
                new ByteArrayInputStream(bytes),
                current.fileName(),
                "text/x-python; charset=utf-8",
                bytes.length);
    }

    private void copyToClipboard() {
        getElement()
                .executeJs(COPY_SCRIPT, script.code(), code.getElement())
                .then(
                        done -> Notification.show(
                                COPIED, NOTICE_MILLIS, Notification.Position.BOTTOM_START),
                        error -> Notification.show(
                                NOT_COPIED, 2 * NOTICE_MILLIS, Notification.Position.BOTTOM_START));
    }
}
