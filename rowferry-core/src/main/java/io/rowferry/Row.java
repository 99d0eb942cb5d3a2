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
 *
 * <p>A reader may hand a row over still in its source database's own encoding ({@link Encoded}): its values are
 * decoded when first asked for, and a sink that writes into the same types can write the encoding unchanged
 * instead (PostgreSQL's binary COPY, from one server to another). Either way the row reads as the same values.
 */
public final class Row {
    private final RowSchema schema;
    /**
     * Null until decoded, for a row made from an encoding; then the decoded values, never changed again. Volatile so
     * that a row handed to another thread without synchronization still reads as complete values, as a row made
     * from values (final fields) does.
     */
    private volatile Object[] values;
    private final Encoded encoded;
    private final int sizeBytes;

    /** A row as its source encoded it: decodes to the row's values, in column order. */
    public interface Encoded {
        /** The values, decoded; called when a value is first asked for (never, when none is). */
        Object[] decode();
    }

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
        this.encoded = null;
        this.sizeBytes = sizeBytes;
    }

    private Row(RowSchema schema, Encoded encoded, int sizeBytes) {
        this.schema = schema;
        this.encoded = encoded;
        this.sizeBytes = sizeBytes;
    }

    /**
     * A row whose values are decoded from {@code encoded} when first read (by whichever thread reads first; two
     * threads reading at once may both decode, to equal values).
     *
     * @param sizeBytes the estimated heap of the encoding and the decoded values together
     */
    public static Row encoded(RowSchema schema, Encoded encoded, int sizeBytes) {
        return new Row(schema, java.util.Objects.requireNonNull(encoded, "encoded"), sizeBytes);
    }

    /** The source's own encoding of this row, or null for a row made from values. */
    public Encoded encoded() {
        return encoded;
    }

    /** Decodes a row made from an encoding now, on the calling thread (nothing for a row made from values). */
    void decode() {
        decoded();
    }

    private Object[] decoded() {
        Object[] decoded = values;
        if (decoded == null) {
            decoded = encoded.decode();
            if (decoded.length != schema.size()) {
                throw new IllegalStateException(
                        "row decoded to " + decoded.length + " values but the schema has " + schema.size() + " columns");
            }
            values = decoded;
        }
        return decoded;
    }

    public RowSchema schema() {
        return schema;
    }

    public int size() {
        return schema.size();
    }

    /** The value at a zero-based position. */
    public Object get(int index) {
        return decoded()[index];
    }

    /** The value of the named column (case-insensitive). */
    public Object get(String column) {
        return decoded()[indexOf(column)];
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
        return decoded().clone();
    }

    /** A new row with one value replaced; rows themselves are immutable. */
    public Row with(String column, Object value) {
        Object[] copy = decoded().clone();
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
        return Arrays.toString(decoded());
    }
}
