package org.trainingplayground.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Classes and their members in the run history's database: creating a class with its join code
 * and teacher key, checking the key, and students joining under a nickname unique in the class.
 */
public final class ClassStore {

    /** Capitals and digits a class can read off a projector: no O/0, I/1/L, nor S/5 or Z/2. */
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";

    static final int CODE_LENGTH = 6;

    /** 24 random bytes: 192 bits, written as 32 URL-safe characters. */
    private static final int KEY_BYTES = 24;

    public static final int MAX_NAME_LENGTH = 80;

    public static final int MAX_NICKNAME_LENGTH = 32;

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public static final int MAX_MESSAGE_LENGTH = 500;

    /** A class just created, with the key that only its teacher gets, once. */
    public record NewClass(Classroom classroom, String teacherKey) {}

    /** A learner in a class; a removed one stays listed, so their nickname stays theirs. */
    public record Member(String learnerId, String nickname, long joinedAt, boolean removed) {}

    /** The class a learner is in now, under which nickname. */
    public record Membership(Classroom classroom, String nickname) {}

    /** What asking to join a class came to. */
    public enum Joined {
        JOINED,
        /** This learner was in the class already: they are back under their nickname. */
        ALREADY_IN,
        NICKNAME_TAKEN,
        /** The teacher removed this learner from the class. */
        REMOVED,
        NO_SUCH_CLASS,
        CLASS_ENDED
    }

    public ClassStore(RunStore store) {
        this.jdbi = store.jdbi();
    }

    /** The classes' challenges and results, in the same database. */
    public ClassResults results() {
        return new ClassResults(jdbi);
    }

    /**
     * Creates a class.
     *
     * @param name at most {@value #MAX_NAME_LENGTH} characters, not blank
     * @throws IllegalArgumentException with a sentence for a bad name
     */
    public NewClass create(String name, long now) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "A class needs a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        byte[] keyBytes = new byte[KEY_BYTES];
        random.nextBytes(keyBytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(keyBytes);
        String hash = hash(key);
        // 27^6 = 387 million codes: a collision is rare; a new code is drawn until one is free.
        while (true) {
            String code = newCode();
            int inserted = jdbi.withHandle(h -> h.createUpdate("INSERT INTO classes"
                            + " (code, name, key_hash, created_at) SELECT :code, :name, :hash,"
                            + " :now WHERE NOT EXISTS (SELECT 1 FROM classes WHERE code = :code)")
                    .bind("code", code)
                    .bind("name", trimmed)
                    .bind("hash", hash)
                    .bind("now", now)
                    .execute());
            if (inserted == 1) {
                return new NewClass(
                        new Classroom(code, trimmed, now, null, null, null, "", null), key);
            }
        }
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as a student may type it: spaces dropped, lower case raised. */
    public static String normalizeCode(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public Optional<Classroom> find(String code) {
        String normal = normalizeCode(code);
        if (normal.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM classes WHERE code = :code")
                .bind("code", normal)
                .map((rs, ctx) -> classroom(rs))
                .findOne());
    }

    private static Classroom classroom(ResultSet rs) throws SQLException {
        long ended = rs.getLong("ended_at");
        Long endedAt = rs.wasNull() ? null : ended;
        return new Classroom(
                rs.getString("code"),
                rs.getString("name"),
                rs.getLong("created_at"),
                endedAt,
                rs.getString("message"),
                rs.getString("settings_json"),
                Objects.requireNonNullElse(rs.getString("locks"), ""),
                rs.getString("challenge_json"));
    }

    /**
     * The class {@code learner} joined last and was not removed from, ended or not (a student's
     * page says when their class ended).
     */
    public Optional<Membership> membershipOf(String learner) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.*, m.nickname"
                        + " FROM class_members m JOIN classes c"
                        + " ON c.code = m.class_code WHERE m.learner_id = :learner AND"
                        + " m.removed_at IS NULL ORDER BY m.joined_at DESC")
                .bind("learner", learner)
                .setMaxRows(1)
                .map((rs, ctx) -> new Membership(classroom(rs), rs.getString("nickname")))
                .findFirst());
    }

    /** The class's members in the order they joined, removed ones included. */
    public List<Member> members(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT learner_id, nickname, joined_at,"
                        + " removed_at FROM class_members WHERE class_code = :code"
                        + " ORDER BY joined_at, nickname_key")
                .bind("code", normalizeCode(code))
                .map((rs, ctx) -> new Member(
                        rs.getString("learner_id"),
                        rs.getString("nickname"),
                        rs.getLong("joined_at"),
                        rs.getObject("removed_at") != null))
                .list());
    }

    /** The newest kept run of each member of the class, by learner. */
    public Map<String, RunSummary> latestRuns(String code) {
        Map<String, RunSummary> latest = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT * FROM runs WHERE class_code = :code" + " ORDER BY started_at, id")
                .bind("code", normalizeCode(code))
                .map((rs, ctx) -> RunRows.summary(rs))
                .forEach(run -> latest.put(run.start().learnerId(), run)));
        return latest;
    }

    /**
     * The teacher's message to the class; blank clears it.
     *
     * @throws IllegalArgumentException with a sentence when it is too long
     */
    public void setMessage(String code, String message) {
        String trimmed = message == null ? "" : message.strip();
        if (trimmed.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("A message to the class can have at most "
                    + MAX_MESSAGE_LENGTH + " characters.");
        }
        update(code, "message", trimmed.isEmpty() ? null : trimmed);
    }

    /** The settings the teacher sends the class (the exported file's JSON). */
    public void setSettings(String code, String settingsJson) {
        update(code, "settings_json", settingsJson);
    }

    /** The parts of the students' pages locked, comma-separated; empty unlocks all. */
    public void setLocks(String code, String locks) {
        update(code, "locks", locks);
    }

    private void update(String code, String column, String value) {
        // The column is one of ours, never the caller's text.
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE classes SET " + column + " = :value" + " WHERE code = :code")
                .bind("code", normalizeCode(code))
                .bind("value", value)
                .execute());
    }

    /** Takes {@code learner} out of the class; they cannot join it again. */
    public void remove(String code, String learner, long now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE class_members SET removed_at = :now"
                        + " WHERE class_code = :code AND learner_id = :learner"
                        + " AND removed_at IS NULL")
                .bind("code", normalizeCode(code))
                .bind("learner", learner)
                .bind("now", now)
                .execute());
    }

    /** Whether {@code key} is the teacher key of class {@code code}; compared in constant time. */
    public boolean teacherKeyMatches(String code, String key) {
        if (key == null || key.isEmpty() || key.length() > 100) {
            return false;
        }
        Optional<String> stored = jdbi.withHandle(
                h -> h.createQuery("SELECT key_hash FROM classes WHERE code = :code")
                        .bind("code", normalizeCode(code))
                        .mapTo(String.class)
                        .findOne());
        return stored.isPresent()
                && MessageDigest.isEqual(
                        stored.get().getBytes(StandardCharsets.US_ASCII),
                        hash(key).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Adds {@code learner} to the class under {@code nickname} (already checked for length and
     * characters by the caller), unless the class is gone or ended or the name is taken.
     */
    public Joined join(String code, String learner, String nickname, long now) {
        Optional<Classroom> found = find(code);
        if (found.isEmpty()) {
            return Joined.NO_SUCH_CLASS;
        }
        if (found.get().ended()) {
            return Joined.CLASS_ENDED;
        }
        String classCode = found.get().code();
        return jdbi.inTransaction(h -> {
            Optional<Boolean> removed = h.createQuery("SELECT removed_at IS NOT NULL FROM"
                            + " class_members WHERE class_code = :code AND learner_id = :learner")
                    .bind("code", classCode)
                    .bind("learner", learner)
                    .mapTo(Boolean.class)
                    .findOne();
            if (removed.isPresent()) {
                return removed.get() ? Joined.REMOVED : Joined.ALREADY_IN;
            }
            String nicknameKey = nickname.toLowerCase(Locale.ROOT);
            int inserted = h.createUpdate("INSERT INTO class_members (class_code, learner_id,"
                            + " nickname, nickname_key, joined_at) SELECT :code, :learner,"
                            + " :nickname, :key, :now WHERE NOT EXISTS (SELECT 1 FROM"
                            + " class_members WHERE class_code = :code AND nickname_key = :key)")
                    .bind("code", classCode)
                    .bind("learner", learner)
                    .bind("nickname", nickname)
                    .bind("key", nicknameKey)
                    .bind("now", now)
                    .execute();
            return inserted == 1 ? Joined.JOINED : Joined.NICKNAME_TAKEN;
        });
    }

    /** Ends the class: it stays in the store with its runs, and nobody can join it any more. */
    public void end(String code, long now) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE classes SET ended_at = :now WHERE code = :code AND ended_at IS NULL")
                .bind("code", normalizeCode(code))
                .bind("now", now)
                .execute());
    }

    /** The nickname {@code learner} has in the class, if they are a member. */
    public Optional<String> nickname(String code, String learner) {
        return jdbi.withHandle(h -> h.createQuery("SELECT nickname FROM class_members WHERE"
                        + " class_code = :code AND learner_id = :learner AND removed_at IS NULL")
                .bind("code", normalizeCode(code))
                .bind("learner", learner)
                .mapTo(String.class)
                .findOne());
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256.", e);
        }
    }
}
