package io.rowferry.dialect.mariadb;

import io.rowferry.schema.ColumnDefinition;
import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import io.rowferry.schema.TypeChoice;
import io.rowferry.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB's (and MySQL's) types in neutral terms, read from {@code information_schema.COLUMNS}, whose
 * {@code COLUMN_TYPE} says what JDBC metadata hides (UNSIGNED, TINYINT(1), ENUM and SET values), and the MariaDB
 * type chosen for each neutral type.
 */
public final class MariaDbTypes {
    /** VARCHAR beyond this many characters becomes TEXT, to stay clear of the 65,535-byte row limit. */
    private static final int MAX_VARCHAR = 4_000;

    private MariaDbTypes() {}

    /** The table's columns from information_schema, with JSON recognised by its {@code json_valid} check. */
    public static List<ColumnDefinition> describeTable(Connection connection, TableRef table, boolean mariadb)
            throws SQLException {
        Set<String> jsonColumns = mariadb ? jsonColumns(connection, table) : Set.of();
        String sql = "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                + " NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
        List<ColumnDefinition> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.catalog());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString("COLUMN_NAME");
                    String dataType = rows.getString("DATA_TYPE").toLowerCase(Locale.ROOT);
                    String columnType = rows.getString("COLUMN_TYPE");
                    long length = rows.getLong("CHARACTER_MAXIMUM_LENGTH");
                    int precision = rows.getInt("NUMERIC_PRECISION");
                    int scale = rows.getInt("NUMERIC_SCALE");
                    int fraction = rows.getInt("DATETIME_PRECISION");
                    boolean nullable = "YES".equalsIgnoreCase(rows.getString("IS_NULLABLE"));
                    SqlType type = jsonColumns.contains(name) || dataType.equals("json") ? SqlType.of(Kind.JSON)
                            : sqlType(dataType, columnType, length, precision, scale, fraction);
                    columns.add(new ColumnDefinition(name, type, nullable, columnType));
                }
            }
        }
        return columns;
    }

    /** MariaDB stores JSON as LONGTEXT with a {@code json_valid(column)} check constraint. */
    private static Set<String> jsonColumns(Connection connection, TableRef table) throws SQLException {
        Set<String> columns = new HashSet<>();
        String sql = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.catalog());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String clause = rows.getString(1);
                    java.util.regex.Matcher matcher = java.util.regex.Pattern
                            .compile("json_valid\\(`((?:[^`]|``)+)`\\)").matcher(clause);
                    if (matcher.find()) {
                        columns.add(matcher.group(1).replace("``", "`"));
                    }
                }
            }
        }
        return columns;
    }

    static SqlType sqlType(String dataType, String columnType, long length, int precision, int scale, int fraction) {
        String full = columnType == null ? dataType : columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = full.contains("unsigned");
        return switch (dataType) {
            // BOOLEAN is TINYINT(1); values other than 0 and 1 are checked when they are written elsewhere
            case "tinyint" -> full.startsWith("tinyint(1)") && !unsigned ? SqlType.of(Kind.BOOLEAN)
                    : SqlType.integer(8, unsigned);
            case "smallint" -> SqlType.integer(16, unsigned);
            case "mediumint" -> SqlType.integer(24, unsigned);
            case "int", "integer" -> SqlType.integer(32, unsigned);
            case "bigint" -> SqlType.integer(64, unsigned);
            case "decimal", "numeric" -> SqlType.decimal(precision, scale);
            case "float" -> SqlType.sized(Kind.FLOAT, 32);
            case "double", "real" -> SqlType.sized(Kind.FLOAT, 64);
            case "char" -> SqlType.sized(Kind.CHAR, (int) length);
            case "varchar" -> SqlType.sized(Kind.VARCHAR, (int) length);
            case "tinytext", "text", "mediumtext", "longtext" -> SqlType.of(Kind.TEXT);
            case "binary" -> SqlType.sized(Kind.BINARY, (int) length);
            case "varbinary" -> SqlType.sized(Kind.VARBINARY, (int) length);
            case "tinyblob", "blob", "mediumblob", "longblob" -> SqlType.of(Kind.BLOB);
            case "date" -> SqlType.of(Kind.DATE);
            case "time" -> SqlType.sized(Kind.TIME, fraction);
            case "datetime" -> SqlType.sized(Kind.TIMESTAMP, fraction);
            // TIMESTAMP is an instant (stored in UTC, shown in the session's time zone)
            case "timestamp" -> SqlType.sized(Kind.TIMESTAMP_TZ, fraction);
            case "year" -> SqlType.of(Kind.YEAR);
            case "json" -> SqlType.of(Kind.JSON);
            case "uuid" -> SqlType.of(Kind.UUID);
            case "enum" -> SqlType.withValues(Kind.ENUM, values(columnType));
            case "set" -> SqlType.withValues(Kind.SET, values(columnType));
            case "bit" -> precision <= 1 ? SqlType.of(Kind.BOOLEAN) : SqlType.sized(Kind.BIT, precision);
            default -> SqlType.other(columnType);
        };
    }

    /** The quoted values of {@code enum('a','b''c')}. */
    static List<String> values(String columnType) {
        List<String> values = new ArrayList<>();
        int open = columnType.indexOf('(');
        StringBuilder value = null;
        for (int i = open + 1; i < columnType.length(); i++) {
            char c = columnType.charAt(i);
            if (value == null) {
                if (c == '\'') {
                    value = new StringBuilder();
                }
            } else if (c == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
            } else if (c == '\'') {
                values.add(value.toString());
                value = null;
            } else {
                value.append(c);
            }
        }
        return values;
    }

    /** The MariaDB type for a neutral type; {@code nativeUuid} is false for MySQL, which has no UUID type. */
    public static TypeChoice columnType(SqlType type, boolean nativeUuid) {
        return switch (type.kind()) {
            case BOOLEAN -> TypeChoice.lossless("BOOLEAN", "as TINYINT(1)");
            case INTEGER -> TypeChoice.lossless(integer(type));
            case DECIMAL -> decimal(type);
            // DOUBLE for single precision too: MariaDB returns FLOAT values as text with 6 significant digits
            // (3.4028235E38 came back as 3.40282E38); a DOUBLE holds every float exactly and returns all its digits
            case FLOAT -> TypeChoice.lossy("DOUBLE", "MariaDB cannot store NaN or infinities");
            case CHAR -> type.size() <= 255 ? TypeChoice.lossless("CHAR(" + type.size() + ")",
                    "trailing spaces are padding and are not returned") : varchar(type.size());
            case VARCHAR -> varchar(type.size());
            case TEXT -> TypeChoice.lossless("LONGTEXT");
            case BINARY -> type.size() <= 255 ? TypeChoice.lossless("BINARY(" + type.size() + ")") : varbinary(type.size());
            case VARBINARY -> varbinary(type.size());
            case BLOB -> TypeChoice.lossless("LONGBLOB");
            case DATE -> TypeChoice.lossy("DATE", "dates before 1000-01-01 or after 9999-12-31 do not fit");
            case TIME -> fraction("TIME", type, null);
            case TIME_TZ -> TypeChoice.lossy("TIME(" + Math.min(6, type.size()) + ")", "the offset is dropped");
            case TIMESTAMP -> fraction("DATETIME", type,
                    "timestamps before 1000-01-01 or after 9999-12-31 do not fit");
            case TIMESTAMP_TZ -> type.size() > 6
                    ? TypeChoice.lossy("DATETIME(6)", "MariaDB keeps microseconds; finer fractions are rounded")
                    : new TypeChoice("DATETIME(" + type.size() + ")",
                            "instants before 1000-01-01 or after 9999-12-31 UTC do not fit",
                            "stored as UTC time");
            case INTERVAL -> TypeChoice.lossless("VARCHAR(100)", "as the source's text");
            case JSON, JSONB -> TypeChoice.lossless("JSON");
            case UUID -> nativeUuid ? TypeChoice.lossless("UUID") : TypeChoice.lossless("CHAR(36)", "as text");
            case ENUM, SET -> TypeChoice.lossless(type.kind().name() + "(" + quotedValues(type) + ")");
            case YEAR -> TypeChoice.lossless("YEAR");
            case BIT -> type.size() >= 1 && type.size() <= 64 ? TypeChoice.lossless("BIT(" + type.size() + ")")
                    : TypeChoice.lossless("LONGTEXT", "as the text of its binary digits");
            case ARRAY, XML, OTHER -> TypeChoice.lossless("LONGTEXT", "as the source's text");
        };
    }

    private static String integer(SqlType type) {
        String base = switch (type.size()) {
            case 8 -> "TINYINT";
            case 16 -> "SMALLINT";
            case 24 -> "MEDIUMINT";
            case 32 -> "INT";
            default -> "BIGINT";
        };
        return type.unsigned() ? base + " UNSIGNED" : base;
    }

    private static TypeChoice decimal(SqlType type) {
        if (type.size() == 0) {
            return TypeChoice.lossy("DECIMAL(65,30)",
                    "a numeric without precision can hold more than 35 integer or 30 fraction digits");
        }
        if (type.size() > 65 || type.scale() > 30) {
            int scale = Math.min(30, type.scale());
            return TypeChoice.lossy("DECIMAL(65," + scale + ")", "MariaDB holds at most 65 digits, 30 after the point");
        }
        return TypeChoice.lossless("DECIMAL(" + type.size() + "," + type.scale() + ")");
    }

    private static TypeChoice varchar(int length) {
        if (length <= MAX_VARCHAR) {
            return TypeChoice.lossless("VARCHAR(" + length + ")");
        }
        return TypeChoice.lossless(length <= 16_383 ? "TEXT" : length <= 4_194_303 ? "MEDIUMTEXT" : "LONGTEXT");
    }

    private static TypeChoice varbinary(int length) {
        if (length <= MAX_VARCHAR) {
            return TypeChoice.lossless("VARBINARY(" + length + ")");
        }
        return TypeChoice.lossless(length <= 65_535 ? "BLOB" : length <= 16_777_215 ? "MEDIUMBLOB" : "LONGBLOB");
    }

    private static TypeChoice fraction(String name, SqlType type, String loss) {
        if (type.size() > 6) {
            return TypeChoice.lossy(name + "(6)", "MariaDB keeps microseconds; finer fractions are rounded");
        }
        String ddl = name + "(" + type.size() + ")";
        return loss == null ? TypeChoice.lossless(ddl) : TypeChoice.lossy(ddl, loss);
    }

    private static String quotedValues(SqlType type) {
        List<String> quoted = new ArrayList<>();
        for (String value : type.values()) {
            quoted.add("'" + value.replace("'", "''") + "'");
        }
        return String.join(",", quoted);
    }
}
