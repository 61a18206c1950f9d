package org.trainingplayground.session.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import org.trainingplayground.core.store.ClassResults;

/** How challenges are kept in the store, and how results rank. */
final class ClassChallenges {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Higher hidden accuracy first; of two equal, the one with fewer weights. */
    static final Comparator<ClassResults.Result> RANKING = Comparator.comparingDouble(
                    ClassResults.Result::hiddenAccuracy)
            .reversed()
            .thenComparingLong(ClassResults.Result::parameters);

    private ClassChallenges() {}

    static boolean better(ClassResults.Result candidate, ClassResults.Result best) {
        return RANKING.compare(candidate, best) < 0;
    }

    static String write(Challenge challenge) {
        try {
            return challenge == null ? null : JSON.writeValueAsString(challenge);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A challenge is four plain values", e);
        }
    }

    /** The stored challenge; null for none, or for one this version cannot read. */
    static Challenge read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Challenge.class);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
