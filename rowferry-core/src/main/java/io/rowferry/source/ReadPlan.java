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
 * @param filter the WHERE condition (the user's, and an incremental copy's bounds), or null
 * @param filterValues values for the filter's {@code ?} placeholders, bound before any key
 * @param cursorSql the statement a CURSOR read streams (null for paged reads)
 * @param startAfter the key to start after, or null to start at the beginning
 * @param endAt the last key to read (included), or null to read to the end
 * @param fetchSize rows per fetch or page, at most
 * @param fetchBytes heap the rows of one fetch or page may take; the row count shrinks for wide rows
 * @param snapshot a shared snapshot every page of the read sees (see {@link io.rowferry.dialect.Dialect#joinSnapshot}),
 *     or null: each page sees what is committed when it runs
 * @param bulkRead whether a CURSOR or KEYSET read of a table goes through the dialect's bulk reader
 *     ({@link io.rowferry.dialect.Dialect#openBulkRead}, PostgreSQL's binary COPY) instead of JDBC
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
        FilterValues filterValues,
        String cursorSql,
        Object[] startAfter,
        Object[] endAt,
        int fetchSize,
        long fetchBytes,
        String snapshot,
        boolean bulkRead) {

    /** The same read limited to the keys after {@code after} (excluded; null: from the start) up to {@code until}
     * (included; null: to the end). Only keyset reads have ranges. */
    public ReadPlan withRange(Object[] after, Object[] until) {
        if (strategy != ReadStrategy.KEYSET) {
            throw new IllegalStateException("only keyset reads have key ranges");
        }
        return new ReadPlan(database, strategy, sourceName, tableRef, table, columnNames, columns, keyColumns, keyNames,
                keyBinders, filter, filterValues, cursorSql, after, until, fetchSize, fetchBytes, snapshot, bulkRead);
    }

    /** The same read with one more condition, ANDed to the filter, and the values of its placeholders. */
    public ReadPlan withCondition(String condition, FilterValues values) {
        String combined = filter == null ? condition : "(" + filter + ") AND " + condition;
        java.util.List<Object> allValues = new java.util.ArrayList<>(filterValues.values());
        allValues.addAll(values.values());
        java.util.List<ColumnBinder> allBinders = new java.util.ArrayList<>(filterValues.binders());
        allBinders.addAll(values.binders());
        String cursor = cursorSql == null || tableRef == null ? cursorSql
                : database.dialect().selectSql(table, columns, combined);
        return new ReadPlan(database, strategy, sourceName, tableRef, table, columnNames, columns, keyColumns, keyNames,
                keyBinders, combined, new FilterValues(allValues, allBinders), cursor, startAfter, endAt, fetchSize,
                fetchBytes, snapshot, bulkRead && strategy == ReadStrategy.KEYSET); // a bulk cursor read (one COPY)
                // cannot bind the condition's values; bulk keyset pages write them into each page as literals
    }

    /** The same read inside a snapshot: every page sees the database as it was when the snapshot was taken. */
    public ReadPlan withSnapshot(String id) {
        return new ReadPlan(database, strategy, sourceName, tableRef, table, columnNames, columns, keyColumns, keyNames,
                keyBinders, filter, filterValues, cursorSql, startAfter, endAt, fetchSize, fetchBytes, id, bulkRead);
    }

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
        if (bulk && (strategy == ReadStrategy.OFFSET || tableRef == null)) {
            throw new IllegalArgumentException("only a cursor or keyset read of a table can use a bulk reader");
        }
        return new ReadPlan(database, strategy, sourceName, tableRef, table, columnNames, columns, keyColumns, keyNames,
                keyBinders, filter, filterValues, cursorSql, startAfter, endAt, fetchSize, fetchBytes, snapshot, bulk);
    }

    /**
     * The quoted columns a keyset page selects: the rows' columns, then the key columns not among them (read to
     * page by, not part of the rows).
     */
    public List<String> pageColumns() {
        java.util.List<String> selected = new java.util.ArrayList<>(columns);
        for (String key : keyColumns) {
            if (!selected.contains(key)) {
                selected.add(key);
            }
        }
        return selected;
    }

    /** Opens a reader that follows this plan. */
    public RowReader open() {
        return switch (strategy) {
            case CURSOR -> bulkRead ? database.dialect().openBulkRead(this) : CursorReader.open(this);
            case KEYSET -> bulkRead ? database.dialect().openBulkRead(this) : new KeysetReader(this).start();
            case OFFSET -> new OffsetReader(this).start();
            case AUTO -> throw new IllegalStateException("a plan never keeps AUTO");
        };
    }
}
