package org.audotics.catalog.internal;

import java.time.Duration;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.storage.internal.PooledDatabase;

/** The real catalog service over an embedded database, for tests of other packages (the REST resources). */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static CatalogService over(PooledDatabase database) {
        return new DefaultCatalogService(new CatalogStore(database, database), new DefaultCatalogServiceTest.RecordingCache(),
                Duration.ofMinutes(5));
    }
}
