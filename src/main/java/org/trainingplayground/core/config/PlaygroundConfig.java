package org.trainingplayground.core.config;

import java.util.Objects;
import org.trainingplayground.core.spec.RunSpec;

/**
 * Everything a link, an exported file or {@code train --config} carries: the run's settings and
 * the training speed.
 *
 * @param run dataset, network, loss, optimizer, batch size, epochs and seed
 * @param speed steps per second, 0 for full speed
 */
public record PlaygroundConfig(RunSpec run, double speed) {

    public PlaygroundConfig {
        Objects.requireNonNull(run, "run");
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException(
                    "The speed must be 0 (full) or more steps per second, not " + speed + ".");
        }
    }
}
