package org.trainingplayground.session;

import org.trainingplayground.core.spec.RunSpec;

/**
 * What a learner's runs tell their class: which class counts a new run, and how each run
 * scores on the test samples that a class run keeps hidden (its teacher's challenge).
 */
public interface ClassTie {

    /** A learner in no class. */
    ClassTie NONE = new ClassTie() {
        @Override
        public String classCode() {
            return null;
        }

        @Override
        public void scored(HiddenScore score) {}
    };

    /** The code of the class a run built now counts for; null outside a class. */
    String classCode();

    /** A class run was evaluated on its hidden test samples (on the training thread). */
    void scored(HiddenScore score);

    /**
     * One evaluation on the hidden samples.
     *
     * @param runId the run's id in the history
     * @param spec the settings it was built with
     * @param epoch the epoch it was in (1 for the first)
     * @param accuracy 0 to 1
     */
    record HiddenScore(String runId, RunSpec spec, long step, int epoch, float accuracy) {}
}
