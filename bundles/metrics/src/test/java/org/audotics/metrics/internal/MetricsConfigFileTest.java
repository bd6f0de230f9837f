package org.audotics.metrics.internal;

import java.nio.file.Path;
import org.audotics.configtesting.ConfigFileAssert;
import org.junit.jupiter.api.Test;

class MetricsConfigFileTest {

    @Test
    void shippedConfigurationListsEveryKeyWithItsDefault() throws Exception {
        ConfigFileAssert.assertMatchesDefaults(Path.of("src/main/cfg/org.audotics.metrics.cfg"), MetricsConfig.class);
    }
}
