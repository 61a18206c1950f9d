package org.trainingplayground.core.train;

import java.nio.file.Path;

/**
 * How the native engine is set up.
 *
 * @param djlCacheDir where DJL unpacks libtorch from the jar on first start (about 430 MB)
 * @param threads libtorch intra-op threads per step
 * @param datasetsDir folder with the dataset files, or null to read the copy inside the jar
 */
public record EngineConfig(Path djlCacheDir, int threads, Path datasetsDir) {

    public EngineConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("The number of threads must be at least 1.");
        }
    }

    /** The default cache: {@code ~/.cache/training-playground/djl}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "training-playground", "djl");
    }
}
