package org.trainingplayground.core.store;

import java.nio.file.Path;

/**
 * Where the run history lives: an SQLite file in a data folder (the default), or a PostgreSQL
 * server for a hosted instance.
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://…}
 * @param user the database user (PostgreSQL); null for SQLite
 * @param password the user's password; null when none
 */
public record StoreSettings(String jdbcUrl, String user, String password) {

    static final String SQLITE_FILE = "history.sqlite";

    /** The SQLite file in {@code dataDir}, which is created on first start. */
    public static StoreSettings sqlite(Path dataDir) {
        return new StoreSettings(
                "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(SQLITE_FILE), null, null);
    }

    public static StoreSettings postgresql(String jdbcUrl, String user, String password) {
        return new StoreSettings(jdbcUrl, user, password);
    }

    boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /** The SQLite file; only for {@link #isSqlite}. */
    Path sqliteFile() {
        return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
    }

    /** The address without user or password, for a sentence or a log line. */
    public String describe() {
        if (isSqlite()) {
            return "the SQLite file " + sqliteFile();
        }
        String url = jdbcUrl.replaceAll("(?i)(password|user)=[^&]*", "$1=…");
        return "the PostgreSQL database " + url;
    }
}
