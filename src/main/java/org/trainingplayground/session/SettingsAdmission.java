package org.trainingplayground.session;

import java.io.UncheckedIOException;
import java.util.List;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * Whether new settings may be built here: within the operator's limits, within the weights the
 * browser's playgrounds may hold together, and on a dataset that can be had.
 */
final class SettingsAdmission {

    private final Limits limits;
    private final BrowserBudget budget;
    private final TrainingEngine engine;

    SettingsAdmission(Limits limits, BrowserBudget budget, TrainingEngine engine) {
        this.limits = limits;
        this.budget = budget;
        this.engine = engine;
    }

    /** Each reason {@code spec} cannot replace {@code session}'s settings; empty when it can. */
    List<Limits.Problem> problems(PlaygroundSession session, RunSpec spec) {
        List<Limits.Problem> found = limits.check(spec);
        if (!found.isEmpty()) {
            return found;
        }
        String tooMany = budget.weightsRefusal(session, spec.network().parameterCount());
        if (tooMany != null) {
            return List.of(new Limits.Problem("layers", tooMany));
        }
        try {
            // Loads an image set the first time (a folder may lack its files) or generates
            // the points, so a dataset that cannot be had is refused here, not on Reset.
            engine.dataset(spec);
        } catch (UncheckedIOException | IllegalArgumentException unavailable) {
            return List.of(new Limits.Problem("dataset", unavailable.getMessage()));
        }
        return List.of();
    }
}
