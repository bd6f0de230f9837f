package org.audotics.http.internal;

import java.nio.file.Path;
import org.audotics.configtesting.ConfigFileAssert;
import org.junit.jupiter.api.Test;

class HttpConfigFileTest {

    @Test
    void shippedConfigurationListsEveryKeyWithItsDefault() throws Exception {
        ConfigFileAssert.assertMatchesDefaults(Path.of("src/main/cfg/org.audotics.http.cfg"), HttpConfig.class);
    }
}
