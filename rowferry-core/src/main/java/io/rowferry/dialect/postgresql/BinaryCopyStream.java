package io.rowferry.dialect.postgresql;

import java.sql.SQLException;
import org.postgresql.copy.CopyOut;

/**
 * The tuples of one binary {@code COPY ... TO STDOUT}, in order, each left in the bytes the server sent
 * (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"): this class only finds where a tuple
 * ends. {@link CopyOut#readFromCopy()} returns a new array per CopyData message and the server sends one message per
 * row, so a tuple is normally a whole message and is handed on without copying; one that spans messages is joined.
 */
final class BinaryCopyStream {
    /** "PGCOPY\n\377\r\n\0": the signature binary COPY data starts with. */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final CopyOut copy;
    private final int fields;
    private final FieldDecoder[] decoders;
    private byte[] buffer = new byte[0];
    private int position;
    private boolean ended;

    /**
     * Reads the header of {@code copy}, whose tuples must have {@code fields} fields; {@code decoders} decode the
     * first of them, the row's columns (see {@link CopyTuple}).
     */
    BinaryCopyStream(CopyOut copy, int fields, FieldDecoder[] decoders) throws SQLException {
        this.copy = copy;
        this.fields = fields;
        this.decoders = decoders;
        require(SIGNATURE.length + 8);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (buffer[position + i] != SIGNATURE[i]) {
                throw new SQLException("binary COPY data does not start with the PGCOPY signature");
            }
        }
        position += SIGNATURE.length;
        int flags = int32At(position);
        position += 4;
        if ((flags & 0xFFFF_0000) != 0) {
            // bit 16 means OIDs follow; the high bits are critical flags a reader must refuse to ignore
            throw new SQLException("binary COPY header has flags " + Integer.toHexString(flags) + " this reader does not know");
        }
        int extension = int32At(position);
        position += 4;
        require(extension);
        position += extension;
    }

    /** The next tuple, or null after the trailer (then the COPY has completed). */
    CopyTuple next() throws SQLException {
        if (ended) {
            return null;
        }
        require(2);
        int count = (short) FieldDecoder.INT16.get(buffer, position);
        if (count == -1) { // the trailer
            ended = true;
            while (copy.readFromCopy() != null) {
                // nothing follows the trailer; reading to the end completes the COPY
            }
            return null;
        }
        if (count != fields) {
            throw new SQLException("binary COPY row has " + count + " fields, expected " + fields);
        }
        int length = 2; // the tuple's bytes from position; joining messages moves position, never this
        for (int i = 0; i < count; i++) {
            require(length + 4);
            int fieldLength = int32At(position + length);
            length += 4;
            if (fieldLength > 0) { // -1 is NULL, with no bytes
                require(length + fieldLength);
                length += fieldLength;
            }
        }
        CopyTuple tuple = new CopyTuple(buffer, position, length, decoders);
        position += length;
        return tuple;
    }

    private int int32At(int at) {
        return (int) FieldDecoder.INT32.get(buffer, at);
    }

    /** Makes sure {@code count} unread bytes from {@link #position} are in the buffer, taking further messages. */
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
}
