package io.rowferry.source;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.dialect.ColumnReader;
import io.rowferry.dialect.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a result set into a {@link Row}, with one column reader chosen per column. The first
 * {@code width} columns become the row; any after them (key columns a keyset read needs but the user did not
 * select) are read only for their key values.
 */
final class RowDecoder {
    private final RowSchema schema;
    private final ColumnReader[] readers;

    RowDecoder(Dialect dialect, RowSchema resultColumns, int width) {
        this.schema = new RowSchema(resultColumns.columns().subList(0, width));
        this.readers = new ColumnReader[resultColumns.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = dialect.columnReader(resultColumns.column(i));
        }
    }

    RowSchema schema() {
        return schema;
    }

    Row decode(ResultSet resultSet) throws SQLException {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readers[i].read(resultSet, i + 1);
        }
        return new Row(schema, values);
    }

    /** The value of result column {@code index} (zero-based), read with that column's reader. */
    Object read(ResultSet resultSet, int index) throws SQLException {
        return readers[index].read(resultSet, index + 1);
    }
}
