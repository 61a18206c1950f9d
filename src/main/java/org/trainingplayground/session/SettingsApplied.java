package org.trainingplayground.session;

/** What {@link PlaygroundSession#apply} did with new settings. */
public enum SettingsApplied {
    /** The run was rebuilt with them (no step had been taken). */
    REBUILT,
    /** Only the learning rate changed; the running run took it on at once. */
    LIVE,
    /** They wait for the next Reset, which the user should be asked about. */
    PENDING,
    /** Refused: see the problems. */
    REFUSED
}
