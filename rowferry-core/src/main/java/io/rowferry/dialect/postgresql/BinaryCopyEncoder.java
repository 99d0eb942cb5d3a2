package io.rowferry.dialect.postgresql;

import io.rowferry.Row;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows in COPY's binary format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4): the
 * 11-byte signature, int32 flags and int32 header-extension length (both 0); per row an int16 field count and per
 * field an int32 length (-1 for NULL) followed by the type's binary form; an int16 -1 at the end. Values are
 * encoded straight into the {@link CopyBuffer}; pgjdbc has no encoder of its own for this.
 */
final class BinaryCopyEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final FieldEncoder[] fields;
    /** Per column: ask {@link FieldEncoder#needsText} about every value, or only about Strings, or never. */
    private final boolean[] askAlways;
    private final boolean[] askForStrings;
    private final boolean tuplesPass;

    /**
     * @param tuplesPass whether rows still in a PostgreSQL source's binary encoding ({@link CopyTuple}) are written
     *     as they are: the source columns have the target columns' binary formats
     */
    BinaryCopyEncoder(FieldEncoder[] fields, boolean tuplesPass) {
        this.fields = fields;
        this.tuplesPass = tuplesPass;
        this.askAlways = new boolean[fields.length];
        this.askForStrings = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            askAlways[i] = fields[i].needsTextBeyondStrings();
            askForStrings[i] = !fields[i].takesEveryString();
        }
    }

    /** Whether every column has a binary encoder. */
    static boolean covers(FieldEncoder[] fields) {
        for (FieldEncoder field : fields) {
            if (!field.binary()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every value of the batch can be written in binary (none must reach the server as text). */
    boolean accepts(List<Row> batch) {
        for (Row row : batch) {
            if (passes(row)) {
                continue; // a source tuple of the same formats holds only binary values
            }
            for (int i = 0; i < fields.length; i++) {
                Object value = row.get(i);
                boolean ask = askAlways[i] || (askForStrings[i] && value instanceof String);
                if (ask && value != null && fields[i].needsText(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    void writeHeader(CopyBuffer out) throws SQLException {
        out.writeBytes(SIGNATURE, 0, SIGNATURE.length);
        out.writeInt(0); // flags: no OIDs
        out.writeInt(0); // no header extension
    }

    /** Whether rows still in a PostgreSQL source's encoding are written as they are. */
    boolean tuplesPass() {
        return tuplesPass;
    }

    /** Whether the row goes out as the source tuple it still is, undecoded. */
    private boolean passes(Row row) {
        return tuplesPass && row.encoded() instanceof CopyTuple tuple && tuple.exact();
    }

    /** Writes one row; true when it went out as its source tuple. */
    boolean writeRow(Row row, CopyBuffer out) throws SQLException {
        if (passes(row)) {
            CopyTuple tuple = (CopyTuple) row.encoded();
            out.writeBytes(tuple.bytes(), tuple.offset(), tuple.length());
            return true;
        }
        out.writeShort(fields.length);
        for (int i = 0; i < fields.length; i++) {
            Object value = row.get(i);
            if (value == null) {
                out.writeInt(-1);
                continue;
            }
            try {
                fields[i].writeBinary(value, out);
            } catch (FieldEncoder.RefusedValueException e) {
                throw e.at(i, value);
            }
        }
        return false;
    }

    void writeTrailer(CopyBuffer out) throws SQLException {
        out.writeShort(-1);
    }
}
