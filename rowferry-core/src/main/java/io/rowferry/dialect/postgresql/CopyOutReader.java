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
 *
 * <p>Only columns whose types {@link FieldDecoder} knows are read this way; the planner decides that up front
 * ({@link #canRead}) and reads any other table with the cursor.
 */
final class CopyOutReader implements RowReader {
    private static final Logger LOG = LoggerFactory.getLogger(CopyOutReader.class);
    /** "PGCOPY\n\377\r\n\0": the signature binary COPY data starts with. */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final ReadPlan plan;
    private final Connection connection;
    private RowSchema schema;
    private FieldDecoder[] decoders;
    private CopyOut copy;
    private byte[] buffer = new byte[0];
    private int position;
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
        decoders = new FieldDecoder[schema.size()];
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = FieldDecoder.forType(schema.column(i).typeName());
            if (decoders[i] == null) {
                throw new IllegalStateException("no binary decoder for column " + schema.column(i)
                        + "; the planner should have chosen the cursor");
            }
        }
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + plan.cursorSql() + ") TO STDOUT (FORMAT binary)");
        readHeader();
    }

    private void readHeader() throws SQLException {
        require(SIGNATURE.length + 8);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (buffer[position + i] != SIGNATURE[i]) {
                throw new SQLException("binary COPY data does not start with the PGCOPY signature");
            }
        }
        position += SIGNATURE.length;
        int flags = int32();
        if ((flags & 0xFFFF_0000) != 0) {
            // bit 16 means OIDs follow; the high bits are critical flags a reader must refuse to ignore
            throw new SQLException("binary COPY header has flags " + Integer.toHexString(flags) + " this reader does not know");
        }
        int extension = int32();
        require(extension);
        position += extension;
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
        require(2);
        int fields = (short) FieldDecoder.INT16.get(buffer, position);
        position += 2;
        if (fields == -1) { // the trailer
            while (copy.readFromCopy() != null) {
                // nothing follows the trailer; reading to the end completes the COPY
            }
            close();
            return null;
        }
        if (fields != decoders.length) {
            throw new SQLException("binary COPY row has " + fields + " fields, expected " + decoders.length);
        }
        Object[] values = new Object[fields];
        for (int i = 0; i < fields; i++) {
            require(4);
            int length = int32();
            if (length < 0) {
                continue; // NULL
            }
            require(length);
            values[i] = decoders[i].decode(buffer, position, length);
            position += length;
        }
        return new Row(schema, values);
    }

    private int int32() {
        int value = (int) FieldDecoder.INT32.get(buffer, position);
        position += 4;
        return value;
    }

    /** Makes sure {@code count} unread bytes are in the buffer, taking further CopyData messages as needed. */
    private void require(int count) throws SQLException {
        while (buffer.length - position < count) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                throw new SQLException("binary COPY data ended in the middle of a row");
            }
            int left = buffer.length - position;
            if (left == 0) {
                buffer = next; // the usual case: a row is one message
            } else {
                byte[] joined = new byte[left + next.length];
                System.arraycopy(buffer, position, joined, 0, left);
                System.arraycopy(next, 0, joined, left, next.length);
                buffer = joined;
            }
            position = 0;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (copy != null && copy.isActive()) {
                // stops the server's COPY: otherwise closing would have to read the rest of the table
                copy.cancelCopy();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cancelling the COPY of {} failed: {}", plan.sourceName(), e.toString());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the connection of {} failed: {}", plan.sourceName(), e.toString());
        }
    }
}
