package org.trainingplayground.ui.history;

import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import org.trainingplayground.Services;
import org.trainingplayground.core.config.ConfigProperties;
import org.trainingplayground.core.config.PlaygroundConfig;
import org.trainingplayground.core.spec.RunSpec;

/**
 * A race's lanes from its address: {@code a}, {@code b}, {@code c} and {@code d}, each a
 * playground settings link's query. Lane A's data, network, seed, batch size, epochs and loss
 * hold for every lane: a race changes only the optimizer and its learning rate.
 */
final class RaceEntries {

    /** The longest lane entry read (a full settings link is a few hundred characters). */
    private static final int LONGEST_ENTRY = 2_000;

    private static final List<String> KEYS = List.of("a", "b", "c", "d");

    /**
     * @param problem why there is no race (and nothing else is set), or null
     * @param notices what was done with values that could not be used as given
     */
    record Reading(List<String> names, List<RunSpec> specs, List<String> notices, String problem) {}

    private RaceEntries() {}

    static Reading read(QueryParameters query, RunSpec playground) {
        List<String> entries = new ArrayList<>();
        for (String key : KEYS) {
            List<String> values = query.getParameters().getOrDefault(key, List.of());
            if (!values.isEmpty()) {
                if (values.get(0).length() > LONGEST_ENTRY) {
                    return refused("Lane " + key.toUpperCase() + "'s settings are "
                            + values.get(0).length() + " characters long; a settings link has"
                            + " at most " + LONGEST_ENTRY + ".");
                }
                entries.add(values.get(0));
            }
        }
        if (entries.size() < 2) {
            return refused("A race needs two to four lanes, each a settings link's query:"
                    + " /race?a=…&b=…. The Race button in the playground's Share panel fills"
                    + " them in.");
        }
        List<String> notices = new ArrayList<>();
        List<RunSpec> specs = new ArrayList<>();
        RunSpec first = null;
        for (int i = 0; i < entries.size(); i++) {
            String lane = "Lane " + (char) ('A' + i);
            PlaygroundConfig base = new PlaygroundConfig(first == null ? playground : first, 0);
            ConfigProperties.Reading reading = ConfigProperties.read(
                    ConfigProperties.parseQuery(entries.get(i)),
                    base,
                    Services.get().limits());
            reading.notices().forEach(n -> notices.add(lane + ": " + n.sentence()));
            RunSpec spec = reading.config().run();
            if (first == null) {
                first = spec;
            } else {
                RunSpec raced = first.withOptimizer(spec.optimizer());
                if (!raced.equals(spec)) {
                    notices.add(lane + " keeps lane A's data, network, seed, batch size,"
                            + " epochs and loss: a race changes only the optimizer.");
                }
                spec = raced;
            }
            specs.add(spec);
        }
        return new Reading(names(specs), specs, notices, null);
    }

    /** {@code Adam 0.001}; lettered ({@code B: Adam 0.001}) when two lanes would share one. */
    private static List<String> names(List<RunSpec> specs) {
        List<String> plain = specs.stream()
                .map(spec -> spec.optimizer().kind().label() + " "
                        + HistoryTexts.number(spec.optimizer().learningRate()))
                .toList();
        boolean clash = plain.stream().distinct().count() < plain.size();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            names.add(clash ? (char) ('A' + i) + ": " + plain.get(i) : plain.get(i));
        }
        return names;
    }

    private static Reading refused(String problem) {
        return new Reading(List.of(), List.of(), List.of(), problem);
    }
}
