package io.rowferry.dialect.h2;

import io.rowferry.schema.SqlType;
import io.rowferry.schema.TypeChoice;
import java.util.ArrayList;
import java.util.List;

/** The H2 2.x type chosen for each neutral type (https://h2database.com/html/datatypes.html). */
final class H2Types {
    private H2Types() {}

    /**
     * H2's own names where JDBC metadata misleads; null defers to ANSI. DECFLOAT is reported as a DECIMAL of
     * precision 100000 and scale 0, which read as "no digits after the point" refused every fraction written into
     * the DECFLOAT columns Rowferry creates for unbounded decimals.
     */
    static SqlType sqlType(io.rowferry.schema.NativeColumn column) {
        String name = column.typeName() == null ? "" : column.typeName().toUpperCase(java.util.Locale.ROOT);
        return switch (name) {
            case "DECFLOAT" -> SqlType.decimal(0, 0);
            case "JSON" -> SqlType.of(io.rowferry.schema.SqlType.Kind.JSON);
            // reported as BINARY(16), which made PostgreSQL targets bytea
            case "UUID" -> SqlType.of(io.rowferry.schema.SqlType.Kind.UUID);
            default -> null;
        };
    }

    static TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("BOOLEAN");
            case INTEGER -> {
                int bits = type.size() + (type.unsigned() ? 1 : 0);
                yield TypeChoice.lossless(bits <= 8 ? "TINYINT" : bits <= 16 ? "SMALLINT" : bits <= 32 ? "INTEGER"
                        : bits <= 64 ? "BIGINT" : "NUMERIC(20,0)");
            }
            // DECFLOAT holds any decimal exactly; NUMERIC without precision would mean a scale of 0 in H2
            case DECIMAL -> type.size() == 0 || type.size() > 100_000 ? TypeChoice.lossless("DECFLOAT")
                    : TypeChoice.lossless("NUMERIC(" + type.size() + "," + type.scale() + ")");
            case FLOAT -> TypeChoice.lossless(type.size() <= 32 ? "REAL" : "DOUBLE PRECISION");
            case CHAR -> TypeChoice.lossless("CHAR(" + type.size() + ")");
            case VARCHAR -> TypeChoice.lossless("VARCHAR(" + type.size() + ")");
            case TEXT -> TypeChoice.lossless("CHARACTER LARGE OBJECT");
            case BINARY -> TypeChoice.lossless("BINARY(" + type.size() + ")");
            case VARBINARY -> TypeChoice.lossless("VARBINARY(" + type.size() + ")");
            case BLOB -> TypeChoice.lossless("BINARY LARGE OBJECT");
            case DATE -> TypeChoice.lossless("DATE");
            case TIME -> TypeChoice.lossless("TIME(" + type.size() + ")");
            case TIME_TZ -> TypeChoice.lossless("TIME(" + type.size() + ") WITH TIME ZONE");
            case TIMESTAMP -> TypeChoice.lossless("TIMESTAMP(" + type.size() + ")");
            case TIMESTAMP_TZ -> TypeChoice.lossless("TIMESTAMP(" + type.size() + ") WITH TIME ZONE");
            case UUID -> TypeChoice.lossless("UUID");
            case YEAR -> TypeChoice.lossless("SMALLINT");
            case ENUM -> TypeChoice.lossless("ENUM(" + quoted(type.values()) + ")");
            // H2's JSON type turns a bound string into a JSON string literal; text keeps the document as it was
            case JSON, JSONB -> TypeChoice.lossless("CHARACTER LARGE OBJECT", "as text");
            // H2's BIT is a boolean; its INTERVAL and ARRAY types do not read PostgreSQL's text of them
            case BIT -> TypeChoice.lossless("CHARACTER LARGE OBJECT", "as the text of its binary digits");
            case SET, INTERVAL, ARRAY, XML, OTHER -> TypeChoice.lossless("CHARACTER LARGE OBJECT",
                    "as the source's text");
        };
    }

    private static String quoted(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("'" + value.replace("'", "''") + "'");
        }
        return String.join(", ", quoted);
    }
}
