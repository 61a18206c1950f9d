package org.trainingplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void eachSettingsPropertyIsItsVariableInCamelCaseUnderPlaygroundAndReadsAsOne() {
        Map.ofEntries(
                        Map.entry("PORT", "playground.port"),
                        Map.entry("PLAYGROUND_DJL_CACHE", "playground.djlCache"),
                        Map.entry("PLAYGROUND_DATASETS", "playground.datasets"),
                        Map.entry("PLAYGROUND_EMBED_ORIGINS", "playground.embedOrigins"),
                        Map.entry("PLAYGROUND_METRICS_TOKEN", "playground.metricsToken"),
                        Map.entry("PLAYGROUND_TRUSTED_PROXIES", "playground.trustedProxies"),
                        Map.entry("PLAYGROUND_THREADS", "playground.threads"),
                        Map.entry("PLAYGROUND_MAX_LAYERS", "playground.maxLayers"),
                        Map.entry("PLAYGROUND_MAX_ACTIVE_RUNS", "playground.maxActiveRuns"),
                        Map.entry(
                                "PLAYGROUND_NEW_SESSIONS_PER_MINUTE",
                                "playground.newSessionsPerMinute"),
                        Map.entry(
                                "PLAYGROUND_MAX_SESSION_PARAMETERS",
                                "playground.maxSessionParameters"))
                .forEach((variable, property) ->
                        assertEquals(property, OperatorSettings.property(variable), variable));
        assertEquals(
                20,
                AppConfig.load(Map.of(), props("playground.maxWidth", "20"))
                        .limits()
                        .maxWidth());
    }

    private static Properties props(String key, String value) {
        Properties props = new Properties();
        props.setProperty(key, value);
        return props;
    }

    @Test
    void withNothingSetTheDefaultsApply() {
        AppConfig config = AppConfig.load(Map.of(), new Properties());
        assertEquals(8080, config.port());
        assertEquals(1, config.engine().threads());
        assertEquals(6, config.limits().maxHiddenLayers());
        assertEquals(1024, config.limits().maxBatchSize());
        assertEquals(List.of(), config.embedOrigins(), "only the app's own origin may frame it");
    }

    @Test
    void anOperatorSetsLimitsByEnvironmentAndAPropertyWins() {
        Properties props = new Properties();
        props.setProperty("playground.maxEpochs", "20");
        AppConfig config = AppConfig.load(
                Map.of("PORT", "9090", "PLAYGROUND_MAX_LAYERS", "3", "PLAYGROUND_MAX_EPOCHS", "50"),
                props);
        assertEquals(9090, config.port());
        assertEquals(3, config.limits().maxHiddenLayers());
        assertEquals(20, config.limits().maxEpochs());
    }

    @Test
    void aMetricsTokenIsReadAndAShortOneIsRefusedWithASentence() {
        assertEquals(null, AppConfig.load(Map.of(), new Properties()).metricsToken());
        assertEquals(6, AppConfig.load(Map.of(), new Properties()).hosting().maxFramesPerSession());
        String token = "3f9a0c2b7d1e4a5f";
        assertEquals(
                token,
                AppConfig.load(Map.of("PLAYGROUND_METRICS_TOKEN", token), new Properties())
                        .metricsToken());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(
                        Map.of("PLAYGROUND_METRICS_TOKEN", "secret"), new Properties()));
        assertEquals(
                "PLAYGROUND_METRICS_TOKEN (or -Dplayground.metricsToken) has 6 characters;"
                        + " use at least 16 random ones, e.g. from \"openssl rand -hex 16\".",
                e.getMessage());
    }

    @Test
    void aBadValueIsRefusedWithASentenceNamingTheSetting() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(Map.of("PLAYGROUND_MAX_BATCH", "lots"), new Properties()));
        assertEquals(
                "PLAYGROUND_MAX_BATCH (or -Dplayground.maxBatch) is \"lots\"; it must be a"
                        + " whole number from 1 to 8000.",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(Map.of("PORT", "80000"), new Properties()));
        assertEquals(
                "PORT (or -Dplayground.port) is \"80000\"; it must be a whole number from 1"
                        + " to 65535.",
                e.getMessage());
    }

    @Test
    void embeddingOriginsAreAListOfSchemeHostAndPort() {
        AppConfig config = AppConfig.load(
                Map.of(
                        "PLAYGROUND_EMBED_ORIGINS",
                        " https://Courses.Example.edu, http://localhost:8000 ,"),
                new Properties());
        assertEquals(
                List.of("https://courses.example.edu", "http://localhost:8000"),
                config.embedOrigins());
    }

    @Test
    void anEmptyEmbeddingSettingMeansTheAppsOwnOriginOnly() {
        Properties props = new Properties();
        props.setProperty("playground.embedOrigins", "  ");
        assertEquals(
                List.of(),
                AppConfig.load(Map.of("PLAYGROUND_EMBED_ORIGINS", "https://a.example.edu"), props)
                        .embedOrigins());
        assertEquals(
                List.of(),
                AppConfig.load(Map.of("PLAYGROUND_EMBED_ORIGINS", " , "), new Properties())
                        .embedOrigins());
    }

    @Test
    void anEmbeddingOriginWithAPathIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(
                        Map.of("PLAYGROUND_EMBED_ORIGINS", "https://courses.example.edu/ml101"),
                        new Properties()));
        assertEquals(
                "PLAYGROUND_EMBED_ORIGINS (or -Dplayground.embedOrigins) holds"
                        + " \"https://courses.example.edu/ml101\", which has a path, query or fragment"
                        + " after the host (an origin ends at the host or port); each origin must be"
                        + " scheme://host[:port] with http or https, e.g. https://courses.example.edu.",
                e.getMessage());
    }

    @Test
    void anEmbeddingOriginWithoutHttpOrHttpsIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(
                        Map.of("PLAYGROUND_EMBED_ORIGINS", "courses.example.edu"),
                        new Properties()));
        assertTrue(
                e.getMessage().contains("does not start with http:// or https://"), e.getMessage());
    }

    @Test
    void aWildcardOriginIsRefusedBecauseAnySiteCouldFrameThePlayground() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(Map.of("PLAYGROUND_EMBED_ORIGINS", "*"), new Properties()));
        assertEquals(
                "PLAYGROUND_EMBED_ORIGINS (or -Dplayground.embedOrigins) is \"*\", which"
                        + " would let any website frame the playground; list the course sites' origins"
                        + " instead, e.g. https://courses.example.edu.",
                e.getMessage());
    }

    @Test
    void theAdmissionLimitsHaveDefaultsThatLetAWholeSchoolJoinAndCanBeSet() {
        AppConfig.Hosting defaults = AppConfig.load(Map.of(), new Properties()).hosting();
        assertEquals(120, defaults.newSessionsPerMinute(), "three classes behind one address");
        assertEquals(4, defaults.maxTrainingRunsPerSession());
        assertEquals(10_000_000, defaults.maxWeightsPerSession());
        AppConfig.Hosting set = AppConfig.load(
                        Map.of(
                                "PLAYGROUND_NEW_SESSIONS_PER_MINUTE",
                                "30",
                                "PLAYGROUND_MAX_SESSION_RUNS",
                                "2",
                                "PLAYGROUND_MAX_SESSION_PARAMETERS",
                                "500000"),
                        new Properties())
                .hosting();
        assertEquals(30, set.newSessionsPerMinute());
        assertEquals(2, set.maxTrainingRunsPerSession());
        assertEquals(500_000, set.maxWeightsPerSession());
    }

    @Test
    void trustedProxiesAreLiteralAddressesOrRanges() {
        assertEquals(List.of(), AppConfig.load(Map.of(), new Properties()).trustedProxies());
        assertEquals(
                List.of("10.0.0.5", "192.168.1.0/24", "fd00::/8"),
                AppConfig.load(
                                Map.of(
                                        "PLAYGROUND_TRUSTED_PROXIES",
                                        " 10.0.0.5, 192.168.1.0/24 ,fd00::/8,"),
                                new Properties())
                        .trustedProxies());
    }

    @Test
    void aTrustedProxyThatIsAHostNameOrABadRangeIsRefusedWithASentence() {
        for (String bad : List.of("proxy.example.edu", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> AppConfig.load(
                            Map.of("PLAYGROUND_TRUSTED_PROXIES", bad), new Properties()));
            assertEquals(
                    "PLAYGROUND_TRUSTED_PROXIES (or -Dplayground.trustedProxies) holds \""
                            + bad + "\", which is not an IP address or a range such as 10.0.0.0/8;"
                            + " list the proxies' addresses, separated by commas.",
                    e.getMessage());
        }
    }

    @Test
    void runsAreKeptInAnSqliteFileInTheDataFolderOrOnPostgresqlWhenItIsNamed() {
        Properties none = new Properties();
        AppConfig.History history = AppConfig.load(
                        Map.of("PLAYGROUND_DATA_DIR", "/srv/playground"), none)
                .history();
        assertEquals(
                "jdbc:sqlite:/srv/playground/history.sqlite", history.store().jdbcUrl());
        assertEquals(180, history.policy().historyDays());
        assertEquals(200, history.policy().maxRunsPerLearner());
        AppConfig.History hosted = AppConfig.load(
                        Map.of(
                                "PLAYGROUND_DATABASE_URL", "jdbc:postgresql://db:5432/playground",
                                "PLAYGROUND_DATABASE_USER", "playground",
                                "PLAYGROUND_DATABASE_PASSWORD", "secret",
                                "PLAYGROUND_HISTORY_DAYS", "30",
                                "PLAYGROUND_MAX_RUNS_PER_LEARNER", "50"),
                        none)
                .history();
        assertEquals("jdbc:postgresql://db:5432/playground", hosted.store().jdbcUrl());
        assertEquals("playground", hosted.store().user());
        assertEquals(30, hosted.policy().historyDays());
        assertEquals(50, hosted.policy().maxRunsPerLearner());
    }

    @Test
    void aBadHistorySettingStopsStartUpWithASentenceThatNeverQuotesTheAddress() {
        IllegalArgumentException days = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(
                        Map.of("PLAYGROUND_HISTORY_DAYS", "forever"), new Properties()));
        assertEquals(
                "PLAYGROUND_HISTORY_DAYS (or -Dplayground.historyDays) is \"forever\"; it must"
                        + " be a whole number from 0 to 36500.",
                days.getMessage());
        IllegalArgumentException url = assertThrows(
                IllegalArgumentException.class,
                () -> AppConfig.load(
                        Map.of("PLAYGROUND_DATABASE_URL", "mysql://root:hunter2@db/x"),
                        new Properties()));
        assertTrue(
                url.getMessage()
                        .startsWith(
                                "PLAYGROUND_DATABASE_URL (or"
                                        + " -Dplayground.databaseUrl) does not start with jdbc:postgresql://"),
                url.getMessage());
        assertTrue(!url.getMessage().contains("hunter2"), url.getMessage());
    }
}
