package io.rowferry.sink;

import io.rowferry.Database;
import io.rowferry.RowSchema;
import io.rowferry.TableRef;

/**
 * The JDBC batch sink a bulk sink falls back to for the batches its loader cannot write exactly, opened on its own
 * connection the first time it is needed, and finished, aborted and closed together with the bulk sink.
 */
public final class InsertFallback {
    private JdbcTableSink sink;
    private CommitHook commitHook;

    /** The hook the fallback sink runs before each commit, as the bulk sink does. */
    public void commitHook(CommitHook hook) {
        this.commitHook = hook;
        if (sink != null) {
            sink.commitHook(hook);
        }
    }

    /** The fallback sink, opened for rows of this schema on first use. */
    public JdbcTableSink sink(Database database, TableRef table, RowSchema schema) {
        if (sink == null) {
            JdbcTableSink opened = new JdbcTableSink(database, table);
            opened.commitHook(commitHook);
            try {
                opened.open(schema);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            sink = opened;
        }
        return sink;
    }

    public void finish() {
        if (sink != null) {
            sink.finish();
        }
    }

    public void abort() {
        if (sink != null) {
            sink.abort();
        }
    }

    public void close() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }
}
