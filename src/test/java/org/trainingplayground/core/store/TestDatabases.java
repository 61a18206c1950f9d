package org.trainingplayground.core.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases the store's tests run on: a fresh SQLite file, and a fresh schema on the
 * PostgreSQL server named by {@code PLAYGROUND_TEST_DATABASE_URL} (with {@code _USER} and
 * {@code _PASSWORD}), which {@code .ci/test} starts with {@code pg_virtualenv}. Without that
 * server the PostgreSQL cases are skipped, with a sentence; in CI they fail instead.
 */
public final class TestDatabases {

    public static final String URL = "PLAYGROUND_TEST_DATABASE_URL";

    private TestDatabases() {}

    /** The kinds a parameterised test names. */
    public static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    /** A fresh, empty database of this kind (skips PostgreSQL when there is no server). */
    public static StoreSettings fresh(String kind, Path tempDir) throws Exception {
        if (kind.equals("sqlite")) {
            return StoreSettings.sqlite(Files.createTempDirectory(tempDir, "data"));
        }
        return freshPostgresqlSchema();
    }

    /** A new schema on the test server, as a database of its own. */
    public static StoreSettings freshPostgresqlSchema() throws SQLException {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            String why = "No PostgreSQL server to test on: set " + URL + " (and _USER,"
                    + " _PASSWORD), as .ci/test does inside pg_virtualenv.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " In CI the PostgreSQL tests must run, not be skipped.");
            }
            assumeTrue(false, why);
        }
        String user = System.getenv(URL.replace("_URL", "_USER"));
        String password = System.getenv(URL.replace("_URL", "_PASSWORD"));
        String schema = "test_"
                + UUID.randomUUID()
                        .toString()
                        .replace("-", "")
                        .substring(0, 12)
                        .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String separator = url.contains("?") ? "&" : "?";
        return StoreSettings.postgresql(
                url + separator + "currentSchema=" + schema, user, password);
    }
}
