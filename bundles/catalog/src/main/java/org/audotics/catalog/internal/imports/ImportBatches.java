package org.audotics.catalog.internal.imports;

import java.util.List;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidImportException;
import org.audotics.catalog.api.TrackImport;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.cayenne.api.ObjectStore;

/**
 * What an import job needs of the catalog, provided by the catalog service inside this bundle (the package is
 * not exported): a batch written as {@link org.audotics.catalog.api.CatalogService#importTracks} writes it
 * (cache evictions and change events included, but with multi-row JDBC statements) with the job's progress in
 * the same transaction, and the
 * catalog's database for the job tables. Thread-safe. Until the catalog's schema is migrated every call
 * throws {@link StorageException} with {@link StorageException.Reason#UNAVAILABLE}.
 */
public interface ImportBatches {

    /**
     * @param batch           1..{@link org.audotics.catalog.api.CatalogService#MAX_IMPORT_BATCH} tracks, external ids distinct
     * @param sameTransaction statements run through the context after the batch is written, committed with it
     * @throws InvalidImportException as {@code importTracks}; nothing is written
     */
    ImportResult importTracks(List<TrackImport> batch, CatalogStore.AfterBatch sameTransaction);

    /** Runs JDBC work in one transaction of the catalog's database. */
    <R> R inTransaction(CatalogStore.SqlWork<R> work);

    /** Runs work in one transaction of the catalog's database. */
    <R> R write(ObjectStore.Work<R> work);

    /** Runs read-only work in the catalog's database. */
    <R> R read(ObjectStore.Work<R> work);
}
