package org.audotics.catalog.internal;

import java.nio.file.Path;
import org.audotics.configtesting.ConfigFileAssert;
import org.junit.jupiter.api.Test;

class CatalogConfigFileTest {

    @Test
    void shippedConfigurationListsEveryKeyWithItsDefault() throws Exception {
        ConfigFileAssert.assertMatchesDefaults(Path.of("src/main/cfg/org.audotics.catalog.cfg"), CatalogConfig.class);
    }
}
