package org.trainingplayground;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainingplayground.core.spec.Limits;
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
 */
public record AppConfig(
        int port,
        EngineConfig engine,
        Limits limits,
        List<String> embedOrigins,
        Hosting hosting,
        String metricsToken,
        List<String> trustedProxies) {

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

    /** Reads the settings; throws {@link IllegalArgumentException} with a sentence if one is bad. */
    public static AppConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    static AppConfig load(Map<String, String> env, java.util.Properties props) {
        int port = intSetting(env, props, "PORT", "playground.port", 8080, 1, 65535);
        int threads = intSetting(
                env,
                props,
                "PLAYGROUND_THREADS",
                "playground.threads",
                1,
                1,
                Math.max(1, Runtime.getRuntime().availableProcessors()) * 4);
        String cache = setting(env, props, "PLAYGROUND_DJL_CACHE", "playground.djlCache");
        String datasets = setting(env, props, "PLAYGROUND_DATASETS", "playground.datasets");
        Path datasetsDir = null;
        if (datasets != null) {
            datasetsDir = Path.of(datasets);
            if (!Files.isDirectory(datasetsDir.resolve("mnist"))) {
                throw new IllegalArgumentException("PLAYGROUND_DATASETS is \"" + datasets
                        + "\", but that folder has no mnist/ subfolder.");
            }
        }
        Path cacheDir = cache == null ? EngineConfig.defaultCacheDir() : Path.of(cache);
        Limits defaults = Limits.defaults();
        Limits limits = new Limits(
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_LAYERS",
                        "playground.maxLayers",
                        defaults.maxHiddenLayers(),
                        0,
                        64),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_WIDTH",
                        "playground.maxWidth",
                        defaults.maxWidth(),
                        1,
                        65_536),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_BATCH",
                        "playground.maxBatch",
                        defaults.maxBatchSize(),
                        1,
                        8_000),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_EPOCHS",
                        "playground.maxEpochs",
                        defaults.maxEpochs(),
                        1,
                        10_000),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_PARAMETERS",
                        "playground.maxParameters",
                        (int) defaults.maxParameters(),
                        1_000,
                        500_000_000));
        List<String> embedOrigins = embedOrigins(
                setting(env, props, "PLAYGROUND_EMBED_ORIGINS", "playground.embedOrigins"));
        Hosting hostingDefaults = Hosting.defaults();
        Hosting hosting = new Hosting(
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_ACTIVE_RUNS",
                        "playground.maxActiveRuns",
                        hostingDefaults.maxActiveRuns(),
                        1,
                        10_000),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_SESSIONS",
                        "playground.maxSessions",
                        hostingDefaults.maxSessions(),
                        1,
                        100_000),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_IDLE_PAUSE",
                        "playground.idlePause",
                        hostingDefaults.idlePauseSeconds(),
                        5,
                        86_400),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_SESSION_TIMEOUT",
                        "playground.sessionTimeout",
                        hostingDefaults.sessionTimeoutMinutes(),
                        1,
                        10_080),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_FRAMES",
                        "playground.maxFrames",
                        hostingDefaults.maxFramesPerSession(),
                        1,
                        100),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_NEW_SESSIONS_PER_MINUTE",
                        "playground.newSessionsPerMinute",
                        hostingDefaults.newSessionsPerMinute(),
                        1,
                        1_000_000),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_SESSION_RUNS",
                        "playground.maxSessionRuns",
                        hostingDefaults.maxTrainingRunsPerSession(),
                        1,
                        100),
                intSetting(
                        env,
                        props,
                        "PLAYGROUND_MAX_SESSION_PARAMETERS",
                        "playground.maxSessionParameters",
                        (int) hostingDefaults.maxWeightsPerSession(),
                        1_000,
                        2_000_000_000));
        String metricsToken =
                setting(env, props, "PLAYGROUND_METRICS_TOKEN", "playground.metricsToken");
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException("PLAYGROUND_METRICS_TOKEN (or"
                    + " -Dplayground.metricsToken) has " + metricsToken.length() + " characters;"
                    + " use at least 16 random ones, e.g. from \"openssl rand -hex 16\".");
        }
        List<String> trustedProxies = trustedProxies(
                setting(env, props, "PLAYGROUND_TRUSTED_PROXIES", "playground.trustedProxies"));
        return new AppConfig(
                port,
                new EngineConfig(cacheDir, threads, datasetsDir),
                limits,
                embedOrigins,
                hosting,
                metricsToken,
                trustedProxies);
    }

    /** Parses the comma-separated origins, lower-cased as browsers compare them. */
    private static List<String> embedOrigins(String text) {
        List<String> origins = new ArrayList<>();
        if (text == null) {
            return origins;
        }
        for (String part : text.split(",")) {
            String origin = part.trim();
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("*")) {
                // A wildcard would let any website frame the playground, under its own
                // partitioned session, and trick students into clicking through it unseen.
                throw new IllegalArgumentException("PLAYGROUND_EMBED_ORIGINS (or"
                        + " -Dplayground.embedOrigins) is \"*\", which would let any website"
                        + " frame the playground; list the course sites' origins instead, e.g."
                        + " https://courses.example.edu.");
            }
            String refusal = originRefusal(origin);
            if (refusal != null) {
                throw new IllegalArgumentException("PLAYGROUND_EMBED_ORIGINS (or"
                        + " -Dplayground.embedOrigins) holds \"" + origin + "\", which " + refusal
                        + "; each origin must be scheme://host[:port] with http or https, e.g."
                        + " https://courses.example.edu.");
            }
            origins.add(origin.toLowerCase(Locale.ROOT));
        }
        return origins;
    }

    /**
     * Parses the comma-separated proxy addresses and ranges. Only literal addresses are
     * accepted: a host name would make every request depend on DNS.
     */
    private static List<String> trustedProxies(String text) {
        List<String> proxies = new ArrayList<>();
        if (text == null) {
            return proxies;
        }
        for (String part : text.split(",")) {
            String proxy = part.trim();
            if (proxy.isEmpty()) {
                continue;
            }
            int slash = proxy.indexOf('/');
            String address = slash < 0 ? proxy : proxy.substring(0, slash);
            InetAddress literal = ClientAddress.literal(address);
            int bits = literal == null ? 0 : literal.getAddress().length * 8;
            boolean prefixOk = slash < 0
                    || proxy.substring(slash + 1).matches("\\d{1,3}")
                            && Integer.parseInt(proxy.substring(slash + 1)) <= bits;
            if (literal == null || !prefixOk) {
                throw new IllegalArgumentException("PLAYGROUND_TRUSTED_PROXIES (or"
                        + " -Dplayground.trustedProxies) holds \"" + proxy + "\", which is not"
                        + " an IP address or a range such as 10.0.0.0/8; list the proxies'"
                        + " addresses, separated by commas.");
            }
            proxies.add(proxy);
        }
        return proxies;
    }

    /** Why this is not an origin, or null when it is one. */
    private static String originRefusal(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "does not start with http:// or https://";
        }
        if (uri.getHost() == null) {
            return "has no host name (wildcards such as *.example.edu are not accepted)";
        }
        if (uri.getRawUserInfo() != null) {
            return "has a user name in it";
        }
        if (!uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return "has a path, query or fragment after the host (an origin ends at the host"
                    + " or port)";
        }
        return null;
    }

    private static String setting(
            Map<String, String> env, java.util.Properties props, String var, String prop) {
        String value = props.getProperty(prop);
        if (value == null) {
            value = env.get(var);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int intSetting(
            Map<String, String> env,
            java.util.Properties props,
            String var,
            String prop,
            int defaultValue,
            int min,
            int max) {
        String text = setting(env, props, var, prop);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(var + " (or -D" + prop + ") is \"" + text
                    + "\"; it must be a whole number from " + min + " to " + max + ".");
        }
    }
}
