package org.audotics.recommendation.internal;

import java.nio.file.Path;
import org.audotics.configtesting.ConfigFileAssert;
import org.junit.jupiter.api.Test;

class RecommendationConfigFileTest {

    @Test
    void shippedConfigurationListsEveryKeyWithItsDefault() throws Exception {
        ConfigFileAssert.assertMatchesDefaults(Path.of("src/main/cfg/org.audotics.recommendation.cfg"), RecommendationConfig.class);
    }
}
