package org.trainingplayground.core.train;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate the user may change while a run trains; the optimizer reads it at every
 * update, so its state (momentum, Adam's moments) survives the change.
 */
final class MutableRate implements Tracker {

    private volatile float rate;

    MutableRate(double rate) {
        this.rate = (float) rate;
    }

    void set(double newRate) {
        rate = (float) newRate;
    }

    float get() {
        return rate;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return rate;
    }
}
