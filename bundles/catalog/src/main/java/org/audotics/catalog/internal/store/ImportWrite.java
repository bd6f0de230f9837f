package org.audotics.catalog.internal.store;

import org.audotics.catalog.api.ImportResult;

/** A committed import batch: what the caller is told, and what the change events announce. */
public record ImportWrite(ImportResult result, CatalogChanges changes) {
}
