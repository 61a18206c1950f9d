package org.trainingplayground.ui.history;

import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.trainingplayground.Services;
import org.trainingplayground.core.config.ConfigJson;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.RunStart;
import org.trainingplayground.core.store.RunStatus;
import org.trainingplayground.core.store.RunSummary;

/** How the history pages write a kept run's values. */
final class HistoryTexts {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private HistoryTexts() {}

    /** {@code 3 Dec 2026, 12:41} in the browser's time zone ({@code UTC} named when unknown). */
    static String when(Instant instant, ZoneId zone) {
        String text = WHEN.format(instant.atZone(zone));
        return zone.equals(ZoneId.of("UTC")) ? text + " UTC" : text;
    }

    static String accuracy(double accuracy) {
        return Double.isFinite(accuracy)
                ? String.format(Locale.ROOT, "%.1f %%", accuracy * 100)
                : "–";
    }

    /** {@code SGD, learning rate 0.05}. */
    static String optimizer(RunStart start) {
        return start.optimizer() + ", learning rate " + number(start.learningRate());
    }

    /** What else a lane's optimizer uses: momentum, betas, weight decay. */
    static String optimizerDetails(OptimizerSpec optimizer) {
        List<String> parts = new ArrayList<>();
        parts.add(optimizer.kind().label() + ", learning rate " + number(optimizer.learningRate()));
        if (optimizer.kind() == OptimizerKind.ADAM) {
            parts.add("β1 " + number(optimizer.beta1()) + ", β2 " + number(optimizer.beta2()));
        } else if (optimizer.momentum() > 0) {
            parts.add((optimizer.nesterov() ? "Nesterov momentum " : "momentum ")
                    + number(optimizer.momentum()));
        }
        if (optimizer.weightDecay() > 0) {
            parts.add("weight decay " + number(optimizer.weightDecay()));
        }
        return String.join(", ", parts);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%s", (float) value);
    }

    /** The status as one word, a failed run's sentence after it. */
    static String status(RunSummary run) {
        String word = run.status().word();
        return run.status() == RunStatus.FAILED && run.message() != null
                ? word + ": " + run.message()
                : word;
    }

    /** {@code 625 steps (epoch 5 of 5)}. */
    static String steps(RunSummary run) {
        return String.format(
                Locale.ROOT,
                "%,d steps (%d of %d epochs)",
                run.steps(),
                run.epochsDone(),
                run.start().epochs());
    }

    /** Said instead of the runs when the history's database does not answer. */
    static Paragraph unavailable() {
        Paragraph sentence = new Paragraph("Your runs cannot be read right now: the history's"
                + " database does not answer. Training goes on; try this page again in a"
                + " minute.");
        sentence.setId("history-unavailable");
        sentence.addClassName("history-problem");
        return sentence;
    }

    /** The run's settings as the playground reads them back from its file. */
    static PlaygroundConfig settings(RunStart start) {
        return ConfigJson.fromJson(
                        start.settingsJson(),
                        new PlaygroundConfig(RunSpec.lesson(), 0),
                        Services.get().limits())
                .config();
    }

    /** Each setting's key and value, as links and files write them. */
    static LinkedHashMap<String, String> settingValues(RunStart start) {
        return ConfigProperties.write(settings(start));
    }

    /** The playground's address with these settings (relative to the app's root). */
    static String playgroundLink(RunStart start) {
        return "./?" + ConfigProperties.toQuery(settings(start));
    }
}
