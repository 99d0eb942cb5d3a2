package io.rowferry.dialect.postgresql;

import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import io.rowferry.schema.TypeChoice;
import java.util.List;
import java.util.Locale;

/** PostgreSQL's types in neutral terms, and the PostgreSQL type chosen for each neutral type. */
final class PostgresTypes {
    private static final int MAX_NUMERIC_PRECISION = 1000;
    private static final int MAX_CHAR_LENGTH = 10_485_760;

    private PostgresTypes() {}

    /** Reads pgjdbc's type names ({@code int8}, {@code timestamptz}, {@code _int4}, ...); null defers to ANSI. */
    static SqlType sqlType(NativeColumn column) {
        String name = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        int size = column.size();
        int digits = column.digits() < 0 ? 6 : column.digits();
        if (name.startsWith("_")) {
            return SqlType.withValues(Kind.ARRAY, List.of(name.substring(1)));
        }
        return switch (name) {
            case "bool" -> SqlType.of(Kind.BOOLEAN);
            case "int2", "smallserial" -> SqlType.integer(16, false);
            case "int4", "serial" -> SqlType.integer(32, false);
            case "int8", "bigserial" -> SqlType.integer(64, false);
            case "oid" -> SqlType.integer(32, true);
            case "numeric" -> size <= 0 || size > MAX_NUMERIC_PRECISION
                    ? SqlType.decimal(0, 0) : SqlType.decimal(size, Math.max(0, column.digits()));
            case "float4" -> SqlType.sized(Kind.FLOAT, 32);
            case "float8" -> SqlType.sized(Kind.FLOAT, 64);
            case "bpchar" -> size <= 0 || size > MAX_CHAR_LENGTH ? SqlType.of(Kind.TEXT) : SqlType.sized(Kind.CHAR, size);
            case "char" -> SqlType.sized(Kind.CHAR, 1);
            case "varchar" -> size <= 0 || size > MAX_CHAR_LENGTH ? SqlType.of(Kind.TEXT)
                    : SqlType.sized(Kind.VARCHAR, size);
            case "text", "name", "citext" -> SqlType.of(Kind.TEXT);
            case "bytea" -> SqlType.of(Kind.BLOB);
            case "date" -> SqlType.of(Kind.DATE);
            case "time" -> SqlType.sized(Kind.TIME, digits);
            case "timetz" -> SqlType.sized(Kind.TIME_TZ, digits);
            case "timestamp" -> SqlType.sized(Kind.TIMESTAMP, digits);
            case "timestamptz" -> SqlType.sized(Kind.TIMESTAMP_TZ, digits);
            case "interval" -> SqlType.of(Kind.INTERVAL);
            // a 64-bit count of the currency's smallest unit: 19 digits, 2 after the point in most lc_monetary
            // locales (the reader takes the session's); pgjdbc reports it as a DOUBLE, which lost digits
            case "money" -> SqlType.decimal(19, 2);
            case "json" -> SqlType.of(Kind.JSON);
            case "jsonb" -> SqlType.of(Kind.JSONB);
            case "uuid" -> SqlType.of(Kind.UUID);
            case "xml" -> SqlType.of(Kind.XML);
            case "bit" -> SqlType.sized(Kind.BIT, Math.max(1, size));
            case "varbit" -> SqlType.sized(Kind.BIT, 0);
            default -> null;
        };
    }

    static TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("boolean");
            case INTEGER -> {
                int bits = type.size() + (type.unsigned() ? 1 : 0);
                yield TypeChoice.lossless(bits <= 16 ? "smallint" : bits <= 32 ? "integer" : bits <= 64 ? "bigint"
                        : "numeric(20,0)");
            }
            case DECIMAL -> type.size() == 0 || type.size() > MAX_NUMERIC_PRECISION
                    ? TypeChoice.lossless("numeric")
                    : TypeChoice.lossless("numeric(" + type.size() + "," + type.scale() + ")");
            case FLOAT -> TypeChoice.lossless(type.size() <= 32 ? "real" : "double precision");
            case CHAR -> type.size() <= MAX_CHAR_LENGTH ? TypeChoice.lossless("char(" + type.size() + ")")
                    : TypeChoice.lossless("text");
            case VARCHAR -> type.size() <= MAX_CHAR_LENGTH ? TypeChoice.lossless("varchar(" + type.size() + ")")
                    : TypeChoice.lossless("text");
            case TEXT -> TypeChoice.lossless("text");
            case BINARY, VARBINARY, BLOB -> TypeChoice.lossless("bytea");
            case DATE -> TypeChoice.lossless("date");
            case TIME -> fraction("time", type);
            case TIME_TZ -> fraction("timetz", type);
            case TIMESTAMP -> fraction("timestamp", type);
            case TIMESTAMP_TZ -> fraction("timestamptz", type);
            case INTERVAL -> TypeChoice.lossless("interval");
            case JSON -> TypeChoice.lossless("json");
            case JSONB -> TypeChoice.lossless("jsonb");
            case UUID -> TypeChoice.lossless("uuid");
            case XML -> TypeChoice.lossless("xml");
            case YEAR -> TypeChoice.lossless("smallint");
            case ENUM, SET -> TypeChoice.lossless("varchar(" + Math.max(1, longest(type)) + ")",
                    "as text; the allowed values are not enforced");
            case ARRAY -> type.values().isEmpty() ? TypeChoice.lossless("text", "as the source's text")
                    : TypeChoice.lossless(type.values().get(0) + "[]");
            case BIT -> TypeChoice.lossless(type.size() == 0 ? "varbit" : "bit(" + type.size() + ")");
            case OTHER -> TypeChoice.lossless("text", "as the source's text");
        };
    }

    private static TypeChoice fraction(String name, SqlType type) {
        if (type.size() > 6) {
            return TypeChoice.lossy(name + "(6)", "PostgreSQL keeps microseconds; finer fractions are rounded");
        }
        return TypeChoice.lossless(name + "(" + type.size() + ")");
    }

    private static int longest(SqlType type) {
        int longest = type.values().stream().mapToInt(String::length).max().orElse(1);
        return type.kind() == Kind.SET ? type.values().stream().mapToInt(v -> v.length() + 1).sum() : longest;
    }
}
