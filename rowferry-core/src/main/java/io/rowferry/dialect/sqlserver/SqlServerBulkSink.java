package io.rowferry.dialect.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import com.microsoft.sqlserver.jdbc.SQLServerConnection;
import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.TableRef;
import io.rowferry.sink.BulkUnavailableException;
import io.rowferry.sink.InsertFallback;
import io.rowferry.sink.JdbcTableSink;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.CommitHook;
import io.rowferry.sink.TargetTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each batch with SQL Server's bulk copy API ({@code SQLServerBulkCopy.writeToServer(ISQLServerBulkData)}) fed
 * by {@link SqlServerBulkData}, which walks the batch's own rows, and commits it: one transaction per batch, as
 * {@link JdbcTableSink}.
 *
 * <p><b>Unverified against a live server:</b> no SQL Server runs where Rowferry is tested. The row source (column
 * ordinals, names, types, precision, scale, and the values it yields) is tested without a server; the behaviour
 * below is taken from Microsoft's documentation and the driver's source, not measured.
 *
 * <p>The bulk copy is created with {@code SQLServerBulkCopy(Connection)} on the sink's connection, whose autocommit is
 * off, and without the internal-transaction option: it then runs inside the connection's transaction, which the sink
 * commits or rolls back ("Performing a bulk copy operation in a transaction",
 * https://learn.microsoft.com/sql/connect/jdbc/using-bulk-copy-with-the-jdbc-driver). Options, chosen so that the
 * table ends as INSERTs would leave it (defaults in brackets):
 * <ul>
 *   <li>{@code keepNulls=true} [false]: NULL stays NULL instead of becoming the column's default;</li>
 *   <li>{@code checkConstraints=true} [false]: CHECK and FOREIGN KEY constraints are enforced, as for INSERT;</li>
 *   <li>{@code fireTriggers=true} [false]: INSERT triggers run, as they do for the INSERTs of the JDBC sink;</li>
 *   <li>{@code keepIdentity=true} [false]: identity values are copied as they are, never silently renumbered. This is
 *   the one difference from INSERT mode, where an explicit identity value is refused unless
 *   {@code IDENTITY_INSERT} is on;</li>
 *   <li>{@code tableLock=false} [false]: ordinary row locks, so other sessions keep working on the table;</li>
 *   <li>{@code batchSize=0} [0]: the whole Rowferry batch is one bulk-copy batch, committed by the sink;</li>
 *   <li>{@code bulkCopyTimeout=0} [60 s]: no time limit, as the JDBC sink sets no query timeout; the default would
 *   roll back any batch that takes longer than a minute, for instance behind another session's lock.</li>
 * </ul>
 * A refused batch is rolled back and replayed with INSERTs by {@link TargetTable#rejected} to name the row. Batches
 * holding a value that does not convert exactly ({@link SqlServerBulkData#accepts}), and row shapes mapped onto column
 * types the row source does not handle (spatial, {@code sql_variant}, {@code xml}, ...), are written with INSERTs.
 */
final class SqlServerBulkSink implements RowSink {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerBulkSink.class);

    private final Database database;
    private CommitHook commitHook;
    private final TableRef typedTable;
    private Connection connection;
    private TargetTable target;
    private final Map<RowSchema, Plan> plans = new IdentityHashMap<>();
    private String insertsOnly;
    private final InsertFallback inserts = new InsertFallback();
    private boolean loggedInexactValues;

    /** The bulk columns of one source schema, with the target column names they map to; or why INSERTs are used. */
    record Plan(List<SqlServerBulkData.BulkColumn> columns, List<String> targetNames, String insertsOnly) {}

    SqlServerBulkSink(Database database, TableRef table) {
        this.database = database;
        this.typedTable = table;
    }

    /** How a source schema maps onto the target's columns (public to the package for tests without a server). */
    static Plan plan(RowSchema schema, List<Column> targetColumns) {
        List<SqlServerBulkData.BulkColumn> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < targetColumns.size(); i++) {
            Column column = targetColumns.get(i);
            SqlServerBulkData.BulkColumn bulk = SqlServerBulkData.BulkColumn.of(schema.column(i).name(), column);
            if (bulk == null) {
                return new Plan(List.of(), List.of(), "column " + column.name() + " is " + column.typeName()
                        + ", which the bulk row source does not write");
            }
            columns.add(bulk);
            names.add(column.name());
        }
        return new Plan(columns, names, null);
    }

    static SQLServerBulkCopyOptions options() throws SQLException {
        SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
        options.setKeepNulls(true);
        options.setCheckConstraints(true);
        options.setFireTriggers(true);
        options.setKeepIdentity(true);
        options.setTableLock(false);
        options.setUseInternalTransaction(false);
        options.setBatchSize(0);
        options.setBulkCopyTimeout(0);
        return options;
    }

    @Override
    public void open(RowSchema schema) {
        connection = database.connect();
        target = TargetTable.resolve(database, connection, typedTable);
        target.mapping(schema);
        try {
            database.dialect().prepareWrite(connection);
            if (!connection.isWrapperFor(SQLServerConnection.class)) {
                insertsOnly = "the connection is not mssql-jdbc's own (" + connection.getClass().getName() + ")";
            }
        } catch (SQLException e) {
            throw database.failure("cannot prepare the bulk copy into " + typedTable, e);
        }
        if (insertsOnly != null) {
            releaseConnection();
            // write mode AUTO writes the copy with INSERTs instead (AutoBulkSink); BULK reports this
            throw new BulkUnavailableException("The bulk copy API", target.toString(), insertsOnly);
        } else {
            planFor(schema);
        }
    }

    private Plan planFor(RowSchema schema) {
        return plans.computeIfAbsent(schema, s -> {
            Plan plan = plan(s, target.mapping(s).columns());
            if (plan.insertsOnly() != null) {
                LOG.warn("writing {} with INSERTs instead of the bulk copy API: {}", describe(), plan.insertsOnly());
            }
            return plan;
        });
    }

    @Override
    public void write(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RowSchema schema = batch.get(0).schema();
        Plan plan = planFor(schema);
        if (plan.insertsOnly() != null || !exact(plan, batch)) {
            inserts(schema).write(batch);
            return;
        }
        try (SQLServerBulkCopy copy = new SQLServerBulkCopy(connection.unwrap(SQLServerConnection.class))) {
            copy.setBulkCopyOptions(options());
            copy.setDestinationTableName(target.qualifiedName());
            for (int i = 0; i < plan.targetNames().size(); i++) {
                copy.addColumnMapping(i + 1, plan.targetNames().get(i));
            }
            copy.writeToServer(new SqlServerBulkData(plan.columns(), batch));
            CommitHook.commit(connection, commitHook);
        } catch (SQLException | RuntimeException e) {
            TargetTable.rollbackQuietly(connection);
            throw target.rejected(connection, batch, e);
        }
    }

    private boolean exact(Plan plan, List<Row> batch) {
        List<SqlServerBulkData.BulkColumn> columns = plan.columns();
        for (Row row : batch) {
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(i);
                if (!SqlServerBulkData.accepts(columns.get(i), value)) {
                    if (!loggedInexactValues) {
                        loggedInexactValues = true;
                        LOG.info("batches holding {} values for column {} ({}) are written into {} with INSERTs",
                                value.getClass().getSimpleName(), columns.get(i).name(), columns.get(i).kind(),
                                target.name());
                    }
                    return false;
                }
            }
        }
        return true;
    }

    private JdbcTableSink inserts(RowSchema schema) {
        return inserts.sink(database, typedTable, schema);
    }

    @Override
    public void finish() {
        inserts.finish();
    }

    @Override
    public void abort() {
        TargetTable.rollbackQuietly(connection);
        inserts.abort();
    }

    @Override
    public void close() {
        releaseConnection();
        inserts.close();
    }

    private void releaseConnection() {
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
        inserts.commitHook(hook);
    }

    @Override
    public String describe() {
        return "table " + typedTable + " on " + database.describe();
    }
}
