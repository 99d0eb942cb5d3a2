package io.rowferry.dialect.postgresql;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.sink.BulkUnavailableException;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.CommitHook;
import io.rowferry.sink.TargetTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes rows into an existing PostgreSQL table with {@code COPY table (columns) FROM STDIN}, one COPY and one
 * transaction per batch, leaving the table a {@link io.rowferry.sink.JdbcTableSink} would leave: columns matched by
 * name, missing ones get their defaults, nothing beyond the last committed batch.
 *
 * <p><b>Formats.</b> A batch goes in COPY's binary format when every target column has a binary encoder
 * ({@link FieldEncoder}: integers, float4/8, bool, numeric, text/varchar/bpchar/name, bytea, date, time,
 * timestamp, timestamptz, uuid, json, jsonb) and every value can be encoded exactly. Otherwise the batch goes in
 * the text format, which every column type accepts: tables with arrays, interval, inet, money, bit, enums or
 * unknown types, and batches holding a value the server must parse itself: a String for a non-text column. A
 * zone-less {@code LocalDateTime} for a {@code timestamptz} column is taken as UTC, as INSERTs take it.
 *
 * <p><b>From PostgreSQL.</b> Rows a PostgreSQL source read with binary COPY still hold the source's encoding
 * ({@link CopyTuple}); where every source column has the binary format of its target column (same type, or
 * varchar/text/bpchar alike) such a row is written as those bytes, never decoded: server to server, as
 * {@code COPY ... TO STDOUT | COPY ... FROM STDIN} would. Rows a transform or a lossy-value check changed are
 * encoded from their values.
 *
 * <p><b>Values.</b> Other Java types than the column's are converted only exactly (see {@link FieldEncoder});
 * fractions of microseconds are rounded half up, as pgjdbc rounds INSERT parameters. A value that cannot be
 * converted exactly, or text containing U+0000 (PostgreSQL text cannot hold it), fails the batch with a
 * {@link ErrorKind#DATA} error naming the column, the row's key and the value; nothing of that batch is written.
 *
 * <p><b>Failures.</b> When the server refuses the COPY (a constraint, a value out of range), the COPY is ended,
 * the transaction rolled back, and the batch replayed with INSERTs to name the refused row
 * ({@link TargetTable#rejected}), then rolled back too.
 *
 * <p><b>Memory.</b> A batch is encoded into one reusable 64 KiB buffer that is sent to the server whenever it is
 * full, so a batch never holds its whole encoding; large values are sent in chunks from their own arrays.
 */
public final class PostgresCopySink implements RowSink {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCopySink.class);

    private final Database database;
    private final TableRef typedTable;
    private final CopyBuffer buffer = new CopyBuffer();
    private final Map<RowSchema, Plan> plans = new IdentityHashMap<>();
    private Connection connection;
    private CopyManager copyManager;
    private TargetTable target;
    private CommitHook commitHook;
    private CopyIn activeCopy;
    private long binaryBatches;
    private long textBatches;
    private long rowsPassedThrough;

    /** How rows of one source schema are copied: encoders per column and the two COPY statements. */
    private record Plan(List<Column> columns, BinaryCopyEncoder binary, TextCopyEncoder text, String binarySql,
            String textSql) {}

    public PostgresCopySink(Database database, TableRef table) {
        this.database = database;
        this.typedTable = table;
    }

    @Override
    public void open(RowSchema schema) {
        connection = database.connect();
        target = TargetTable.resolve(database, connection, typedTable);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                throw new BulkUnavailableException("COPY", target.toString(), "its connections do not unwrap to pgjdbc's "
                        + PGConnection.class.getName());
            }
            checkCopyable();
            database.dialect().prepareWrite(connection);
            copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw database.failure("cannot prepare writing into " + typedTable, e);
        }
        planFor(schema); // checks that every source column exists in the target before any row is read
    }

    /**
     * COPY FROM writes into tables (plain, partitioned, foreign) and into views only through an INSTEAD OF INSERT
     * trigger; INSERT also writes into updatable views. Say so before any row is read rather than at the first batch.
     */
    private void checkCopyable() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT c.relkind::text, EXISTS (SELECT 1 FROM"
                + " pg_trigger t WHERE t.tgrelid = c.oid AND t.tgtype & 64 <> 0 AND t.tgtype & 4 <> 0)"
                + " FROM pg_class c WHERE c.oid = to_regclass(?)")) {
            query.setString(1, target.qualifiedName());
            try (ResultSet result = query.executeQuery()) {
                if (result.next() && List.of("v", "m").contains(result.getString(1)) && !result.getBoolean(2)) {
                    throw new BulkUnavailableException("COPY", target.toString(),
                            "it is a view without an INSTEAD OF INSERT trigger");
                }
            }
        }
    }

    private Plan planFor(RowSchema schema) {
        Plan plan = plans.get(schema);
        if (plan != null) {
            return plan;
        }
        TargetTable.Mapping mapping = target.mapping(schema);
        FieldEncoder[] fields = new FieldEncoder[mapping.columns().size()];
        List<String> textOnly = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            Column column = mapping.columns().get(i);
            fields[i] = FieldEncoder.forColumn(column);
            if (!fields[i].binary()) {
                textOnly.add(column.name() + " (" + column.typeName() + ")");
            }
        }
        String copy = "COPY " + target.qualifiedName() + " (" + String.join(", ", mapping.quotedNames())
                + ") FROM STDIN";
        boolean tuplesPass = true;
        for (int i = 0; i < fields.length; i++) {
            tuplesPass &= CopyTuple.sameFormat(schema.column(i).typeName(), mapping.columns().get(i).typeName());
        }
        BinaryCopyEncoder binary = textOnly.isEmpty() ? new BinaryCopyEncoder(fields, tuplesPass) : null;
        if (binary == null) {
            LOG.debug("COPY into {} uses the text format: no binary encoder for {}", target.name(), textOnly);
        }
        plan = new Plan(mapping.columns(), binary, new TextCopyEncoder(fields), copy + " (FORMAT binary)",
                copy + " (FORMAT text)");
        plans.put(schema, plan);
        return plan;
    }

    @Override
    public void write(List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Plan plan = planFor(batch.get(0).schema());
        boolean binary = plan.binary() != null && plan.binary().accepts(batch);
        Row current = null;
        long copied;
        long passedInBatch = 0;
        try {
            CopyIn copy = copyManager.copyIn(binary ? plan.binarySql() : plan.textSql());
            activeCopy = copy;
            buffer.start(copy::writeToCopy);
            if (binary) {
                plan.binary().writeHeader(buffer);
                for (Row row : batch) {
                    current = row;
                    if (plan.binary().writeRow(row, buffer)) {
                        passedInBatch++;
                    }
                }
                plan.binary().writeTrailer(buffer);
            } else {
                for (Row row : batch) {
                    current = row;
                    plan.text().writeRow(row, buffer);
                }
            }
            current = null;
            buffer.flush();
            copied = copy.endCopy(); // the server's refusal, if any, arrives here
            activeCopy = null;
            if (copied == batch.size()) {
                CommitHook.commit(connection, commitHook);
            }
        } catch (FieldEncoder.RefusedValueException e) {
            endCopyQuietly();
            TargetTable.rollbackQuietly(connection);
            throw refusedValue(plan, current, e);
        } catch (SQLException | RuntimeException e) {
            endCopyQuietly();
            TargetTable.rollbackQuietly(connection);
            throw target.rejected(connection, batch, e);
        }
        if (copied != batch.size()) {
            TargetTable.rollbackQuietly(connection);
            throw new RowferryException(ErrorKind.INTERNAL, "COPY into " + target.name() + " on "
                    + database.describe() + " reported " + copied + " rows for a batch of " + batch.size()
                    + "; the batch was rolled back");
        }
        rowsPassedThrough += passedInBatch;
        if (binary) {
            binaryBatches++;
        } else {
            textBatches++;
        }
    }

    private RowferryException refusedValue(Plan plan, Row row, FieldEncoder.RefusedValueException e) {
        String which = row == null ? "a row" : "the row with " + target.describeRow(row);
        String what = "";
        if (e.column() >= 0) {
            Column column = plan.columns().get(e.column());
            what = "column " + column.name() + " (" + column.typeName() + ") cannot take "
                    + FieldEncoder.describe(e.value()) + ": ";
        }
        return new RowferryException(ErrorKind.DATA, "target table " + target.name() + " on " + database.describe()
                + " rejected " + which + ": " + what + e.getMessage(), e);
    }

    /**
     * Ends a COPY that is still open after a failure (CopyFail), so that the connection takes statements again;
     * the server answers with an error, which is expected here. A COPY the server already refused is closed.
     */
    private void endCopyQuietly() {
        CopyIn copy = activeCopy;
        activeCopy = null;
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the connection may be gone; the rollback that follows copes with either
            }
        }
    }

    @Override
    public void finish() {
        // every batch is committed as it is written
    }

    @Override
    public void abort() {
        endCopyQuietly();
        TargetTable.rollbackQuietly(connection);
    }

    @Override
    public void close() {
        plans.clear();
        if (connection != null) {
            endCopyQuietly();
            TargetTable.release(connection);
            connection = null;
            copyManager = null;
        }
    }

    @Override
    public TargetTable targetTable() {
        return target;
    }

    @Override
    public boolean writesEncoded(RowSchema schema) {
        Plan plan = planFor(schema);
        return plan.binary() != null && plan.binary().tuplesPass();
    }

    @Override
    public void commitHook(CommitHook hook) {
        this.commitHook = hook;
    }

    @Override
    public String describe() {
        return "table " + typedTable + " on " + database.describe() + " (COPY)";
    }

    // ---- for tests ----

    /** Batches written in the binary format so far. */
    long binaryBatches() {
        return binaryBatches;
    }

    /** Rows written as the PostgreSQL source sent them, without decoding, so far. */
    long rowsPassedThrough() {
        return rowsPassedThrough;
    }

    /** Batches written in the text format so far. */
    long textBatches() {
        return textBatches;
    }

    /** The encoding buffer's size: it does not grow with rows or batches. */
    int bufferCapacity() {
        return buffer.capacity();
    }
}
