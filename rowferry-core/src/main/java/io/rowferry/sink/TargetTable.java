package io.rowferry.sink;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.Dialect;
import io.rowferry.source.ResolvedTable;
import io.rowferry.source.TableResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table a copy writes into, found in the target database: its columns, its primary key, and how the rows of
 * a source schema map onto it. Shared by every database sink (JDBC batches and bulk loaders), so they name
 * columns, keys and refused rows the same way.
 */
public final class TargetTable {
    private final Database database;
    private final Dialect dialect;
    private final ResolvedTable table;
    private final List<String> primaryKey;
    private final Map<RowSchema, Mapping> mappings = new IdentityHashMap<>();

    /**
     * How the columns of one source schema land in the target.
     *
     * @param columns the target column for each source column, in source order
     * @param quotedNames those columns' quoted names, for SQL
     * @param binders how to bind each source value into its target column
     */
    public record Mapping(List<Column> columns, List<String> quotedNames, List<ColumnBinder> binders) {}

    private TargetTable(Database database, ResolvedTable table, List<String> primaryKey) {
        this.database = database;
        this.dialect = database.dialect();
        this.table = table;
        this.primaryKey = primaryKey;
    }

    /** Finds the table on this connection, or fails naming it. */
    public static TargetTable resolve(Database database, Connection connection, TableRef typed) {
        try {
            ResolvedTable table = new TableResolver(database).resolve(connection, typed);
            Map<Integer, String> bySequence = new TreeMap<>();
            TableRef name = table.table();
            try (ResultSet keys = connection.getMetaData().getPrimaryKeys(name.catalog(), name.schema(), name.name())) {
                while (keys.next()) {
                    bySequence.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
                }
            }
            return new TargetTable(database, table, new ArrayList<>(bySequence.values()));
        } catch (SQLException e) {
            throw database.failure("cannot open target table " + typed, e);
        }
    }

    /** The target database's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    public TableRef name() {
        return table.table();
    }

    /** The quoted, qualified name for SQL. */
    public String qualifiedName() {
        return table.qualifiedName();
    }

    public RowSchema columns() {
        return table.columns();
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    /**
     * The upsert statement for rows of this mapping, keyed on the table's primary key, whose columns must all be
     * written.
     */
    public String upsertSql(Mapping mapping) {
        if (primaryKey.isEmpty()) {
            throw new RowferryException(ErrorKind.USAGE, "upsert needs a primary key on the target table " + name()
                    + " on " + database.describe());
        }
        List<String> key = new ArrayList<>();
        for (String column : primaryKey) {
            int at = -1;
            for (int i = 0; i < mapping.columns().size(); i++) {
                if (mapping.columns().get(i).name().equals(column)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new RowferryException(ErrorKind.USAGE, "upsert into " + name() + " needs its primary key column "
                        + column + " among the copied columns");
            }
            key.add(mapping.quotedNames().get(at));
        }
        return dialect.upsertSql(qualifiedName(), mapping.quotedNames(), key);
    }

    /** The mapping of a source schema onto this table; every source column must exist in the target. */
    public Mapping mapping(RowSchema schema) {
        Mapping mapping = mappings.get(schema);
        if (mapping != null) {
            return mapping;
        }
        List<Column> columns = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        List<ColumnBinder> binders = new ArrayList<>();
        for (Column source : schema.columns()) {
            int index = table.columns().indexOf(source.name());
            if (index < 0) {
                throw new RowferryException(ErrorKind.NOT_FOUND, "column " + source.name() + " of the source is not in"
                        + " target table " + table.table() + " on " + database.describe() + "; it has " + table.columns());
            }
            Column target = table.columns().column(index);
            columns.add(target);
            quoted.add(dialect.quoteIdentifier(target.name()));
            binders.add(dialect.columnBinder(target));
        }
        mapping = new Mapping(List.copyOf(columns), List.copyOf(quoted), List.copyOf(binders));
        mappings.put(schema, mapping);
        return mapping;
    }

    /** The row's primary-key values (or its first column when the key is not among its columns), for messages. */
    public String describeRow(Row row) {
        List<String> parts = new ArrayList<>();
        for (String key : primaryKey) {
            int index = row.schema().indexOf(key);
            if (index < 0) {
                parts.clear();
                break;
            }
            parts.add(key + "=" + shorten(row.get(index)));
        }
        if (parts.isEmpty()) {
            parts.add(row.schema().column(0).name() + "=" + shorten(row.get(0)));
        }
        return String.join(", ", parts);
    }

    private static String shorten(Object value) {
        String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }

    /**
     * After the target refused a batch (the transaction already rolled back), replays it one row at a time with
     * plain INSERTs to find the first row it refuses, then rolls that back too: the error names that row. Errors
     * that are not about a row's values (a lost connection, a permission) are reported as they are.
     */
    public RowferryException rejected(Connection connection, List<Row> batch, Exception batchFailure) {
        return rejected(connection, batch, batchFailure, null);
    }

    /** As {@link #rejected(Connection, List, Exception)}, replaying with this statement instead of an INSERT. */
    public RowferryException rejected(Connection connection, List<Row> batch, Exception batchFailure,
            String replaySql) {
        SQLException sqlFailure = batchFailure instanceof SQLException sql ? sql : null;
        ErrorKind kind = sqlFailure != null ? dialect.classify(sqlFailure) : ErrorKind.DATA;
        String what = "writing a batch of " + batch.size() + " rows into " + table.table() + " failed";
        if (sqlFailure != null && kind != ErrorKind.CONSTRAINT && kind != ErrorKind.DATA) {
            return database.failure(what, sqlFailure);
        }
        Mapping mapping = mapping(batch.get(0).schema());
        // A fresh statement: after a failed batch some drivers (DuckDB) leave the old one unusable.
        try (PreparedStatement single = connection.prepareStatement(replaySql != null ? replaySql
                : dialect.insertSql(table.qualifiedName(), mapping.quotedNames()))) {
            for (Row row : batch) {
                try {
                    bind(single, mapping, row);
                    single.executeUpdate();
                } catch (SQLException | RuntimeException rowFailure) {
                    ErrorKind rowKind = rowFailure instanceof SQLException sql ? dialect.classify(sql) : ErrorKind.DATA;
                    return new RowferryException(rowKind, "target table " + table.table() + " on "
                            + database.describe() + " rejected the row with " + describeRow(row) + ": "
                            + database.driverMessage(rowFailure), rowFailure);
                }
            }
        } catch (SQLException replayFailure) {
            batchFailure.addSuppressed(replayFailure);
        } finally {
            rollbackQuietly(connection);
        }
        return sqlFailure != null
                ? database.failure(what, sqlFailure)
                : new RowferryException(ErrorKind.DATA, what + ": " + database.driverMessage(batchFailure), batchFailure);
    }

    /** Binds a row's values to a statement's parameters 1..n. */
    public static void bind(PreparedStatement statement, Mapping mapping, Row row) throws SQLException {
        List<ColumnBinder> binders = mapping.binders();
        for (int i = 0; i < binders.size(); i++) {
            binders.get(i).bind(statement, i + 1, row.get(i));
        }
    }

    /** Rolls back if a transaction is open; a connection already gone has nothing to roll back. */
    public static void rollbackQuietly(Connection connection) {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection may be gone; nothing was committed either way
        }
    }

    /**
     * Gives a sink's connection back: rolls back what was not committed, restores autocommit (for pooled
     * connections) and closes it, each step even if an earlier one failed.
     */
    public static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        rollbackQuietly(connection);
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // restoring autocommit matters only for pooled connections
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    @Override
    public String toString() {
        return "table " + table.table() + " on " + database.describe();
    }
}
