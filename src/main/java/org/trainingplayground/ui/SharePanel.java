package org.trainingplayground.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Sharing the settings: a link that opens the playground in this state, and the settings as a
 * JSON file to download or upload. It fires an {@link ImportEvent}; the view decides what to do
 * with the file.
 */
@CssImport("./styles/panels.css")
class SharePanel extends Composite<Div> {

    /** A settings file is a few hundred bytes; anything far larger is not one. */
    private static final int MAX_IMPORT_BYTES = 64 * 1024;

    private final TextField link = new TextField();
    private final Anchor race = new Anchor();

    SharePanel(Supplier<String> exportedJson) {
        Div root = getContent();
        root.setId("share");
        root.setWidthFull();
        link.setId("share-link");
        link.setReadOnly(true);
        link.setLabel("Link to these settings");
        link.setHelperText(
                "Opens the playground with exactly these settings: send it as an exercise.");
        link.setWidthFull();
        Button copy = new Button("Copy link", VaadinIcon.COPY.create(), e -> copyLink());
        copy.setId("copy-link");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Anchor export = new Anchor();
        export.setId("export-config");
        export.setText("Export settings (.json)");
        export.setHref(
                DownloadHandler.fromInputStream(event -> {
                    byte[] json = exportedJson.get().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(json),
                            "training-playground-settings.json",
                            "application/json",
                            json.length);
                }),
                AttachmentType.DOWNLOAD);
        Upload upload = new Upload();
        upload.setId("import-config");
        upload.setUploadButton(new Button("Import settings (.json)"));
        upload.setDropLabel(new Span("or drop a settings file here"));
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        // The browser's size check is only a courtesy: a script posts to the upload URL
        // directly, so the server reads no more than the limit (and one byte to know).
        upload.setUploadHandler(event -> {
            String fileName = event.getFileName();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = readAtMost(in, MAX_IMPORT_BYTES);
            }
            String text = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            // Upload callbacks may run outside the UI's lock: hand over to it.
            getUI().ifPresent(ui -> ui.access(() -> {
                upload.clearFileList();
                if (text == null) {
                    fireEvent(new ImportEvent(this, fileName, null, tooLarge(fileName)));
                } else {
                    importText(fileName, text);
                }
            }));
        });
        upload.addFileRejectedListener(e -> fireEvent(new ImportEvent(
                this,
                e.getFileName(),
                null,
                "The file " + e.getFileName() + " was not imported: " + e.getErrorMessage())));
        race.setId("race");
        race.setText("Race these settings against another optimizer");
        race.addClassName("race-link");
        H4 heading = new H4("Share these settings");
        heading.addClassName("settings-heading");
        Div files = new Div(export, upload);
        files.addClassName("share-files");
        root.add(heading, link, copy, files, race);
    }

    /** Shows the link that reproduces the current settings. */
    void showLink(String url) {
        link.setValue(url);
    }

    /** Where the race of these settings against the other optimizer opens. */
    void showRaceLink(String href) {
        race.setHref(href);
    }

    String link() {
        return link.getValue();
    }

    private void copyLink() {
        // Passed as a parameter, never spliced into the script.
        link.getElement()
                .executeJs("return navigator.clipboard.writeText($0)", link.getValue())
                .then(
                        ok -> {},
                        failed -> link.setHelperText(
                                "Copying needs a secure page (https); select the link and copy it."));
    }

    Registration addImportListener(ComponentEventListener<ImportEvent> listener) {
        return addListener(ImportEvent.class, listener);
    }

    /** A settings file was uploaded, or refused before it arrived. */
    static final class ImportEvent extends ComponentEvent<SharePanel> {
        private final String fileName;
        private final String text;
        private final String refusal;

        ImportEvent(SharePanel source, String fileName, String text, String refusal) {
            super(source, false);
            this.fileName = fileName;
            this.text = text;
            this.refusal = refusal;
        }

        String fileName() {
            return fileName;
        }

        /** The file's text; null when it was refused. */
        String text() {
            return text;
        }

        /** Why the file was refused (too large, not JSON), or null. */
        String refusal() {
            return refusal;
        }
    }

    /** The stream's bytes, or null (having read no more than one byte past it) if over max. */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    static String tooLarge(String fileName) {
        return "The file " + fileName + " was not imported: it is larger than "
                + MAX_IMPORT_BYTES / 1024 + " KB, and a settings file is a few hundred bytes.";
    }

    /** Hands an uploaded settings file to whoever listens. */
    void importText(String fileName, String text) {
        fireEvent(new ImportEvent(this, fileName, text, null));
    }
}
