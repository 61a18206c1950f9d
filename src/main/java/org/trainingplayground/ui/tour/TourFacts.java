package org.trainingplayground.ui.tour;

import org.trainingplayground.core.spec.LossKind;

/**
 * What the tour watches on the page to see that a step's task was done.
 *
 * @param steps training steps the current run has taken
 * @param loss the loss of the run the page shows
 * @param zeroGrad whether each step clears the gradients first
 * @param diverged whether the run stopped on a diverging loss
 * @param examples how many autograd examples the page has computed
 */
public record TourFacts(
        long steps, LossKind loss, boolean zeroGrad, boolean diverged, int examples) {}
