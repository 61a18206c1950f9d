package org.trainingplayground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.store.HistoryPolicy;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.train.EngineConfig;

/**
 * The operator's settings, read from environment variables or {@code -D} system properties (a
 * property wins). Each bad value is reported as a sentence naming the setting.
 *
 * @param port HTTP port ({@code PORT} / {@code playground.port}, default 8080)
 * @param engine libtorch cache, threads and dataset folder
 * @param limits what one run may use ({@code PLAYGROUND_MAX_*})
 * @param embedOrigins the origins ({@code scheme://host[:port]}) whose pages may frame the app
 *     ({@code PLAYGROUND_EMBED_ORIGINS} / {@code playground.embedOrigins}); empty: only the
 *     app's own origin may
 * @param hosting how many users and runs the server takes, and when idle ones are paused or
 *     ended ({@code PLAYGROUND_MAX_ACTIVE_RUNS}, {@code _MAX_SESSIONS}, {@code _IDLE_PAUSE},
 *     {@code _SESSION_TIMEOUT})
 * @param metricsToken the bearer token {@code /metrics} asks for
 *     ({@code PLAYGROUND_METRICS_TOKEN}); null: it answers anyone who reaches the port
 * @param trustedProxies the addresses and ranges of the reverse proxies in front of the app
 *     ({@code PLAYGROUND_TRUSTED_PROXIES}, e.g. {@code 10.0.0.5,192.168.1.0/24}), whose
 *     {@code X-Forwarded-For} names the client; empty: the connection's address is the client
 * @param history where runs are kept ({@code PLAYGROUND_DATA_DIR}, or PostgreSQL with {@code
 *     PLAYGROUND_DATABASE_URL}, {@code _USER}, {@code _PASSWORD}) and for how long ({@code
 *     PLAYGROUND_HISTORY_DAYS}, {@code PLAYGROUND_MAX_RUNS_PER_LEARNER})
 * @param teacherPassword what creating a class asks for ({@code PLAYGROUND_TEACHER_PASSWORD});
 *     null: anyone may create one
 */
public record AppConfig(
        int port,
        EngineConfig engine,
        Limits limits,
        List<String> embedOrigins,
        Hosting hosting,
        String metricsToken,
        List<String> trustedProxies,
        History history,
        String teacherPassword) {

    public AppConfig {
        embedOrigins = List.copyOf(embedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * What a shared server allows.
     *
     * @param maxActiveRuns runs training at once; further Starts wait in a queue
     * @param maxSessions browser sessions with a playground; further visitors are told the
     *     server is full
     * @param idlePauseSeconds a run whose tabs are all closed or hidden this long is paused
     * @param sessionTimeoutMinutes a browser session without any request this long ends, and
     *     its run with it
     * @param maxFramesPerSession embedded frames, each with its own run, one browser session
     *     may have open at once
     * @param newSessionsPerMinute browser sessions one client address may start a minute
     * @param maxTrainingRunsPerSession runs of one browser session (its page and frames)
     *     training or waiting for a place at once
     * @param maxWeightsPerSession weights and biases the runs of one browser session may hold
     *     together
     */
    public record Hosting(
            int maxActiveRuns,
            int maxSessions,
            int idlePauseSeconds,
            int sessionTimeoutMinutes,
            int maxFramesPerSession,
            int newSessionsPerMinute,
            int maxTrainingRunsPerSession,
            long maxWeightsPerSession) {

        /**
         * 40 runs at once, 200 sessions, pause after 2 minutes, end after 30, 6 frames; 120
         * new sessions a minute per address (three classes behind one school address); 4
         * training runs and 10 million weights per browser (two networks of the largest size).
         */
        public static Hosting defaults() {
            return new Hosting(40, 200, 120, 30, 6, 120, 4, 10_000_000);
        }
    }

    /** Where runs are kept, and how many and how long. */
    public record History(StoreSettings store, HistoryPolicy policy) {}

    /** Reads the settings; throws {@link IllegalArgumentException} with a sentence if one is bad. */
    public static AppConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    static AppConfig load(Map<String, String> env, java.util.Properties props) {
        OperatorSettings settings = new OperatorSettings(env, props);
        int port = settings.whole("PORT", 8080, 1, 65535);
        int threads = settings.whole(
                "PLAYGROUND_THREADS",
                1,
                1,
                Math.max(1, Runtime.getRuntime().availableProcessors()) * 4);
        String cache = settings.text("PLAYGROUND_DJL_CACHE");
        String datasets = settings.text("PLAYGROUND_DATASETS");
        Path datasetsDir = null;
        if (datasets != null) {
            datasetsDir = Path.of(datasets);
            if (!Files.isDirectory(datasetsDir.resolve("mnist"))) {
                throw new IllegalArgumentException(settings.named("PLAYGROUND_DATASETS") + " is \""
                        + datasets + "\", but that folder has no mnist/ subfolder.");
            }
        }
        Path cacheDir = cache == null ? EngineConfig.defaultCacheDir() : Path.of(cache);
        Limits defaults = Limits.defaults();
        Limits limits = new Limits(
                settings.whole("PLAYGROUND_MAX_LAYERS", defaults.maxHiddenLayers(), 0, 64),
                settings.whole("PLAYGROUND_MAX_WIDTH", defaults.maxWidth(), 1, 65_536),
                settings.whole("PLAYGROUND_MAX_BATCH", defaults.maxBatchSize(), 1, 8_000),
                settings.whole("PLAYGROUND_MAX_EPOCHS", defaults.maxEpochs(), 1, 10_000),
                settings.whole(
                        "PLAYGROUND_MAX_PARAMETERS",
                        (int) defaults.maxParameters(),
                        1_000,
                        500_000_000));
        List<String> embedOrigins = settings.origins("PLAYGROUND_EMBED_ORIGINS");
        Hosting hostingDefaults = Hosting.defaults();
        Hosting hosting = new Hosting(
                settings.whole(
                        "PLAYGROUND_MAX_ACTIVE_RUNS", hostingDefaults.maxActiveRuns(), 1, 10_000),
                settings.whole(
                        "PLAYGROUND_MAX_SESSIONS", hostingDefaults.maxSessions(), 1, 100_000),
                settings.whole(
                        "PLAYGROUND_IDLE_PAUSE", hostingDefaults.idlePauseSeconds(), 5, 86_400),
                settings.whole(
                        "PLAYGROUND_SESSION_TIMEOUT",
                        hostingDefaults.sessionTimeoutMinutes(),
                        1,
                        10_080),
                settings.whole(
                        "PLAYGROUND_MAX_FRAMES", hostingDefaults.maxFramesPerSession(), 1, 100),
                settings.whole(
                        "PLAYGROUND_NEW_SESSIONS_PER_MINUTE",
                        hostingDefaults.newSessionsPerMinute(),
                        1,
                        1_000_000),
                settings.whole(
                        "PLAYGROUND_MAX_SESSION_RUNS",
                        hostingDefaults.maxTrainingRunsPerSession(),
                        1,
                        100),
                settings.whole(
                        "PLAYGROUND_MAX_SESSION_PARAMETERS",
                        (int) hostingDefaults.maxWeightsPerSession(),
                        1_000,
                        2_000_000_000));
        String metricsToken = settings.text("PLAYGROUND_METRICS_TOKEN");
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException(settings.named("PLAYGROUND_METRICS_TOKEN") + " has "
                    + metricsToken.length() + " characters;"
                    + " use at least 16 random ones, e.g. from \"openssl rand -hex 16\".");
        }
        List<String> trustedProxies = settings.proxies("PLAYGROUND_TRUSTED_PROXIES");
        String teacherPassword = settings.text("PLAYGROUND_TEACHER_PASSWORD");
        if (teacherPassword != null && teacherPassword.length() < 8) {
            throw new IllegalArgumentException(settings.named("PLAYGROUND_TEACHER_PASSWORD")
                    + " has " + teacherPassword.length() + " characters; use at least 8.");
        }
        return new AppConfig(
                port,
                new EngineConfig(cacheDir, threads, datasetsDir),
                limits,
                embedOrigins,
                hosting,
                metricsToken,
                trustedProxies,
                history(settings),
                teacherPassword);
    }

    private static History history(OperatorSettings settings) {
        HistoryPolicy defaults = HistoryPolicy.defaults();
        HistoryPolicy policy = new HistoryPolicy(
                settings.whole("PLAYGROUND_HISTORY_DAYS", defaults.historyDays(), 0, 36_500),
                settings.whole(
                        "PLAYGROUND_MAX_RUNS_PER_LEARNER",
                        defaults.maxRunsPerLearner(),
                        0,
                        1_000_000));
        String url = settings.text("PLAYGROUND_DATABASE_URL");
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql://")) {
                // Not quoted: the address may hold a password.
                throw new IllegalArgumentException(settings.named("PLAYGROUND_DATABASE_URL")
                        + " does not start with jdbc:postgresql://; it must be a PostgreSQL address"
                        + " such as jdbc:postgresql://db.example.edu:5432/playground (leave it"
                        + " unset to keep runs in an SQLite file in PLAYGROUND_DATA_DIR).");
            }
            return new History(
                    StoreSettings.postgresql(
                            url,
                            settings.text("PLAYGROUND_DATABASE_USER"),
                            settings.text("PLAYGROUND_DATABASE_PASSWORD")),
                    policy);
        }
        String dataDir = settings.text("PLAYGROUND_DATA_DIR");
        Path dir = dataDir != null
                ? Path.of(dataDir)
                : Path.of(
                        System.getProperty("user.home"), ".local", "share", "training-playground");
        return new History(StoreSettings.sqlite(dir), policy);
    }
}
