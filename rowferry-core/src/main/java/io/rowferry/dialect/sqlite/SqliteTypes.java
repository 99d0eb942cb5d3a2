package io.rowferry.dialect.sqlite;

import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import io.rowferry.schema.TypeChoice;
import java.util.Locale;

/**
 * SQLite's declared types in neutral terms, and the declarations chosen for neutral types. SQLite stores values by
 * the affinity a declaration implies (https://www.sqlite.org/datatype3.html#type_affinity): a name containing
 * INT is INTEGER, one containing CHAR, CLOB or TEXT is TEXT, and DECIMAL or NUMERIC is NUMERIC, which turns
 * numeric text into a 64-bit float with 15 significant digits. So exact decimals are declared
 * {@code DECIMAL_TEXT(p,s)}: TEXT affinity keeps every digit, and the name still says DECIMAL to readers.
 */
final class SqliteTypes {
    private SqliteTypes() {}

    static SqlType sqlType(NativeColumn column) {
        String declared = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        int[] arguments = arguments(declared);
        if (arguments.length == 0 && column.size() > 0 && declared.indexOf('(') < 0) {
            // a result set's metadata names the type without its arguments but reports them as precision and scale
            arguments = column.digits() > 0 ? new int[] {column.size(), column.digits()} : new int[] {column.size()};
        }
        if (declared.startsWith("DECIMAL") || declared.startsWith("NUMERIC")) {
            return arguments.length >= 1 ? SqlType.decimal(arguments[0], arguments.length > 1 ? arguments[1] : 0)
                    : SqlType.decimal(0, 0);
        }
        if (declared.startsWith("TIMESTAMP WITH TIME ZONE") || declared.startsWith("TIMESTAMPTZ")) {
            return SqlType.sized(Kind.TIMESTAMP_TZ, 6);
        }
        if (declared.startsWith("DATETIME") || declared.startsWith("TIMESTAMP")) {
            return SqlType.sized(Kind.TIMESTAMP, 6);
        }
        if (declared.equals("DATE")) {
            return SqlType.of(Kind.DATE);
        }
        if (declared.startsWith("TIME")) {
            return SqlType.sized(Kind.TIME, 6);
        }
        if (declared.startsWith("BOOL")) {
            return SqlType.of(Kind.BOOLEAN);
        }
        if (declared.contains("INT")) {
            return SqlType.integer(64, false);
        }
        if (declared.startsWith("CHAR") || declared.startsWith("NCHAR")) {
            return arguments.length == 1 ? SqlType.sized(Kind.CHAR, arguments[0]) : SqlType.of(Kind.TEXT);
        }
        if (declared.startsWith("VARCHAR") || declared.startsWith("NVARCHAR")) {
            return arguments.length == 1 ? SqlType.sized(Kind.VARCHAR, arguments[0]) : SqlType.of(Kind.TEXT);
        }
        if (declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT")) {
            return SqlType.of(Kind.TEXT);
        }
        if (declared.contains("BLOB") || declared.isEmpty()) {
            return SqlType.of(Kind.BLOB);
        }
        if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
            return SqlType.sized(Kind.FLOAT, 64);
        }
        return SqlType.other(column.typeName());
    }

    private static int[] arguments(String declared) {
        int open = declared.indexOf('(');
        int close = declared.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return new int[0];
        }
        try {
            return java.util.Arrays.stream(declared.substring(open + 1, close).split(","))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException notNumbers) {
            return new int[0];
        }
    }

    static TypeChoice columnType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("BOOLEAN", "stored as 0 or 1");
            case INTEGER -> type.size() == 64 && type.unsigned()
                    ? TypeChoice.lossless("DECIMAL_TEXT(20,0)", "as exact decimal text")
                    : TypeChoice.lossless("INTEGER");
            case DECIMAL -> TypeChoice.lossless(type.size() == 0 ? "DECIMAL_TEXT"
                    : "DECIMAL_TEXT(" + type.size() + "," + type.scale() + ")", "as exact decimal text");
            case FLOAT -> TypeChoice.lossy(type.size() <= 32 ? "REAL" : "DOUBLE", "SQLite stores NaN as NULL");
            case CHAR -> TypeChoice.lossless("CHAR(" + type.size() + ")", "the length is not enforced");
            case VARCHAR -> TypeChoice.lossless("VARCHAR(" + type.size() + ")", "the length is not enforced");
            case TEXT -> TypeChoice.lossless("TEXT");
            case BINARY, VARBINARY, BLOB -> TypeChoice.lossless("BLOB");
            case DATE -> TypeChoice.lossless("DATE", "as ISO-8601 text");
            case TIME -> TypeChoice.lossless("TIME", "as ISO-8601 text");
            case TIMESTAMP -> TypeChoice.lossless("TIMESTAMP", "as ISO-8601 text");
            case TIMESTAMP_TZ -> TypeChoice.lossless("TIMESTAMP WITH TIME ZONE", "as ISO-8601 text with offset");
            case YEAR -> TypeChoice.lossless("INTEGER");
            case BIT -> TypeChoice.lossless("TEXT", "as the text of its binary digits");
            case TIME_TZ, INTERVAL, JSON, JSONB, UUID, ENUM, SET, ARRAY, XML, OTHER ->
                TypeChoice.lossless("TEXT", "as text");
        };
    }
}
