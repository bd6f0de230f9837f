package org.audotics.recommendation.internal;

import java.nio.file.Path;
import java.util.List;
import org.audotics.configtesting.ConfigFileAssert;
import org.audotics.recommendation.internal.engine.FeatureKnnConfig;
import org.junit.jupiter.api.Test;

class RecommendationConfigFileTest {

    @Test
    void shippedConfigurationListsEveryKeyWithItsDefault() throws Exception {
        // one PID, two components: the recommendation service and the feature-knn engine (keys knn.ann.*)
        ConfigFileAssert.assertMatchesDefaults(Path.of("src/main/cfg/org.audotics.recommendation.cfg"),
                List.of(RecommendationConfig.class, FeatureKnnConfig.class));
    }
}
