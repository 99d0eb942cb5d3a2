package io.rowferry.sink;

import io.rowferry.Database;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.TableRef;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    private TargetTable target;
    private CommitHook commitHook;
    private final Map<RowSchema, PreparedStatement> inserts = new IdentityHashMap<>();

    private final boolean upsert;

    public JdbcTableSink(Database database, TableRef table) {
        this(database, table, false);
    }

    /**
     * With {@code upsert}, a row whose primary key is already in the table updates that row instead of failing:
     * {@link Dialect#upsertSql}.
     */
    public JdbcTableSink(Database database, TableRef table, boolean upsert) {
        this.database = database;
        this.typedTable = table;
        this.upsert = upsert;
    }

    @Override
    public void open(RowSchema schema) {
        dialect = database.dialect();
        connection = database.connect();
        target = TargetTable.resolve(database, connection, typedTable);
        try {
            dialect.prepareWrite(connection);
        } catch (SQLException e) {
            throw database.failure("cannot prepare writing into " + typedTable, e);
        }
        insertFor(schema); // checks that every source column exists in the target before any row is read
    }

    private PreparedStatement insertFor(RowSchema schema) {
        PreparedStatement insert = inserts.get(schema);
        if (insert == null) {
            TargetTable.Mapping mapping = target.mapping(schema);
            String sql = writeSql(mapping);
            try {
                insert = connection.prepareStatement(sql);
            } catch (SQLException e) {
                throw database.failure("cannot prepare the insert into " + target.name(), e);
            }
            inserts.put(schema, insert);
        }
        return insert;
    }

    @Override
    public void write(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RowSchema schema = batch.get(0).schema();
        PreparedStatement insert = insertFor(schema);
        TargetTable.Mapping mapping = target.mapping(schema);
        long maxBytes = dialect.maxBatchBytesPerExecute();
        try {
            long pending = 0;
            for (Row row : batch) {
                TargetTable.bind(insert, mapping, row);
                insert.addBatch();
                pending += row.sizeBytes();
                if (pending >= maxBytes) {
                    insert.executeBatch(); // same transaction: the batch still commits as one
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            CommitHook.commit(connection, commitHook);
        } catch (SQLException | RuntimeException e) {
            TargetTable.rollbackQuietly(connection);
            throw target.rejected(connection, batch, e, upsert ? writeSql(mapping) : null);
        }
    }

    private String writeSql(TargetTable.Mapping mapping) {
        return upsert ? target.upsertSql(mapping) : dialect.insertSql(target.qualifiedName(), mapping.quotedNames());
    }

    @Override
    public void finish() {
        // every batch is committed as it is written
    }

    @Override
    public void abort() {
        TargetTable.rollbackQuietly(connection);
    }

    @Override
    public void close() {
        for (PreparedStatement insert : inserts.values()) {
            try {
                insert.close();
            } catch (SQLException ignored) {
                // closing the connection releases it anyway
            }
        }
        inserts.clear();
        TargetTable.release(connection);
        connection = null;
    }

    @Override
    public TargetTable targetTable() {
        return target;
    }

    @Override
    public void commitHook(CommitHook hook) {
        this.commitHook = hook;
    }

    @Override
    public String describe() {
        return "table " + typedTable + " on " + database.describe() + (upsert ? " (upsert)" : "");
    }
}
