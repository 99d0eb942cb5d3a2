package io.rowferry.sink;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;

/**
 * A bulk sink's {@link RowSink#open} found that its bulk path cannot write this target at all (a PostgreSQL view that
 * COPY refuses, LOAD DATA LOCAL switched off, a table DuckDB's appender cannot write). Write mode AUTO then writes
 * the whole copy with JDBC INSERTs ({@link AutoBulkSink}); write mode BULK reports it as a usage error.
 */
public final class BulkUnavailableException extends RowferryException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param path the bulk path, e.g. "COPY"
     * @param target the target, as the sink describes it
     * @param reason why the path cannot write it, without a trailing period
     */
    public BulkUnavailableException(String path, String target, String reason) {
        super(ErrorKind.USAGE, path + " cannot write " + target + ": " + reason
                + "; use write mode insert (or auto, which falls back to INSERTs)");
        this.reason = reason;
    }

    /** Why the bulk path cannot write the target. */
    public String reason() {
        return reason;
    }
}
