package org.trainingplayground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.session.PlaygroundSession;
import org.trainingplayground.session.SettingsApplied;
import org.trainingplayground.ui.settings.ResetDialog;

/**
 * Settings that arrive from a link or an imported file: read through the settings table, what
 * was left out said in the notice box, and the rest applied as if typed into the form.
 */
final class SettingsArrivals {

    private final PlaygroundSession session;
    private final SettingsPanel settings;
    private final NoticeBox notices;
    /** Resets the run (after the Reset dialog) and brings the page up to date. */
    private final Runnable reset;

    SettingsArrivals(
            PlaygroundSession session, SettingsPanel settings, NoticeBox notices, Runnable reset) {
        this.session = session;
        this.settings = settings;
        this.notices = notices;
        this.reset = reset;
    }

    /** The settings a link or file reproduces: the form's, and the speed. */
    PlaygroundConfig current() {
        return new PlaygroundConfig(session.spec(), session.speed());
    }

    /** A file the student imported, or the sentence why it was not read. */
    void fileImported(String text, String refusal) {
        if (refusal != null) {
            notices.show("The imported file", List.of(refusal));
            return;
        }
        ConfigProperties.Reading reading = ConfigJson.fromJson(text, current(), session.limits());
        List<String> sentences = new ArrayList<>(sentences(reading));
        sentences.addAll(ControlPanel.speedNotice(reading.config().speed(), session.speed()));
        notices.show("The imported file", sentences);
        apply(reading.config());
    }

    /**
     * The settings of a link the page was opened with.
     *
     * @param pageNotices the sentences about the page's own options
     */
    void linkOpened(Map<String, String> values, List<String> pageNotices) {
        List<String> sentences = new ArrayList<>(pageNotices);
        if (!values.isEmpty()) {
            ConfigProperties.Reading reading =
                    ConfigProperties.read(values, current(), session.limits());
            sentences.addAll(0, sentences(reading));
            sentences.addAll(ControlPanel.speedNotice(reading.config().speed(), session.speed()));
            apply(reading.config());
        }
        notices.show("The link", sentences);
    }

    private static List<String> sentences(ConfigProperties.Reading reading) {
        return reading.notices().stream().map(ConfigProperties.Notice::sentence).toList();
    }

    /** Gives the session settings from a link or a file, as if typed into the form. */
    private void apply(PlaygroundConfig config) {
        if (ControlPanel.SPEEDS.contains(config.speed())) {
            session.setSpeed(config.speed());
        }
        if (!config.run().equals(session.spec())) {
            List<Limits.Problem> problems = new ArrayList<>();
            boolean askedBefore = session.settingsPending();
            if (session.apply(config.run(), problems) == SettingsApplied.PENDING && !askedBefore) {
                new ResetDialog(reset).open();
            }
            if (!problems.isEmpty()) {
                settings.showProblems(problems);
            }
        }
        settings.showSettings(session.spec());
    }
}
