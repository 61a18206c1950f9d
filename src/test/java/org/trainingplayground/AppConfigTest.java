package org.trainingplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void withNothingSetTheDefaultsApply() {
        AppConfig config = AppConfig.load(Map.of(), new Properties());
        assertEquals(8080, config.port());
        assertEquals(1, config.engine().threads());
        assertEquals(6, config.limits().maxHiddenLayers());
        assertEquals(1024, config.limits().maxBatchSize());
    }

    @Test
    void anOperatorSetsLimitsByEnvironmentAndAPropertyWins() {
        Properties props = new Properties();
        props.setProperty("playground.maxEpochs", "20");
        AppConfig config = AppConfig.load(
                Map.of("PORT", "9090", "PLAYGROUND_MAX_LAYERS", "3", "PLAYGROUND_MAX_EPOCHS",
                        "50"), props);
        assertEquals(9090, config.port());
        assertEquals(3, config.limits().maxHiddenLayers());
        assertEquals(20, config.limits().maxEpochs());
    }

    @Test
    void aBadValueIsRefusedWithASentenceNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.load(Map.of("PLAYGROUND_MAX_BATCH", "lots"), new Properties()));
        assertEquals("PLAYGROUND_MAX_BATCH (or -Dplayground.maxBatch) is \"lots\"; it must be a"
                + " whole number from 1 to 8000.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.load(Map.of("PORT", "80000"), new Properties()));
        assertEquals("PORT (or -Dplayground.port) is \"80000\"; it must be a whole number from 1"
                + " to 65535.", e.getMessage());
    }
}
