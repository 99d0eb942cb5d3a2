package io.rowferry.dialect.oracle;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import io.rowferry.dialect.ColumnReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Oracle Database 12c and later through Oracle JDBC (ojdbc11).
 *
 * <p>The SQL is ANSI: double-quoted identifiers, {@code FETCH FIRST n ROWS ONLY} and
 * {@code OFFSET m ROWS FETCH NEXT n ROWS ONLY}, the row-limiting clause added in 12c
 * (https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/SELECT.html). Oracle compares row values
 * only for equality, so keyset pages use the expanded form {@code (a > ?) OR (a = ? AND b > ?)}.
 *
 * <p>Every Oracle query runs on a server cursor and the driver fetches {@code defaultRowPrefetch} rows per
 * round trip, 10 by default; {@code setFetchSize} overrides that per statement
 * (https://docs.oracle.com/cd/A97335_02/apps.102/a83724/resltse5.htm). Since 23ai the driver may also grow the
 * fetch size of large results by itself ({@code oracle.jdbc.fetchSizeTuning}) "at the expense of substantially
 * larger memory footprint", unless the fetch size is set explicitly
 * (https://docs.oracle.com/en/database/oracle/oracle-database/23/jajdb/oracle/jdbc/OracleConnection.html), so
 * a streaming read always sets one.
 *
 * <p>Two value quirks a copy makes visible: Oracle stores the empty string as NULL, so {@code ''} copied into
 * Oracle arrives as NULL (and fails on a NOT NULL column)
 * (https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/Nulls.html); and {@code DATE} carries a
 * time of day to the second, so it is read as {@code LocalDateTime}, never as {@code LocalDate}
 * (https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/Data-Types.html).
 */
public class OracleDialect extends AbstractDialect {

    /** Rows per round trip for statements whose fetch size Rowferry does not set itself (metadata queries). */
    static final int DEFAULT_ROW_PREFETCH = 500;

    /** Oracle has no VALUES row constructor in USING: the row is a SELECT from DUAL; no AS before aliases. */
    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        java.util.List<String> selected = new java.util.ArrayList<>();
        for (String column : columns) {
            selected.add("? " + column);
        }
        return "MERGE INTO " + table + " t USING (SELECT " + String.join(", ", selected) + " FROM DUAL) s ON ("
                + mergeCondition(keyColumns) + ")" + mergeActions(columns, keyColumns);
    }

    @Override
    protected String randomFractionSql() {
        return "DBMS_RANDOM.VALUE";
    }

    @Override
    public String id() {
        return "oracle";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:oracle:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "oracle");
    }

    @Override
    public Set<Capability> capabilities() {
        // No TRANSACTIONAL_DDL: every DDL statement commits implicitly.
        return EnumSet.of(Capability.STREAMING_CURSOR);
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = new Properties();
        // 10 rows per round trip makes every statement chatty over a real network; 500 keeps the driver's
        // per-statement row buffers small while cutting round trips fifty-fold.
        properties.setProperty("defaultRowPrefetch", Integer.toString(DEFAULT_ROW_PREFETCH));
        return properties;
    }

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        // An explicit, positive fetch size is what bounds memory: it also turns off 23ai fetch size tuning.
        return super.prepareStreamingRead(connection, sql, fetchSize > 0 ? fetchSize : DEFAULT_ROW_PREFETCH);
    }

    @Override
    public ColumnReader columnReader(Column column) {
        // The driver reports DATE as TIMESTAMP by default (mapDateToTimestamp=true), but not when a caller
        // turned that off; either way the time of day must survive.
        String type = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        if (type.equals("DATE")) {
            return (rs, i) -> rs.getObject(i, LocalDateTime.class);
        }
        return super.columnReader(column);
    }

    /**
     * By ORA- error number: Oracle's SQLStates are coarse ({@code 42000} covers both a missing table and a
     * syntax error). Numbers from https://docs.oracle.com/en/error-help/db/.
     */
    @Override
    public ErrorKind classify(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 1 -> ErrorKind.CONSTRAINT; // ORA-00001 unique constraint violated
            case 1400, 1407 -> ErrorKind.CONSTRAINT; // cannot insert / update to NULL
            case 2291, 2292 -> ErrorKind.CONSTRAINT; // parent key not found, child record found
            case 2290 -> ErrorKind.CONSTRAINT; // check constraint violated
            case 942, 904 -> ErrorKind.NOT_FOUND; // table or view does not exist, invalid identifier
            case 1017, 1031 -> ErrorKind.AUTHENTICATION; // invalid username/password, insufficient privileges
            case 60, 8177, 54 -> ErrorKind.TRANSIENT; // deadlock, cannot serialize access, resource busy
            case 12899, 1438, 1722 -> ErrorKind.DATA; // value too large, precision exceeded, invalid number
            case 17002, 12541, 12514 -> ErrorKind.CONNECTION; // I/O error, no listener, unknown service
            default -> super.classify(exception);
        };
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return OracleTypes.columnType(type);
    }

    /** Dates from 4712 BC to 9999 AD. */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(-4711, 9999, true, true);
    }

    /** Unquoted names are folded to upper case here. */
    @Override
    public String normalizeIdentifier(String name) {
        return name.equals(name.toLowerCase(java.util.Locale.ROOT)) ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    // ---- verification (docs/verify.md); not verified against a server here ----

    @Override
    public String canonicalTextSql(String column, io.rowferry.schema.SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> textSql(column); // NUMBER(1): 1 and 0
            // NUMBER has no trailing zeros, but TO_CHAR writes 0.5 as .5
            case DECIMAL, INTEGER -> "REGEXP_REPLACE(TO_CHAR(" + column + "), '^(-?)\\.', '\\10.')";
            default -> super.canonicalTextSql(column, type);
        };
    }

    @Override
    protected String textSql(String expression) {
        return "TO_CHAR(" + expression + ")";
    }

    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        return switch (kind) {
            case DATE -> "TO_CHAR(" + column + ", 'YYYY-MM-DD')";
            case TIMESTAMP -> "TO_CHAR(" + column + ", 'YYYY-MM-DD HH24:MI:SS.FF6')";
            case TIMESTAMP_TZ -> "TO_CHAR(SYS_EXTRACT_UTC(" + column + "), 'YYYY-MM-DD HH24:MI:SS.FF6')";
            default -> textSql(column);
        };
    }

    /** {@code ||} treats NULL as empty text here, so NULL is tested for explicitly. */
    @Override
    protected String fieldSql(String text) {
        return "CASE WHEN " + text + " IS NULL THEN '~' ELSE LENGTH(" + text + ") || ':' || " + text + " END";
    }

    @Override
    public String md5HexSql(String text) {
        return "LOWER(RAWTOHEX(STANDARD_HASH(" + text + ", 'MD5')))";
    }

    @Override
    public String hash60Sql(String text) {
        return "TO_NUMBER(SUBSTR(RAWTOHEX(STANDARD_HASH(" + text + ", 'MD5')), 1, 15), 'XXXXXXXXXXXXXXX')";
    }
}
