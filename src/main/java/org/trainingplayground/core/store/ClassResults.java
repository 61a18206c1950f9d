package org.trainingplayground.core.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** A class's challenge in the store, and each student's best result on it. */
public final class ClassResults {

    private final Jdbi jdbi;

    ClassResults(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A student's best run on the challenge's hidden test samples. */
    public record Result(
            String learnerId,
            String runId,
            double hiddenAccuracy,
            long parameters,
            int epoch,
            long step,
            boolean met) {}

    /** A new challenge for the class: the results of the one before are dropped. */
    public void setChallenge(String code, String challengeJson) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM class_results WHERE class_code = :code")
                    .bind("code", ClassStore.normalizeCode(code))
                    .execute();
            h.createUpdate("UPDATE classes SET challenge_json = :json WHERE code = :code")
                    .bind("code", ClassStore.normalizeCode(code))
                    .bind("json", challengeJson)
                    .execute();
        });
    }

    /** Keeps {@code result} as the student's best (the caller checked that it is better). */
    public void saveResult(String code, Result result, long now) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO class_results (class_code, learner_id,"
                        + " run_id, hidden_accuracy, parameters, epoch, step, met, scored_at)"
                        + " VALUES (:code, :learner, :run, :accuracy, :parameters, :epoch,"
                        + " :step, :met, :now) ON CONFLICT (class_code, learner_id) DO UPDATE"
                        + " SET run_id = excluded.run_id, hidden_accuracy ="
                        + " excluded.hidden_accuracy, parameters = excluded.parameters,"
                        + " epoch = excluded.epoch, step = excluded.step, met = excluded.met,"
                        + " scored_at = excluded.scored_at")
                .bind("code", ClassStore.normalizeCode(code))
                .bind("learner", result.learnerId())
                .bind("run", result.runId())
                .bind("accuracy", result.hiddenAccuracy())
                .bind("parameters", result.parameters())
                .bind("epoch", result.epoch())
                .bind("step", result.step())
                .bind("met", result.met())
                .bind("now", now)
                .execute());
    }

    /** Every student's best result on the class's challenge. */
    public List<Result> results(String code) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM class_results" + " WHERE class_code = :code")
                        .bind("code", ClassStore.normalizeCode(code))
                        .map((rs, ctx) -> new Result(
                                rs.getString("learner_id"),
                                rs.getString("run_id"),
                                rs.getDouble("hidden_accuracy"),
                                rs.getLong("parameters"),
                                rs.getInt("epoch"),
                                rs.getLong("step"),
                                rs.getBoolean("met")))
                        .list());
    }
}
