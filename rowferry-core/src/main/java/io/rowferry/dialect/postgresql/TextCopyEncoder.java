package io.rowferry.dialect.postgresql;

import io.rowferry.Row;
import java.sql.SQLException;

/**
 * Rows in COPY's text format (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"): fields
 * separated by tabs, rows ended by a newline, {@code \N} for NULL, and backslash, tab, newline and carriage return
 * inside values written as {@code \\}, {@code \t}, {@code \n} and {@code \r}. Each value is in the server's input
 * syntax for its column ({@link FieldEncoder#text}), so this format takes every column type; the server parses it.
 * PostgreSQL text cannot hold U+0000, so a value containing it is refused.
 */
final class TextCopyEncoder {
    private final FieldEncoder[] fields;

    TextCopyEncoder(FieldEncoder[] fields) {
        this.fields = fields;
    }

    void writeRow(Row row, CopyBuffer out) throws SQLException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.writeByte('\t');
            }
            Object value = row.get(i);
            if (value == null) {
                out.writeAscii("\\N");
                continue;
            }
            try {
                out.writeEscaped(fields[i].text(value));
            } catch (FieldEncoder.RefusedValueException e) {
                throw e.at(i, value);
            }
        }
        out.writeByte('\n');
    }
}
