package io.rowferry.sink;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Statements a database sink runs in each batch's transaction, just before it commits: a copy's checkpoint, so that
 * the batch and the record of how far the copy got commit together or not at all.
 */
@FunctionalInterface
public interface CommitHook {

    /** Runs on the sink's connection inside the batch's open transaction. */
    void beforeCommit(Connection connection) throws SQLException;

    /** Runs the hook (if any), then commits. */
    static void commit(Connection connection, CommitHook hook) throws SQLException {
        if (hook != null) {
            hook.beforeCommit(connection);
        }
        connection.commit();
    }
}
