package io.rowferry.source;

import io.rowferry.Database;
import io.rowferry.ReadStrategy;
import io.rowferry.dialect.ColumnBinder;
import java.util.List;

/**
 * A read decided in full before it starts: the strategy chosen, the SQL, the key, and what the read holds on the
 * server. Built by {@link ReadPlanner}; readers follow it.
 *
 * @param database where to read
 * @param strategy CURSOR, KEYSET or OFFSET (never AUTO)
 * @param sourceName the table or "query", for messages
 * @param tableRef the table as stored in the database, or null for a query
 * @param table the quoted qualified table, or null for a query
 * @param columnNames the stored names of the columns the rows hold, in order (null for a query)
 * @param columns the quoted columns the rows hold, in order (null for a query: all its columns)
 * @param keyColumns the quoted key columns for KEYSET and OFFSET pages; empty for CURSOR
 * @param keyNames the stored key column names, for messages
 * @param keyBinders how to bind each key part back into the next page's statement
 * @param filter the user's WHERE condition, or null
 * @param cursorSql the statement a CURSOR read streams (null for paged reads)
 * @param startAfter the key to start after, or null to start at the beginning
 * @param fetchSize rows per fetch or page, at most
 * @param fetchBytes heap the rows of one fetch or page may take; the row count shrinks for wide rows
 * @param bulkRead whether a CURSOR read of a table goes through the dialect's bulk reader
 *     ({@link io.rowferry.dialect.Dialect#openBulkRead}, PostgreSQL's binary COPY) instead of a JDBC cursor
 */
public record ReadPlan(
        Database database,
        ReadStrategy strategy,
        String sourceName,
        io.rowferry.TableRef tableRef,
        String table,
        List<String> columnNames,
        List<String> columns,
        List<String> keyColumns,
        List<String> keyNames,
        List<ColumnBinder> keyBinders,
        String filter,
        String cursorSql,
        Object[] startAfter,
        int fetchSize,
        long fetchBytes,
        boolean bulkRead) {

    /** What this read holds on the source server while it runs, in one sentence. */
    public String holds() {
        return switch (strategy) {
            case CURSOR -> bulkRead
                    ? "one connection running one COPY statement (its snapshot holds back vacuum) for the whole read"
                    : database.dialect().id().equals("postgresql")
                    ? "one connection and one open transaction (its snapshot holds back vacuum) for the whole read"
                    : "one connection with one open streaming statement for the whole read";
            case KEYSET -> "one connection; each page is a short statement, nothing is held between pages";
            case OFFSET -> "one connection; each page rescans every row before its offset";
            case AUTO -> throw new IllegalStateException("a plan never keeps AUTO");
        };
    }

    /** The same plan with the bulk reader on or off (off: the JDBC cursor, e.g. to compare the two). */
    public ReadPlan withBulkRead(boolean bulk) {
        if (bulk && (strategy != ReadStrategy.CURSOR || tableRef == null)) {
            throw new IllegalArgumentException("only a cursor read of a table can use a bulk reader");
        }
        return new ReadPlan(database, strategy, sourceName, tableRef, table, columnNames, columns, keyColumns, keyNames,
                keyBinders, filter, cursorSql, startAfter, fetchSize, fetchBytes, bulk);
    }

    /** Opens a reader that follows this plan. */
    public RowReader open() {
        return switch (strategy) {
            case CURSOR -> bulkRead ? database.dialect().openBulkRead(this) : CursorReader.open(this);
            case KEYSET -> new KeysetReader(this).start();
            case OFFSET -> new OffsetReader(this).start();
            case AUTO -> throw new IllegalStateException("a plan never keeps AUTO");
        };
    }
}
