package org.audotics.library.internal;

import java.nio.file.Path;
import org.audotics.configtesting.ConfigFileAssert;
import org.junit.jupiter.api.Test;

class LibraryConfigFileTest {

    @Test
    void shippedConfigurationListsEveryKeyWithItsDefault() throws Exception {
        ConfigFileAssert.assertMatchesDefaults(Path.of("src/main/cfg/org.audotics.library.cfg"), LibraryConfig.class);
    }
}
