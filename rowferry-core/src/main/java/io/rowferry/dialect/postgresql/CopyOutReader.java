package io.rowferry.dialect.postgresql;

import io.rowferry.Column;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.source.ReadPlan;
import io.rowferry.source.RowReader;
import io.rowferry.source.TableResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table with {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)} through pgjdbc's {@code CopyManager}
 * (https://jdbc.postgresql.org/documentation/publicapi/org/postgresql/copy/CopyManager.html): the server sends
 * its own binary representation, with none of the text formatting and parsing a cursor read costs on both sides
 * (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"). {@link CopyOut#readFromCopy()} hands
 * over one CopyData message at a time (the server sends one per row), so the read is bounded like a cursor's: the
 * server waits on the socket when the reader does. Closed early, it cancels the COPY and closes its connection.
 * Rows stay in the server's encoding until a value is asked for ({@link CopyTuple}).
 *
 * <p>Only columns whose types {@link FieldDecoder} knows are read this way; the planner decides that up front
 * ({@link #canRead}) and reads any other table with the cursor.
 */
final class CopyOutReader implements RowReader {
    private static final Logger LOG = LoggerFactory.getLogger(CopyOutReader.class);

    private final ReadPlan plan;
    private final Connection connection;
    private RowSchema schema;
    private FieldDecoder[] decoders;
    private CopyOut copy;
    private BinaryCopyStream tuples;
    private boolean closed;

    private CopyOutReader(ReadPlan plan) {
        this.plan = plan;
        this.connection = plan.database().connect();
    }

    /** Whether every column has a binary decoder. */
    static boolean canRead(RowSchema columns) {
        for (Column column : columns.columns()) {
            if (FieldDecoder.forType(column.typeName()) == null) {
                return false;
            }
        }
        return !columns.columns().isEmpty();
    }

    /** The decoders of {@code schema}'s columns; fails when one has none (the planner should have seen it). */
    static FieldDecoder[] decodersOf(RowSchema schema) {
        FieldDecoder[] decoders = new FieldDecoder[schema.size()];
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = FieldDecoder.forType(schema.column(i).typeName());
            if (decoders[i] == null) {
                throw new IllegalStateException("no binary decoder for column " + schema.column(i)
                        + "; the planner should have chosen the cursor");
            }
        }
        return decoders;
    }

    static CopyOutReader open(ReadPlan plan) {
        CopyOutReader reader = new CopyOutReader(plan);
        try {
            reader.start();
            return reader;
        } catch (SQLException | RuntimeException e) {
            reader.close();
            if (e instanceof SQLException sql) {
                throw plan.database().failure("cannot read " + plan.sourceName(), sql);
            }
            throw (RuntimeException) e;
        }
    }

    private void start() throws SQLException {
        // The columns exactly as a cursor read reports them: the same statement, described without running it.
        try (PreparedStatement describe = connection.prepareStatement(plan.cursorSql())) {
            schema = TableResolver.schemaOf(describe.getMetaData());
        }
        decoders = decodersOf(schema);
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + plan.cursorSql() + ") TO STDOUT (FORMAT binary)");
        tuples = new BinaryCopyStream(copy, decoders.length, decoders);
    }

    @Override
    public RowSchema schema() {
        return schema;
    }

    @Override
    public Row next() throws SQLException {
        if (closed) {
            return null;
        }
        CopyTuple tuple = tuples.next();
        if (tuple == null) {
            close();
            return null;
        }
        return Row.encoded(schema, tuple, tuple.sizeBytes());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            end(copy, connection, false, plan.sourceName());
        }
    }

    /**
     * Ends a read by COPY, failures only logged: cancels a COPY still running (otherwise closing would have to read
     * the rest of it), rolls back the read's transaction when it has one (a shared snapshot), closes the connection.
     */
    static void end(CopyOut copy, Connection connection, boolean inTransaction, String sourceName) {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cancelling the COPY of {} failed: {}", sourceName, e.toString());
        }
        try {
            if (inTransaction && !connection.isClosed()) {
                connection.rollback(); // read-only: ends the snapshot's transaction
            }
        } catch (SQLException e) {
            LOG.debug("ending the snapshot of {} failed: {}", sourceName, e.toString());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the connection of {} failed: {}", sourceName, e.toString());
        }
    }
}
