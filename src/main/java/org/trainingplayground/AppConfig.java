package org.trainingplayground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.trainingplayground.core.EngineConfig;
import org.trainingplayground.core.Limits;

/**
 * The operator's settings, read from environment variables or {@code -D} system properties (a
 * property wins). Each bad value is reported as a sentence naming the setting.
 *
 * @param port HTTP port ({@code PORT} / {@code playground.port}, default 8080)
 * @param engine libtorch cache, threads and dataset folder
 * @param limits what one run may use ({@code PLAYGROUND_MAX_*})
 */
public record AppConfig(int port, EngineConfig engine, Limits limits) {

    /** Reads the settings; throws {@link IllegalArgumentException} with a sentence if one is bad. */
    public static AppConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    static AppConfig load(Map<String, String> env, java.util.Properties props) {
        int port = intSetting(env, props, "PORT", "playground.port", 8080, 1, 65535);
        int threads = intSetting(env, props, "PLAYGROUND_THREADS", "playground.threads", 1, 1,
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
                intSetting(env, props, "PLAYGROUND_MAX_LAYERS", "playground.maxLayers",
                        defaults.maxHiddenLayers(), 0, 64),
                intSetting(env, props, "PLAYGROUND_MAX_WIDTH", "playground.maxWidth",
                        defaults.maxWidth(), 1, 65_536),
                intSetting(env, props, "PLAYGROUND_MAX_BATCH", "playground.maxBatch",
                        defaults.maxBatchSize(), 1, 8_000),
                intSetting(env, props, "PLAYGROUND_MAX_EPOCHS", "playground.maxEpochs",
                        defaults.maxEpochs(), 1, 10_000),
                intSetting(env, props, "PLAYGROUND_MAX_PARAMETERS", "playground.maxParameters",
                        (int) defaults.maxParameters(), 1_000, 500_000_000));
        return new AppConfig(port, new EngineConfig(cacheDir, threads, datasetsDir), limits);
    }

    private static String setting(
            Map<String, String> env, java.util.Properties props, String var, String prop) {
        String value = props.getProperty(prop);
        if (value == null) {
            value = env.get(var);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int intSetting(Map<String, String> env, java.util.Properties props,
            String var, String prop, int defaultValue, int min, int max) {
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
