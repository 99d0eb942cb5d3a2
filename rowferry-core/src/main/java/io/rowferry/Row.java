package io.rowferry;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * One row: its values in column order and the schema they belong to. Values are plain Java objects chosen
 * for exactness: {@code BigDecimal} for decimals, {@code java.time} types for dates and times,
 * {@code byte[]} for binary, {@code String} for text; {@code null} for SQL NULL.
 *
 * <p>A row also carries an estimate of the heap it occupies ({@link #sizeBytes()}); the pipeline bounds
 * memory with it, so a 1-MB row is not counted like a 100-byte one.
 */
public final class Row {
    private final RowSchema schema;
    private final Object[] values;
    private final int sizeBytes;

    public Row(RowSchema schema, Object[] values) {
        this(schema, values, RowSize.estimate(values));
    }

    Row(RowSchema schema, Object[] values, int sizeBytes) {
        if (values.length != schema.size()) {
            throw new IllegalArgumentException(
                    "row has " + values.length + " values but the schema has " + schema.size() + " columns");
        }
        this.schema = schema;
        this.values = values;
        this.sizeBytes = sizeBytes;
    }

    public RowSchema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    /** The value at a zero-based position. */
    public Object get(int index) {
        return values[index];
    }

    /** The value of the named column (case-insensitive). */
    public Object get(String column) {
        return values[indexOf(column)];
    }

    public String getString(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    public Long getLong(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public BigDecimal getBigDecimal(String column) {
        Object value = get(column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        return new BigDecimal(value.toString());
    }

    /** A copy of the values; changing it does not change the row. */
    public Object[] values() {
        return values.clone();
    }

    /** A new row with one value replaced; rows themselves are immutable. */
    public Row with(String column, Object value) {
        Object[] copy = values.clone();
        copy[indexOf(column)] = value;
        return new Row(schema, copy);
    }

    /** The estimated heap this row occupies, in bytes. */
    public int sizeBytes() {
        return sizeBytes;
    }

    private int indexOf(String column) {
        int index = schema.indexOf(column);
        if (index < 0) {
            throw new NoSuchElementException("no column '" + column + "' in " + schema);
        }
        return index;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
