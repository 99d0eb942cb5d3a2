package io.rowferry.dialect.duckdb;

import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import io.rowferry.schema.TypeChoice;
import java.util.Locale;

/** DuckDB's types in neutral terms, and the DuckDB type chosen for each (https://duckdb.org/docs/current/sql/data_types/overview). */
final class DuckDbTypes {
    private DuckDbTypes() {}

    /** DuckDB's own names where JDBC metadata is not enough (unsigned integers, HUGEINT); null defers to ANSI. */
    static SqlType sqlType(NativeColumn column) {
        String name = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "UTINYINT" -> SqlType.integer(8, true);
            case "USMALLINT" -> SqlType.integer(16, true);
            case "UINTEGER" -> SqlType.integer(32, true);
            case "UBIGINT" -> SqlType.integer(64, true);
            case "HUGEINT" -> SqlType.decimal(39, 0);
            case "UHUGEINT" -> SqlType.decimal(39, 0);
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> SqlType.sized(Kind.TIMESTAMP_TZ, 6);
            case "TIME WITH TIME ZONE", "TIMETZ" -> SqlType.sized(Kind.TIME_TZ, 6);
            case "TIMESTAMP", "DATETIME" -> SqlType.sized(Kind.TIMESTAMP, 6);
            case "TIMESTAMP_NS" -> SqlType.sized(Kind.TIMESTAMP, 9);
            case "TIMESTAMP_MS" -> SqlType.sized(Kind.TIMESTAMP, 3);
            case "TIMESTAMP_S" -> SqlType.sized(Kind.TIMESTAMP, 0);
            case "TIME" -> SqlType.sized(Kind.TIME, 6);
            case "VARCHAR" -> SqlType.of(Kind.TEXT);
            case "BLOB" -> SqlType.of(Kind.BLOB);
            case "INTERVAL" -> SqlType.of(Kind.INTERVAL);
            case "UUID" -> SqlType.of(Kind.UUID);
            case "JSON" -> SqlType.of(Kind.JSON);
            case "FLOAT" -> SqlType.sized(Kind.FLOAT, 32);
            case "DOUBLE" -> SqlType.sized(Kind.FLOAT, 64);
            default -> null;
        };
    }

    static TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("BOOLEAN");
            case INTEGER -> TypeChoice.lossless(integer(type));
            case DECIMAL -> {
                if (type.size() == 0) {
                    yield TypeChoice.lossy("DECIMAL(38,10)",
                            "DuckDB decimals hold at most 38 digits; a numeric without precision can hold more");
                }
                if (type.size() == 39 && type.scale() == 0) {
                    // what a HUGEINT is read as: HUGEINT holds it back in DuckDB (DECIMAL(38,0) refused its extremes)
                    yield TypeChoice.lossy("HUGEINT",
                            "HUGEINT holds integers up to 170141183460469231731687303715884105727 (39 digits)");
                }
                if (type.size() > 38) {
                    yield TypeChoice.lossy("DECIMAL(38," + Math.min(38, type.scale()) + ")",
                            "DuckDB decimals hold at most 38 digits");
                }
                yield TypeChoice.lossless("DECIMAL(" + type.size() + "," + type.scale() + ")");
            }
            case FLOAT -> TypeChoice.lossless(type.size() <= 32 ? "FLOAT" : "DOUBLE");
            case CHAR, VARCHAR -> TypeChoice.lossless("VARCHAR", "the length is not enforced");
            case TEXT -> TypeChoice.lossless("VARCHAR");
            case BINARY, VARBINARY, BLOB -> TypeChoice.lossless("BLOB");
            case DATE -> TypeChoice.lossless("DATE");
            case TIME -> micro("TIME", type);
            case TIME_TZ -> TypeChoice.lossless("TIMETZ");
            case TIMESTAMP -> type.size() > 6 ? TypeChoice.lossless("TIMESTAMP_NS") : TypeChoice.lossless("TIMESTAMP");
            case TIMESTAMP_TZ -> micro("TIMESTAMPTZ", type);
            case UUID -> TypeChoice.lossless("UUID");
            case YEAR -> TypeChoice.lossless("SMALLINT");
            case JSON, JSONB -> TypeChoice.lossless("VARCHAR", "as text");
            // DuckDB's BIT, INTERVAL and LIST do not read PostgreSQL's text of them ({1,2}, "1 mon"), and their own
            // text is not PostgreSQL's: the source's text keeps the value exactly, and PostgreSQL reads it back
            case BIT -> TypeChoice.lossless("VARCHAR", "as the text of its binary digits");
            case ENUM, SET, INTERVAL, ARRAY, XML, OTHER -> TypeChoice.lossless("VARCHAR", "as the source's text");
        };
    }

    private static String integer(SqlType type) {
        String base = switch (type.size()) {
            case 8 -> "TINYINT";
            case 16 -> "SMALLINT";
            case 24, 32 -> "INTEGER";
            default -> "BIGINT";
        };
        return type.unsigned() ? "U" + base : base;
    }

    private static TypeChoice micro(String name, SqlType type) {
        return type.size() > 6 ? TypeChoice.lossy(name, "DuckDB keeps microseconds; finer fractions are rounded")
                : TypeChoice.lossless(name);
    }
}
