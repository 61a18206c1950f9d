package org.trainingplayground.session.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A class's results as CSV for a spreadsheet: one row per student with their run now (or their
 * last kept run) and their best result on the challenge.
 */
public final class ClassExport {

    static final String HEADER = "nickname,status,message,dataset,network,weights,optimizer,"
            + "learning_rate,epoch,epochs,step,loss,test_accuracy,hidden_test_accuracy,"
            + "challenge_met,last_seen";

    private ClassExport() {}

    public static String csv(LiveClass live) {
        Map<String, ChallengeResult> results = live.scores().leaderboard().stream()
                .collect(Collectors.toMap(ChallengeResult::nickname, Function.identity()));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (StudentRow row : live.roster().rows()) {
            ChallengeResult result = results.get(row.nickname());
            List<String> fields = List.of(
                    text(row.nickname()),
                    text(row.status()),
                    text(row.message() == null ? "" : row.message()),
                    text(row.dataset()),
                    text(row.network()),
                    row.parameters() == 0 ? "" : Long.toString(row.parameters()),
                    text(row.optimizer()),
                    number(row.learningRate()),
                    Integer.toString(row.epoch()),
                    Integer.toString(row.epochs()),
                    Long.toString(row.step()),
                    number(row.loss()),
                    number(row.accuracy()),
                    result == null ? "" : number(result.hiddenAccuracy()),
                    result == null ? "" : Boolean.toString(result.met()),
                    Instant.ofEpochMilli(row.lastSeen()).toString());
            csv.append(String.join(",", fields)).append('\n');
        }
        return csv.toString();
    }

    /** The file's name: the class code and the day, e.g. {@code class-ABC123-2026-12-03.csv}. */
    public static String fileName(LiveClass live, Instant now) {
        return "class-" + live.code() + "-" + now.toString().substring(0, 10) + ".csv";
    }

    /**
     * A text field, quoted as RFC 4180 asks; one a spreadsheet would run as a formula (it
     * starts with = + - or @) gets a leading apostrophe, so it stays text.
     */
    static String text(String value) {
        String safe =
                !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }
}
