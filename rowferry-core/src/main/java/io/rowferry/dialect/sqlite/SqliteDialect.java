package io.rowferry.dialect.sqlite;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.ColumnReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * SQLite through xerial sqlite-jdbc, embedded. Reads step row by row, so every read streams.
 *
 * <p>SQLite has no date or decimal storage class. Rowferry writes dates and times as ISO-8601 text
 * ({@code 2024-03-31 02:30:00.123456}), which keeps microseconds and sorts correctly; the driver's own default
 * would store integer milliseconds (sqlite-jdbc {@code date_class}, {@code date_precision}). Decimals are bound
 * as text too, but a column declared {@code DECIMAL} or {@code NUMERIC} has NUMERIC affinity, and SQLite converts
 * such text to INTEGER or REAL, keeping only 15 significant digits
 * (https://www.sqlite.org/datatype3.html#type_affinity); only a column with TEXT affinity keeps every digit.
 *
 * <p>SQLite has no bulk loader besides SQL: one prepared INSERT run in JDBC batches, each batch one transaction, is
 * its fastest path (231 k rows/s measured), and that is exactly what the JDBC batch sink does. So there is no
 * {@link #bulkSink bulk sink}, and write mode {@code auto} uses the batches.
 */
public class SqliteDialect extends AbstractDialect {

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:sqlite:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "sqlite");
    }

    @Override
    public Set<Capability> capabilities() {
        // Row values exist since SQLite 3.15.
        return EnumSet.of(Capability.ROW_VALUE_COMPARISON, Capability.STREAMING_CURSOR, Capability.EMBEDDED,
                Capability.TRANSACTIONAL_DDL);
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = new Properties();
        // Generated keys are fetched eagerly by default, which "may impact performances" (sqlite-jdbc USAGE.md).
        properties.setProperty("jdbc.get_generated_keys", "false");
        return properties;
    }

    @Override
    protected String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        return onConflictUpsertSql(table, columns, keyColumns);
    }

    /** SQLite's random() is a signed 64-bit integer; this maps it onto [0, 1). */
    @Override
    protected String randomFractionSql() {
        return "((random() / 18446744073709551616.0) + 0.5)";
    }

    @Override
    protected String offsetClause(int limit, long offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    @Override
    public ColumnReader columnReader(Column column) {
        String type = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        // Declared types are only affinities; read what the declaration promises, from the stored text. TIME and
        // instants were read as plain text before, which no other database's time column accepted.
        if (type.contains("WITH TIME ZONE") || type.startsWith("TIMESTAMPTZ")) {
            return (rs, i) -> {
                Object value = rs.getObject(i);
                return value instanceof String text ? SqliteTemporal.instant(text) : value;
            };
        }
        if (type.startsWith("DATETIME") || type.startsWith("TIMESTAMP")) {
            return (rs, i) -> {
                Object value = rs.getObject(i);
                return value instanceof String text ? SqliteTemporal.timestamp(text) : value;
            };
        }
        if (type.equals("DATE")) {
            return (rs, i) -> {
                Object value = rs.getObject(i);
                return value instanceof String text ? SqliteTemporal.date(text) : value;
            };
        }
        if (type.startsWith("TIME")) {
            return (rs, i) -> {
                Object value = rs.getObject(i);
                return value instanceof String text ? SqliteTemporal.time(text) : value;
            };
        }
        if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
            return (rs, i) -> {
                Object value = rs.getObject(i);
                if (value == null || value instanceof Double) {
                    return value;
                }
                return new BigDecimal(value.toString());
            };
        }
        if (type.startsWith("INT") || type.startsWith("BIGINT")) {
            return (rs, i) -> rs.getObject(i);
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            // every SQLite REAL is a 64-bit double; sqlite-jdbc reports a REAL column as java.sql.Types.REAL, and
            // reading it as a float turned 1e308 into Infinity and 0.1 into 0.10000000149011612
            return (rs, i) -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? null : value;
            };
        }
        return switch (column.jdbcType()) {
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.NUMERIC, Types.DECIMAL -> (rs, i) -> rs.getObject(i);
            default -> super.columnReader(column);
        };
    }

    /**
     * Dates and times in one fixed ISO-8601 form each (see {@link SqliteTemporal}): {@code LocalTime.toString()} and
     * {@code OffsetDateTime.toString()} drop zero seconds, so equal values would have been stored as different text.
     */
    @Override
    public ColumnBinder columnBinder(Column target) {
        return nullSafe(target.jdbcType(), (ps, i, v) -> {
            if (v instanceof LocalDateTime timestamp) {
                ps.setString(i, SqliteTemporal.text(timestamp));
            } else if (v instanceof LocalTime time) {
                ps.setString(i, SqliteTemporal.text(time));
            } else if (v instanceof java.time.OffsetDateTime instant) {
                ps.setString(i, SqliteTemporal.text(instant));
            } else if (v instanceof LocalDate || v instanceof Temporal) {
                ps.setString(i, v.toString());
            } else if (v instanceof BigDecimal decimal) {
                ps.setString(i, decimal.toPlainString());
            } else if (v instanceof java.math.BigInteger integer) {
                ps.setString(i, integer.toString());
            } else if (v instanceof java.util.UUID uuid) {
                ps.setString(i, uuid.toString());
            } else {
                ps.setObject(i, v);
            }
        });
    }

    @Override
    public ErrorKind classify(SQLException exception) {
        // sqlite-jdbc reports SQLite's result code as the vendor code and no SQLState.
        return switch (exception.getErrorCode()) {
            case 19 -> ErrorKind.CONSTRAINT; // SQLITE_CONSTRAINT
            case 5, 6 -> ErrorKind.TRANSIENT; // SQLITE_BUSY, SQLITE_LOCKED
            case 14 -> ErrorKind.CONNECTION; // SQLITE_CANTOPEN
            default -> super.classify(exception);
        };
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.SqlType sqlType(io.rowferry.schema.NativeColumn column) {
        return SqliteTypes.sqlType(column);
    }

    /**
     * From {@code PRAGMA table_info}, which gives each column's type as declared. sqlite-jdbc's {@code getColumns}
     * drops the arguments from the type name and reports {@code DECIMAL(10,2)} with a COLUMN_SIZE of 12 and
     * {@code DECIMAL_TEXT(38,10)} with 48 (precision plus scale), so plans showed the wrong precision and created
     * targets lost the declared precision, scale and VARCHAR lengths.
     */
    @Override
    public java.util.List<io.rowferry.schema.ColumnDefinition> describeTable(java.sql.Connection connection,
            io.rowferry.TableRef table) throws SQLException {
        String schema = table.schema() != null && !table.schema().isBlank() ? table.schema() : null;
        String sql = "PRAGMA " + (schema == null ? "" : quoteIdentifier(schema) + ".") + "table_info("
                + quoteIdentifier(table.name()) + ")";
        java.util.List<io.rowferry.schema.ColumnDefinition> columns = new java.util.ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String declared = rows.getString("type") == null ? "" : rows.getString("type");
                io.rowferry.schema.NativeColumn column = new io.rowferry.schema.NativeColumn(rows.getString("name"),
                        Types.OTHER, declared, 0, -1, declared, rows.getInt("notnull") == 0);
                columns.add(new io.rowferry.schema.ColumnDefinition(column.name(), sqlType(column), column.nullable(),
                        declared.isEmpty() ? "(no type)" : declared));
            }
        }
        return columns;
    }

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return SqliteTypes.columnType(type);
    }

    /** SQLite has no TRUNCATE; a DELETE without WHERE is optimised into one (the "truncate optimization"). */
    @Override
    public String truncateSql(String table) {
        return "DELETE FROM " + table;
    }

    /**
     * Dates are text, any year; NaN is stored as NULL, but the infinities are kept as REAL values
     * (https://www.sqlite.org/floatingpoint.html).
     */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(-999_999_999, 999_999_999, false, true).withInfinities();
    }

    /**
     * A column's declared type is only an affinity: an INTEGER column can hold text or a real
     * (https://www.sqlite.org/datatype3.html), so values are checked one by one whatever the declared types say.
     */
    @Override
    public boolean valuesMatchDeclaredTypes() {
        return false;
    }

    // ---- verification (docs/verify.md) ----

    @Override
    public String canonicalTextSql(String column, io.rowferry.schema.SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> textSql(column); // stored as 0 and 1
            default -> super.canonicalTextSql(column, type);
        };
    }

    @Override
    protected String textSql(String expression) {
        return "CAST(" + expression + " AS TEXT)";
    }

    @Override
    protected String withoutTrailingZerosSql(String text) {
        return "CASE WHEN " + text + " LIKE '%.%' THEN rtrim(rtrim(" + text + ", '0'), '.') ELSE " + text + " END";
    }

    @Override
    protected String hexSql(String expression) {
        return "lower(hex(" + expression + "))";
    }

    /**
     * Rowferry writes dates and times as text in one fixed form (docs/types.md), instants as their UTC time with
     * {@code +00:00}, which is cut off here; text in any other form differs and is compared again in Java.
     */
    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        if (kind == io.rowferry.schema.SqlType.Kind.TIMESTAMP_TZ) {
            return "CASE WHEN " + column + " LIKE '%+00:00' THEN substr(" + column + ", 1, length(" + column
                    + ") - 6) ELSE " + column + " END";
        }
        return textSql(column);
    }

    @Override
    protected String charLengthSql(String text) {
        return "length(" + text + ")";
    }

    /** The % operator: SQLite's mod() function returns a floating-point number. */
    @Override
    protected String moduloSql(String dividend, String divisor) {
        return "(" + dividend + " % " + divisor + ")";
    }

    /** SQLite has no MD5: {@link #prepareVerify} registers these functions, written in Java, on the connection. */
    @Override
    public String md5HexSql(String text) {
        return "rf_md5(" + text + ")";
    }

    @Override
    public String hash60Sql(String text) {
        return "rf_hash60(" + text + ")";
    }

    /** SQLite's SUM fails with "integer overflow" past 2^63; rf_hash_sum adds exactly and returns the digits. */
    @Override
    public String hashSumSql(String hash) {
        return "rf_hash_sum(" + hash + ")";
    }

    @Override
    public void prepareVerify(java.sql.Connection connection) throws SQLException {
        SqliteHashFunctions.register(connection);
    }
}
