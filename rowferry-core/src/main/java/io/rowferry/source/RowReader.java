package io.rowferry.source;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.sql.SQLException;

/**
 * Pulls rows from a database one at a time. Not thread-safe; the caller closes it, and it also releases its
 * server resources by itself once the last row has been read.
 */
public interface RowReader extends AutoCloseable {

    /** The next row, or null when there are no more. */
    Row next() throws SQLException;

    /** The columns of the rows this reader returns. */
    RowSchema schema();

    /** The key of the row {@link #next()} returned last, for reads in key order (keyset); null otherwise. */
    default Object[] lastKey() {
        return null;
    }

    @Override
    void close();
}
