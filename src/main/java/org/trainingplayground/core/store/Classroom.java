package org.trainingplayground.core.store;

/**
 * A class as the store keeps it.
 *
 * @param code the join code: six capitals and digits without look-alikes
 * @param name what the teacher called it
 * @param createdAt milliseconds since 1970
 * @param endedAt when the teacher ended it, null while it runs
 * @param message the teacher's message to the class, null if none
 * @param settingsJson the settings the teacher sent the class (the exported file's JSON), null
 *     if none
 * @param locks the parts of the students' pages the teacher locked, by the names of {@code
 *     lock=}, comma-separated; empty if none
 * @param challengeJson the teacher's challenge, null if none
 */
public record Classroom(
        String code,
        String name,
        long createdAt,
        Long endedAt,
        String message,
        String settingsJson,
        String locks,
        String challengeJson) {

    public boolean ended() {
        return endedAt != null;
    }
}
