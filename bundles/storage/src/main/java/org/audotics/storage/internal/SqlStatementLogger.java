package org.audotics.storage.internal;

import org.apache.cayenne.access.translator.ParameterBinding;
import org.apache.cayenne.log.JdbcEventLogger;
import org.apache.cayenne.map.DbAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cayenne's JDBC log for our bundles: SQL statements and row counts at DEBUG (logger
 * {@code org.audotics.storage.sql}), and never a bound value or generated key, at any level. Cayenne's own
 * logger writes every statement with its values at INFO: 16 lines for one track read, and catalog data
 * (and later account data) in the log.
 */
final class SqlStatementLogger implements JdbcEventLogger {

    private static final Logger LOG = LoggerFactory.getLogger("org.audotics.storage.sql");

    @Override
    public void log(String message) {
        LOG.debug(message);
    }

    @Override
    public void logGeneratedKey(DbAttribute attribute, Object value) {
        // a key is a value: not logged
    }

    @Override
    public void logQuery(String sql, ParameterBinding[] bindings) {
        LOG.debug("SQL: {}", sql);
    }

    @Override
    public void logQueryParameters(String label, ParameterBinding[] bindings) {
        // bound values are data: not logged
    }

    @Override
    public void logSelectCount(int count, long timeMillis) {
        LOG.debug("{} rows in {} ms", count, timeMillis);
    }

    @Override
    public void logSelectCount(int count, long timeMillis, String sql) {
        LOG.debug("{} rows in {} ms", count, timeMillis);
    }

    @Override
    public void logUpdateCount(int count) {
        LOG.debug("{} rows updated", count);
    }

    @Override
    public void logBeginTransaction(String message) {
        LOG.debug("begin transaction");
    }

    @Override
    public void logCommitTransaction(String message) {
        LOG.debug("commit");
    }

    @Override
    public void logRollbackTransaction(String message) {
        LOG.debug("rollback");
    }

    @Override
    public void logQueryError(Throwable error) {
        // the failure is thrown to the caller, which decides how to report it; here only its kind
        LOG.debug("statement failed: {}", error.getClass().getSimpleName());
    }

    @Override
    public boolean isLoggable() {
        return LOG.isDebugEnabled();
    }
}
