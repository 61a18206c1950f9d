package org.trainingplayground.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.Locale;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.session.SessionStatus;

/** One line saying where training is, the epoch's progress bar, and any error as a sentence. */
@CssImport("./styles/panels.css")
class StatusPanel extends Composite<VerticalLayout> {

    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar(0, 1, 0);
    private final Span progressLabel = new Span();
    private final Div initialLoss = new Div();
    private final Div error = new Div();
    private final Div historyNote = new Div();
    /**
     * Says the changes that matter (finished, diverged, queued) to screen readers once each;
     * the status line itself changes several times a second while training, too often to be
     * read out.
     */
    private final Div announcer = new Div();

    private RunState announced;

    StatusPanel() {
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        status.setId("status");
        status.addClassName("status-line");
        progress.setId("epoch-progress");
        progress.getElement().setAttribute("aria-label", "Progress through the epoch");
        progressLabel.addClassName("status-progress-label");
        initialLoss.setId("initial-loss");
        initialLoss.addClassName("status-initial-loss");
        error.setId("error");
        error.addClassName("status-error");
        error.setVisible(false);
        historyNote.setId("history-note");
        historyNote.addClassName("status-history-note");
        historyNote.setVisible(false);
        announcer.setId("status-announcer");
        announcer.addClassName("visually-hidden");
        announcer.getElement().setAttribute("role", "status");
        layout.add(status, progress, progressLabel, initialLoss, error, historyNote, announcer);
    }

    void show(SessionStatus s) {
        status.setText(statusLine(s));
        progress.setValue(s.epochProgress());
        progressLabel.setText(progressLine(s));
        if (Float.isFinite(s.initialLoss())) {
            initialLoss.setText(untrainedLossExplained(s.loss(), s.initialLoss(), s.classes()));
        }
        error.setVisible(s.message() != null);
        error.setText(s.message() == null ? "" : s.message());
        historyNote.setVisible(s.historyNote() != null);
        historyNote.setText(s.historyNote() == null ? "" : s.historyNote());
        announce(s);
    }

    /** Where the run is in its epochs, and while it trains about how long it has left. */
    static String progressLine(SessionStatus s) {
        String where = String.format(
                Locale.ROOT,
                "Epoch %d of %d: step %d of %d",
                s.epoch(),
                s.epochs(),
                s.stepInEpoch(),
                s.stepsPerEpoch());
        double seconds = s.secondsLeft();
        return Double.isNaN(seconds) ? where : where + " · " + timeLeft(seconds);
    }

    /** "about 40 s left", "about 3 min 20 s left", "about 1 h 5 min left". */
    static String timeLeft(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return "about " + Math.max(1, s) + " s left";
        }
        if (s < 600) {
            long tens = Math.round(s / 10.0) * 10; // 3 min 20 s, not 3 min 17 s
            return tens % 60 == 0
                    ? "about " + tens / 60 + " min left"
                    : "about " + tens / 60 + " min " + tens % 60 + " s left";
        }
        long minutes = Math.round(s / 60.0);
        return minutes < 60
                ? "about " + minutes + " min left"
                : "about " + minutes / 60 + " h " + minutes % 60 + " min left";
    }

    private void announce(SessionStatus s) {
        if (s.state() == announced) {
            return;
        }
        announced = s.state();
        switch (s.state()) {
            case FINISHED, QUEUED -> announcer.setText(statusLine(s));
            case FAILED -> announcer.setText(s.message() == null ? statusLine(s) : s.message());
            default -> {}
        }
    }

    /** Why the untrained loss has the value it has, for the loss the run measures. */
    static String untrainedLossExplained(LossKind loss, float value, int classes) {
        if (loss == LossKind.MSE) {
            return String.format(
                    Locale.ROOT,
                    "Before training the loss is %.3f, close to"
                            + " 1/%d = %.3f: the %d untrained outputs are all near 0, and only one of"
                            + " them (the true class's) should be 1.",
                    value,
                    classes,
                    1.0 / classes,
                    classes);
        }
        return String.format(
                Locale.ROOT,
                "Before training the loss is %.3f, close to"
                        + " ln(%d) = %.3f: an untrained network spreads its guesses about evenly over"
                        + " the %d classes, giving each about 1/%d, and −ln(1/%d) = ln(%d).",
                value,
                classes,
                Math.log(classes),
                classes,
                classes,
                classes,
                classes);
    }

    static String statusLine(SessionStatus s) {
        if (s.state() == RunState.QUEUED) {
            return queueSentence(s);
        }
        String state = switch (s.state()) {
            case CREATING -> "Building the network…";
            case PAUSED -> s.step() == 0 ? "Ready: press Start" : "Paused";
            // Answered by queueSentence above; the switch names every state.
            case QUEUED -> "Waiting for a free place";
            case RUNNING -> "Training";
            case FINISHED -> "Finished";
            case FAILED -> "Stopped";
            case CLOSED -> "Closed";
        };
        StringBuilder line = new StringBuilder(state);
        line.append(String.format(
                Locale.ROOT, " · epoch %d/%d · step %d", s.epoch(), s.epochs(), s.step()));
        if (Float.isFinite(s.latestLoss())) {
            line.append(String.format(Locale.ROOT, " · loss %.4f", s.latestLoss()));
        } else if (s.state() == RunState.FAILED && s.step() > 0) {
            line.append(" · loss ").append(s.latestLoss());
        }
        if (Float.isFinite(s.latestAccuracy())) {
            line.append(String.format(
                    Locale.ROOT, " · test accuracy %.1f %%", s.latestAccuracy() * 100));
        }
        if (s.state() == RunState.RUNNING) {
            line.append(String.format(Locale.ROOT, " · %.0f steps/s", s.stepsPerSecond()));
        }
        return line.toString();
    }

    /**
     * Where a waiting run stands: its place in line, how many runs hold the places, and that
     * nothing more is asked of the student.
     */
    static String queueSentence(SessionStatus s) {
        StringBuilder line = new StringBuilder("Waiting for a free place: ");
        // 0 only in the instant between being given a place and being told so.
        line.append(s.queuePosition() > 0 ? ordinal(s.queuePosition()) + " in line." : "next.");
        int active = s.activeRuns();
        if (active == 1) {
            line.append(" 1 run is training; yours starts by itself when it pauses or finishes.");
        } else {
            line.append(' ')
                    .append(active)
                    .append(" runs are training; yours starts by itself"
                            + " when one of them pauses or finishes.");
        }
        if (s.step() > 0) {
            line.append(String.format(
                    Locale.ROOT,
                    " It stopped at step %d (epoch %d/%d).",
                    s.step(),
                    s.epoch(),
                    s.epochs()));
        }
        return line.toString();
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st, 22nd. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
