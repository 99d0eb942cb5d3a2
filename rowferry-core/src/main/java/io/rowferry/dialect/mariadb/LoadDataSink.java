package io.rowferry.dialect.mariadb;

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
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each batch with one {@code LOAD DATA LOCAL INFILE} fed from a stream that encodes the rows as the driver reads
 * them (no file, and never the whole batch encoded in memory), then commits: one transaction per batch, as
 * {@link JdbcTableSink}. The subclass for each driver hands the stream to its statement.
 *
 * <p><b>LOCAL loads do not fail, they warn.</b> With LOCAL the server cannot stop the client in the middle of the
 * file, so it loads as if {@code IGNORE} were given, whatever the SQL mode: a duplicate key skips the row, a string too
 * long is truncated, a number out of range is clipped, NULL in a NOT NULL column becomes the column's default, each
 * with a warning (MySQL documents it, https://dev.mysql.com/doc/refman/8.4/en/load-data.html#load-data-error-handling;
 * measured on MariaDB 10.11 with both drivers). So after every load the sink checks that the server reports no warning
 * and exactly as many rows as the batch holds. If not, the load is rolled back and the same batch is written with
 * strict JDBC INSERTs ({@link JdbcTableSink}, on a second connection opened when first needed): a row the target
 * refuses then fails the copy with the JDBC sink's own error, naming the row, and nothing of that batch stays. If the
 * INSERTs accept what the load warned about (a note such as decimal rounding, which INSERT accepts too), the table is
 * exactly what INSERT mode leaves, and the rest of the copy for that row shape uses INSERTs, since the difference is
 * in the data's shape rather than in one row.
 *
 * <p>Where LOAD DATA LOCAL cannot write the table at all (the server's {@code local_infile} is OFF, MySQL's default;
 * the driver was not set up for it; the table's engine cannot roll back: only InnoDB tables are loaded, since a failed
 * load into MyISAM could not be undone; target columns of spatial types), {@link #open} throws
 * {@link BulkUnavailableException}: write mode AUTO then writes the whole copy with INSERTs, write mode BULK fails.
 * Batch by batch, INSERTs also write batches holding values of a Java type the encoder has no exact text form for
 * ({@link LoadDataEncoder#accepts}).
 *
 * <p>The session is made strict ({@code STRICT_TRANS_TABLES} added to {@code sql_mode} if neither strict mode is
 * set; MariaDB Connector/J already adds it) and {@code NO_BACKSLASH_ESCAPES} is removed, because the statement's
 * {@code ESCAPED BY '\\'} depends on it.
 */
public abstract class LoadDataSink implements RowSink {
    private static final Logger LOG = LoggerFactory.getLogger(LoadDataSink.class);
    /** Server or client refused LOAD DATA LOCAL: 1148 (ER_NOT_ALLOWED_COMMAND), 3948 (MySQL 8), 4166 (MariaDB). */
    private static final Set<Integer> LOCAL_INFILE_REFUSED = Set.of(1148, 3948, 4166);

    private final Database database;
    private final TableRef typedTable;
    private Connection connection;
    private Statement statement;
    private TargetTable target;
    private CommitHook commitHook;
    private final Map<RowSchema, Plan> plans = new IdentityHashMap<>();
    /** Why LOAD DATA cannot write this table at all, found by {@link #open}, which then throws; or null. */
    private String insertsOnly;
    private final InsertFallback inserts = new InsertFallback();
    private boolean loggedUnsupportedValues;
    /** Batches committed by LOAD DATA and batches written with INSERTs, for tests. */
    int batchesLoaded;
    int batchesInserted;

    /** How the rows of one source schema are loaded. */
    private static final class Plan {
        final String sql;
        final boolean[] bitColumns;
        /** Why this schema's batches go through INSERTs, or null. */
        String insertsOnly;

        Plan(String sql, boolean[] bitColumns, String insertsOnly) {
            this.sql = sql;
            this.bitColumns = bitColumns;
            this.insertsOnly = insertsOnly;
        }
    }

    protected LoadDataSink(Database database, TableRef table) {
        this.database = database;
        this.typedTable = table;
    }

    /** Whether the connection is one of this subclass's driver (a MariaDB server may be reached with either driver). */
    protected abstract boolean isOwnDriver(Connection connection) throws SQLException;

    /** Gives the statement the stream its next {@code LOAD DATA LOCAL INFILE} sends instead of a file. */
    protected abstract void setLocalInfileStream(Statement statement, InputStream stream) throws SQLException;

    /** Runs the load; a driver that must be allowed to send the stream for this one statement overrides it. */
    protected int executeLoad(Statement statement, String sql) throws SQLException {
        return statement.executeUpdate(sql);
    }

    /** What to tell the user when the driver refused LOAD DATA LOCAL. */
    protected String howToEnableLocalInfile() {
        return "set local_infile=ON on the server";
    }

    @Override
    public void open(RowSchema schema) {
        connection = database.connect();
        target = TargetTable.resolve(database, connection, typedTable);
        target.mapping(schema); // every source column must exist in the target, before any row is read
        try {
            database.dialect().prepareWrite(connection);
            insertsOnly = unavailableReason();
            if (insertsOnly == null) {
                prepareSession();
                statement = connection.createStatement();
                insertsOnly = probe(plan(schema));
            }
        } catch (SQLException e) {
            throw database.failure("cannot prepare loading into " + typedTable, e);
        }
        if (insertsOnly != null) {
            releaseConnection();
            // write mode AUTO writes the copy with INSERTs instead (AutoBulkSink); BULK reports this
            throw new BulkUnavailableException("LOAD DATA LOCAL", target.toString(), insertsOnly);
        }
    }

    /** Why LOAD DATA cannot be used for this table at all, or null. */
    private String unavailableReason() throws SQLException {
        if (!isOwnDriver(connection)) {
            return "the connection's driver is " + connection.getMetaData().getDriverName();
        }
        try (PreparedStatement engine = connection.prepareStatement("SELECT ENGINE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
            engine.setString(1, target.name().catalog());
            engine.setString(2, target.name().name());
            try (ResultSet result = engine.executeQuery()) {
                String name = result.next() ? result.getString(1) : null;
                if (name == null || !name.equalsIgnoreCase("InnoDB")) {
                    return "table " + target.name() + " is " + (name == null ? "not a base table" : name + ", not InnoDB")
                            + ", so a failed load could not be rolled back";
                }
            }
        }
        return null;
    }

    /** Strict mode on, NO_BACKSLASH_ESCAPES off, for this session only. */
    private void prepareSession() throws SQLException {
        String mode;
        try (Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT @@SESSION.sql_mode")) {
            result.next();
            mode = result.getString(1) == null ? "" : result.getString(1);
        }
        Set<String> modes = new LinkedHashSet<>();
        for (String part : mode.split(",")) {
            if (!part.isBlank()) {
                modes.add(part.trim().toUpperCase(Locale.ROOT));
            }
        }
        boolean changed = modes.remove("NO_BACKSLASH_ESCAPES");
        if (!modes.contains("STRICT_TRANS_TABLES") && !modes.contains("STRICT_ALL_TABLES")) {
            modes.add("STRICT_TRANS_TABLES");
            changed = true;
        }
        if (changed) {
            try (Statement set = connection.createStatement()) {
                // mode names are words of letters and underscores, as the server itself reported them
                set.execute("SET SESSION sql_mode = '" + String.join(",", modes).replace("'", "") + "'");
            }
        }
    }

    /** Loads nothing, to learn whether the server and the driver allow LOAD DATA LOCAL; the reason if not. */
    private String probe(Plan plan) throws SQLException {
        if (plan.insertsOnly != null) {
            return null; // this schema uses INSERTs anyway; another one may still load
        }
        try {
            setLocalInfileStream(statement, InputStream.nullInputStream());
            executeLoad(statement, plan.sql);
            connection.rollback();
            return null;
        } catch (SQLException e) {
            TargetTable.rollbackQuietly(connection);
            if (LOCAL_INFILE_REFUSED.contains(e.getErrorCode())) {
                return "LOAD DATA LOCAL INFILE is disabled (" + database.driverMessage(e) + "); "
                        + howToEnableLocalInfile();
            }
            throw e;
        }
    }

    private Plan plan(RowSchema schema) {
        Plan plan = plans.get(schema);
        if (plan != null) {
            return plan;
        }
        TargetTable.Mapping mapping = target.mapping(schema);
        List<String> fields = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        boolean[] bitColumns = new boolean[mapping.columns().size()];
        String unsupported = null;
        for (int i = 0; i < bitColumns.length; i++) {
            Column column = mapping.columns().get(i);
            String type = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
            boolean bit = column.jdbcType() == Types.BIT || type.equals("BIT") || type.startsWith("BIT(");
            if (bit && !type.contains("BOOL")) {
                // LOAD DATA takes a BIT field's text as the bytes of the value; a number goes through a variable.
                bitColumns[i] = true;
                fields.add("@rf" + i);
                assignments.add(mapping.quotedNames().get(i) + " = CAST(@rf" + i + " AS UNSIGNED)");
            } else {
                fields.add(mapping.quotedNames().get(i));
            }
            if (type.contains("GEOMETRY") || type.contains("POINT") || type.contains("LINESTRING")
                    || type.contains("POLYGON")) {
                unsupported = "column " + column.name() + " is " + column.typeName() + ", which LOAD DATA reads as text";
            }
        }
        String sql = "LOAD DATA LOCAL INFILE 'rowferry-stream' INTO TABLE " + target.qualifiedName()
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                + " (" + String.join(", ", fields) + ")"
                + (assignments.isEmpty() ? "" : " SET " + String.join(", ", assignments));
        plan = new Plan(sql, bitColumns, unsupported);
        if (unsupported != null) {
            LOG.warn("writing {} with INSERTs instead of LOAD DATA: {}", describe(), unsupported);
        }
        plans.put(schema, plan);
        return plan;
    }

    @Override
    public void write(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RowSchema schema = batch.get(0).schema();
        Plan plan = plan(schema);
        if (plan.insertsOnly != null || !encodable(batch)) {
            insert(schema, batch);
            return;
        }
        long loaded;
        SQLWarning warnings;
        try {
            setLocalInfileStream(statement, new LoadDataStream(batch, plan.bitColumns));
            loaded = executeLoad(statement, plan.sql);
            warnings = statement.getWarnings();
            if (loaded == batch.size() && warnings == null) {
                CommitHook.commit(connection, commitHook);
                batchesLoaded++;
                return;
            }
        } catch (SQLException | RuntimeException e) {
            TargetTable.rollbackQuietly(connection);
            throw target.rejected(connection, batch, e);
        }
        // The load skipped, changed or defaulted something (see the class comment): undo it and let strict INSERTs
        // decide. If they refuse a row, the JDBC sink's error names it and the copy stops here.
        TargetTable.rollbackQuietly(connection);
        String what = warnings != null ? "warning " + warnings.getErrorCode() + ": " + warnings.getMessage()
                : "it loaded " + loaded + " of " + batch.size() + " rows";
        LOG.debug("LOAD DATA into {} was rolled back ({}); writing the batch with INSERTs", target.name(), what);
        insert(schema, batch);
        plan.insertsOnly = "LOAD DATA reported " + what + " for rows that INSERT accepts";
        LOG.warn("writing {} with INSERTs from now on: {}", describe(), plan.insertsOnly);
    }

    private boolean encodable(List<Row> batch) {
        for (Row row : batch) {
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                if (!LoadDataEncoder.accepts(value)) {
                    if (!loggedUnsupportedValues) {
                        loggedUnsupportedValues = true;
                        LOG.info("batches holding {} values (column {}) are written into {} with INSERTs",
                                value.getClass().getName(), row.schema().column(i).name(), target.name());
                    }
                    return false;
                }
            }
        }
        return true;
    }

    private void insert(RowSchema schema, List<Row> batch) {
        inserts(schema).write(batch);
        batchesInserted++;
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
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing the connection releases it anyway
            }
            statement = null;
        }
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
