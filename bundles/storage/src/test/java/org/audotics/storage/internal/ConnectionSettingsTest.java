package org.audotics.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static final Path DATA = Path.of("/srv/karaf/data");

    @Test
    void emptyUrlMeansEmbeddedH2UnderTheDataFolder() {
        ConnectionSettings settings = ConnectionSettings.resolve(TestStorageConfig.defaults(), Map.of(), DATA);
        assertTrue(settings.embedded());
        assertTrue(settings.url().startsWith("jdbc:h2:retry:/srv/karaf/data/audotics/audotics;"), settings.url());
        assertTrue(settings.url().contains("MODE=PostgreSQL"));
    }

    @Test
    void environmentOverridesTheFile() {
        var config = new TestStorageConfig("jdbc:postgresql://file-host/db", "file-user", "file-secret");
        var env = Map.of("AUDOTICS_DB_URL", "jdbc:postgresql://env-host/db", "AUDOTICS_DB_PASSWORD", "env-secret");
        ConnectionSettings settings = ConnectionSettings.resolve(config, env, DATA);
        assertEquals("jdbc:postgresql://env-host/db", settings.url());
        assertEquals("file-user", settings.user());
        assertEquals("env-secret", settings.password());
        assertFalse(settings.embedded());
    }

    @Test
    void blankEnvironmentVariablesAreIgnored() {
        var config = new TestStorageConfig("jdbc:postgresql://file-host/db", "u", "p");
        ConnectionSettings settings = ConnectionSettings.resolve(config, Map.of("AUDOTICS_DB_URL", "  "), DATA);
        assertEquals("jdbc:postgresql://file-host/db", settings.url());
    }

    @Test
    void rejectsUnsupportedDatabasesWithoutEchoingTheWholeUrl() {
        var config = new TestStorageConfig("jdbc:mysql://host/db?password=hunter2", "", "");
        var e = assertThrows(IllegalArgumentException.class, () -> ConnectionSettings.resolve(config, Map.of(), DATA));
        assertTrue(e.getMessage().contains("jdbc:mysql:"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void redactedUrlDropsParameters() {
        var config = new TestStorageConfig("jdbc:postgresql://host/db?password=hunter2", "", "");
        assertEquals("jdbc:postgresql://host/db", ConnectionSettings.resolve(config, Map.of(), DATA).redactedUrl());
    }
}
