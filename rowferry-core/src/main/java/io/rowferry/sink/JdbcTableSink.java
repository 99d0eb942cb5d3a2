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
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes rows into an existing table with JDBC batches, one transaction per batch. Columns are matched by name
 * (any case); target columns the rows lack get their defaults.
 *
 * <p>When the target refuses a batch (a constraint, a value it cannot hold), the batch is rolled back and
 * replayed row by row, inside a transaction that is rolled back too, to find the first row it refuses; the
 * error names that row by the target's primary key. Nothing beyond the last committed batch is written.
 */
public final class JdbcTableSink implements RowSink {
    private final Database database;
    private final TableRef typedTable;
    private Dialect dialect;
    private Connection connection;
    private ResolvedTable table;
    private List<String> primaryKey = List.of();
    private final Map<RowSchema, Insert> inserts = new IdentityHashMap<>();

    /** A prepared INSERT for rows of one schema. */
    private record Insert(PreparedStatement statement, ColumnBinder[] binders, String sql) {}

    public JdbcTableSink(Database database, TableRef table) {
        this.database = database;
        this.typedTable = table;
    }

    @Override
    public void open(RowSchema schema) {
        dialect = database.dialect();
        connection = database.connect();
        try {
            table = new TableResolver(database).resolve(connection, typedTable);
            primaryKey = primaryKey(connection.getMetaData(), table.table());
            dialect.prepareWrite(connection);
        } catch (SQLException e) {
            throw database.failure("cannot open target table " + typedTable, e);
        }
        insertFor(schema); // checks that every source column exists in the target before any row is read
    }

    private static List<String> primaryKey(DatabaseMetaData metaData, TableRef table) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet keys = metaData.getPrimaryKeys(table.catalog(), table.schema(), table.name())) {
            while (keys.next()) {
                bySequence.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    private Insert insertFor(RowSchema schema) {
        Insert insert = inserts.get(schema);
        if (insert != null) {
            return insert;
        }
        RowSchema targetColumns = table.columns();
        List<String> quoted = new ArrayList<>();
        ColumnBinder[] binders = new ColumnBinder[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            String name = schema.column(i).name();
            int index = targetColumns.indexOf(name);
            if (index < 0) {
                throw new RowferryException(ErrorKind.NOT_FOUND, "column " + name + " of the source is not in target"
                        + " table " + table.table() + " on " + database.describe() + "; it has " + targetColumns);
            }
            Column target = targetColumns.column(index);
            quoted.add(dialect.quoteIdentifier(target.name()));
            binders[i] = dialect.columnBinder(target);
        }
        String sql = dialect.insertSql(table.qualifiedName(), quoted);
        try {
            insert = new Insert(connection.prepareStatement(sql), binders, sql);
        } catch (SQLException e) {
            throw database.failure("cannot prepare the insert into " + table.table(), e);
        }
        inserts.put(schema, insert);
        return insert;
    }

    @Override
    public void write(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Insert insert = insertFor(batch.get(0).schema());
        long maxBytes = dialect.maxBatchBytesPerExecute();
        try {
            long pending = 0;
            for (Row row : batch) {
                bind(insert, row);
                insert.statement().addBatch();
                pending += row.sizeBytes();
                if (pending >= maxBytes) {
                    insert.statement().executeBatch(); // same transaction: the batch still commits as one
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.statement().executeBatch();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw rejected(insert, batch, e);
        }
    }

    private void bind(Insert insert, Row row) throws SQLException {
        for (int i = 0; i < insert.binders().length; i++) {
            insert.binders()[i].bind(insert.statement(), i + 1, row.get(i));
        }
    }

    /** Finds the row the target refuses by replaying the batch one row at a time, then rolls that back too. */
    private RowferryException rejected(Insert insert, List<Row> batch, Exception batchFailure) {
        SQLException sqlFailure = batchFailure instanceof SQLException sql ? sql : null;
        ErrorKind kind = sqlFailure != null ? dialect.classify(sqlFailure) : ErrorKind.DATA;
        if (sqlFailure != null && kind != ErrorKind.CONSTRAINT && kind != ErrorKind.DATA) {
            return database.failure("writing a batch of " + batch.size() + " rows into " + table.table() + " failed",
                    sqlFailure);
        }
        // A fresh statement: after a failed batch some drivers (DuckDB) leave the old one unusable.
        try (PreparedStatement single = connection.prepareStatement(insert.sql())) {
            Insert replay = new Insert(single, insert.binders(), insert.sql());
            for (Row row : batch) {
                try {
                    bind(replay, row);
                    single.executeUpdate();
                } catch (SQLException | RuntimeException rowFailure) {
                    ErrorKind rowKind = rowFailure instanceof SQLException sql ? dialect.classify(sql) : ErrorKind.DATA;
                    return new RowferryException(rowKind, "target table " + table.table() + " on "
                            + database.describe() + " rejected the row with " + describe(row) + ": "
                            + database.driverMessage(rowFailure), rowFailure);
                }
            }
        } catch (SQLException replayFailure) {
            batchFailure.addSuppressed(replayFailure);
        } finally {
            rollbackQuietly();
        }
        return sqlFailure != null
                ? database.failure("writing a batch of " + batch.size() + " rows into " + table.table() + " failed",
                        sqlFailure)
                : new RowferryException(ErrorKind.DATA, "writing into " + table.table() + " failed: "
                        + batchFailure.getMessage(), batchFailure);
    }

    /** The row's primary-key values (or its first column when the key is not among its columns). */
    private String describe(Row row) {
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
        String text = String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection may be gone; nothing was committed either way
        }
    }

    @Override
    public void finish() {
        // every batch is committed as it is written
    }

    @Override
    public void abort() {
        rollbackQuietly();
    }

    @Override
    public void close() {
        for (Insert insert : inserts.values()) {
            try {
                insert.statement().close();
            } catch (SQLException ignored) {
                // closing the connection releases it anyway
            }
        }
        inserts.clear();
        if (connection != null) {
            try {
                rollbackQuietly();
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // restoring autocommit matters only for pooled connections
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
            connection = null;
        }
    }

    @Override
    public String describe() {
        return "table " + typedTable + " on " + database.describe();
    }
}
