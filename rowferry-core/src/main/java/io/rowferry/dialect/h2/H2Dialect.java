package io.rowferry.dialect.h2;

import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/**
 * H2, embedded or server. By default H2 computes a whole result before returning the first row (spilling to
 * disk beyond {@code MAX_MEMORY_ROWS}); {@code SET LAZY_QUERY_EXECUTION 1} makes it produce rows as they are
 * fetched (https://h2database.com/html/commands.html#set_lazy_query_execution).
 */
public class H2Dialect extends AbstractDialect {

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:h2:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "h2");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ROW_VALUE_COMPARISON, Capability.STREAMING_CURSOR, Capability.EMBEDDED);
    }

    @Override
    protected String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    /** H2's own {@code MERGE INTO ... KEY (...) VALUES}: an update of the row with that key, or an insert. */
    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                + ") VALUES (" + placeholders + ")";
    }

    @Override
    protected String offsetClause(int limit, long offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION 1");
        }
        return super.prepareStreamingRead(connection, sql, fetchSize);
    }

    @Override
    public void finishStreamingRead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION 0");
        }
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return H2Types.columnType(type);
    }

    @Override
    public io.rowferry.schema.SqlType sqlType(io.rowferry.schema.NativeColumn column) {
        io.rowferry.schema.SqlType type = H2Types.sqlType(column);
        return type != null ? type : super.sqlType(column);
    }

    /**
     * JSON as its text: H2's {@code getObject} gives the document's bytes, which other databases took as binary.
     * UUID as a UUID: H2 reports it as BINARY. DECFLOAT from its text: {@code getBigDecimal} fails on NaN and the
     * infinities, which DECFLOAT holds.
     */
    @Override
    public io.rowferry.dialect.ColumnReader columnReader(io.rowferry.Column column) {
        String type = column.typeName() == null ? "" : column.typeName().toUpperCase(java.util.Locale.ROOT);
        return switch (type) {
            case "JSON" -> java.sql.ResultSet::getString;
            case "UUID" -> (rs, i) -> rs.getObject(i, java.util.UUID.class);
            case "DECFLOAT" -> (rs, i) -> {
                String text = rs.getString(i);
                if (text == null) {
                    return null;
                }
                return switch (text) {
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> new java.math.BigDecimal(text);
                };
            };
            default -> super.columnReader(column);
        };
    }

    /**
     * Dates and timestamps from year -999,999,999 to 999,999,999; DOUBLE and DECFLOAT hold NaN and the infinities
     * (https://h2database.com/html/datatypes.html).
     */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(-999_999_999, 999_999_999, true, true);
    }

    /** Unquoted names are folded to upper case here. */
    @Override
    public String normalizeIdentifier(String name) {
        return name.equals(name.toLowerCase(java.util.Locale.ROOT)) ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    // ---- verification (docs/verify.md) ----

    @Override
    protected String textSql(String expression) {
        return "CAST(" + expression + " AS VARCHAR)";
    }

    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        return switch (kind) {
            case DATE -> "FORMATDATETIME(" + column + ", 'yyyy-MM-dd')";
            case TIME -> "FORMATDATETIME(" + column + ", 'HH:mm:ss.SSSSSS')";
            case TIMESTAMP -> "FORMATDATETIME(" + column + ", 'yyyy-MM-dd HH:mm:ss.SSSSSS')";
            case TIMESTAMP_TZ -> "FORMATDATETIME(" + column + ", 'yyyy-MM-dd HH:mm:ss.SSSSSS', 'en', 'UTC')";
            default -> textSql(column);
        };
    }

    /** HASH takes the text's UTF-8 bytes. */
    @Override
    public String md5HexSql(String text) {
        return "LOWER(RAWTOHEX(HASH('MD5', " + text + ")))";
    }

    /** The first 8 bytes of the MD5 as a BIGINT, shifted right (unsigned) by 4 bits: its first 60 bits. */
    @Override
    public String hash60Sql(String text) {
        return "URSHIFT(CAST(SUBSTRING(HASH('MD5', " + text + "), 1, 8) AS BIGINT), 4)";
    }
}
