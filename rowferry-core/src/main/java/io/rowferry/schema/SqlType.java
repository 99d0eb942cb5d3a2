package io.rowferry.schema;

import java.util.List;
import java.util.Objects;

/**
 * A column type in database-neutral terms: what values the column can hold. Every dialect reads its own types
 * into this model ({@code Dialect.sqlType}) and chooses its DDL for one ({@code Dialect.columnType}), which is how
 * a type crosses from one database to another and how Rowferry knows whether the crossing can lose anything.
 *
 * @param kind the family of values
 * @param size bits for INTEGER (8, 16, 24, 32, 64) and FLOAT (32, 64); precision for DECIMAL; length in characters
 *     for CHAR and VARCHAR, in bytes for BINARY and VARBINARY, in bits for BIT; fraction digits for TIME, TIME_TZ,
 *     TIMESTAMP and TIMESTAMP_TZ; 0 where the type has no limit (PostgreSQL {@code numeric}, TEXT, BLOB)
 * @param scale digits after the point, for DECIMAL
 * @param unsigned for INTEGER: no negative values, twice the positive range
 * @param values the allowed values of ENUM and SET; the element type name of ARRAY; the native name of OTHER
 */
public record SqlType(Kind kind, int size, int scale, boolean unsigned, List<String> values) {

    /** Families of values. */
    public enum Kind {
        BOOLEAN,
        INTEGER,
        DECIMAL,
        FLOAT,
        CHAR,
        VARCHAR,
        TEXT,
        BINARY,
        VARBINARY,
        BLOB,
        DATE,
        TIME,
        TIME_TZ,
        TIMESTAMP,
        TIMESTAMP_TZ,
        INTERVAL,
        JSON,
        /** PostgreSQL's jsonb: JSON stored parsed (keys sorted, whitespace dropped). */
        JSONB,
        UUID,
        ENUM,
        SET,
        ARRAY,
        BIT,
        YEAR,
        XML,
        /** A type without a neutral equivalent; copied as its text. */
        OTHER
    }

    public SqlType {
        Objects.requireNonNull(kind, "kind");
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static SqlType of(Kind kind) {
        return new SqlType(kind, 0, 0, false, List.of());
    }

    public static SqlType sized(Kind kind, int size) {
        return new SqlType(kind, size, 0, false, List.of());
    }

    public static SqlType integer(int bits, boolean unsigned) {
        return new SqlType(Kind.INTEGER, bits, 0, unsigned, List.of());
    }

    public static SqlType decimal(int precision, int scale) {
        return new SqlType(Kind.DECIMAL, precision, scale, false, List.of());
    }

    public static SqlType withValues(Kind kind, List<String> values) {
        return new SqlType(kind, 0, 0, false, values);
    }

    public static SqlType other(String nativeName) {
        return new SqlType(Kind.OTHER, 0, 0, false, List.of(nativeName));
    }

    /** Whether values of this type are text (CHAR, VARCHAR, TEXT). */
    public boolean isText() {
        return kind == Kind.CHAR || kind == Kind.VARCHAR || kind == Kind.TEXT;
    }

    /** Whether values of this type are bytes (BINARY, VARBINARY, BLOB). */
    public boolean isBinary() {
        return kind == Kind.BINARY || kind == Kind.VARBINARY || kind == Kind.BLOB;
    }

    /** The largest value of an INTEGER type, as a decimal string. */
    public java.math.BigInteger maxInteger() {
        java.math.BigInteger one = java.math.BigInteger.ONE;
        return unsigned ? one.shiftLeft(size).subtract(one) : one.shiftLeft(size - 1).subtract(one);
    }

    /** The smallest value of an INTEGER type. */
    public java.math.BigInteger minInteger() {
        return unsigned ? java.math.BigInteger.ZERO : java.math.BigInteger.ONE.shiftLeft(size - 1).negate();
    }

    /** A short neutral description, e.g. {@code DECIMAL(38,10)}, {@code INTEGER(64) UNSIGNED}, {@code TEXT}. */
    @Override
    public String toString() {
        return switch (kind) {
            case INTEGER -> "INTEGER(" + size + ")" + (unsigned ? " UNSIGNED" : "");
            case DECIMAL -> size == 0 ? "DECIMAL" : "DECIMAL(" + size + "," + scale + ")";
            case FLOAT, CHAR, VARCHAR, BINARY, VARBINARY, BIT, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ ->
                size == 0 ? kind.name() : kind.name() + "(" + size + ")";
            case ENUM, SET -> kind.name() + values;
            case ARRAY, OTHER -> kind.name() + (values.isEmpty() ? "" : "(" + values.get(0) + ")");
            default -> kind.name();
        };
    }
}
