package io.rowferry.dialect.sqlserver;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import io.rowferry.dialect.ColumnReader;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Microsoft SQL Server (and Azure SQL) through the Microsoft JDBC Driver for SQL Server (mssql-jdbc).
 *
 * <p>Identifiers are quoted as {@code [name]}, with {@code ]} doubled inside, as {@code QUOTENAME} does
 * (https://learn.microsoft.com/sql/t-sql/functions/quotename-transact-sql); that works whatever
 * {@code QUOTED_IDENTIFIER} is set to.
 *
 * <p>T-SQL has no row-value comparison, so keyset pages use the expanded form
 * {@code (a > ?) OR (a = ? AND b > ?)}. A page is limited with {@code SELECT TOP (n)}, which every version
 * accepts (https://learn.microsoft.com/sql/t-sql/queries/top-transact-sql); offset pages use
 * {@code OFFSET m ROWS FETCH NEXT n ROWS ONLY}, which needs the ORDER BY they always have
 * (https://learn.microsoft.com/sql/t-sql/queries/select-order-by-clause-transact-sql).
 *
 * <p>Reads stream through adaptive buffering, the driver's default ({@code responseBuffering=adaptive},
 * {@code selectMethod=direct}): a forward-only, read-only result of any size is read without a server cursor
 * and without buffering it in the client. Running another statement on the same connection before the result
 * is consumed buffers the rest of it in memory, so the engine never does
 * (https://learn.microsoft.com/sql/connect/jdbc/using-adaptive-buffering). While a slow writer holds the
 * reader back, the server waits in {@code ASYNC_NETWORK_IO} and, under locking READ COMMITTED, keeps its
 * shared locks (https://learn.microsoft.com/troubleshoot/sql/performance/troubleshoot-query-async-network-io);
 * databases with READ_COMMITTED_SNAPSHOT on are not affected.
 *
 * <p>Write mode {@code insert} uses plain JDBC batches; {@code bulk} and {@code auto} use the bulk copy API with
 * correctness-first options ({@link SqlServerBulkSink}). The driver's {@code useBulkCopyForBatchInsert} is deliberately not
 * turned on: its bulk copy by default skips check constraints and triggers, replaces NULL with the column's
 * default ({@code bulkCopyForBatchInsertKeepNulls=false}), silently assigns new identity values instead of the
 * copied ones, and does not support several temporal and money types
 * (https://learn.microsoft.com/sql/connect/jdbc/use-bulk-copy-api-batch-insert-operation). A copy must insert
 * exactly the rows it read.
 */
public class SqlServerDialect extends AbstractDialect {

    @Override
    public String id() {
        return "sqlserver";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:sqlserver:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "microsoft sql server");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.STREAMING_CURSOR, Capability.TRANSACTIONAL_DDL);
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = new Properties();
        // The default already, stated because streaming depends on it: "full" reads each whole result into
        // memory (https://learn.microsoft.com/sql/connect/jdbc/using-adaptive-buffering).
        properties.setProperty("responseBuffering", "adaptive");
        // Also the default, pinned on purpose: "false" sends strings in the database's code page and loses every
        // character it cannot encode when the target column is NCHAR/NVARCHAR. The price is an implicit
        // conversion (a scan instead of an index seek) when such a parameter meets a VARCHAR key column
        // (https://learn.microsoft.com/sql/connect/jdbc/reference/setsendstringparametersasunicode-method-sqlserverdatasource).
        properties.setProperty("sendStringParametersAsUnicode", "true");
        return properties;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '[' + identifier.replace("]", "]]") + ']';
    }

    /** {@code TOP (n)} goes before the column list; T-SQL keeps {@code TOP n} without parentheses only for compatibility. */
    @Override
    protected String selectPrefix(int limit) {
        return "SELECT TOP (" + limit + ") ";
    }

    /** The limit is already in {@link #selectPrefix}. */
    @Override
    protected String limitClause(int limit) {
        return "";
    }

    /**
     * MERGE with HOLDLOCK, so two writers cannot both see "not matched" for the same key
     * (https://learn.microsoft.com/sql/t-sql/statements/merge-transact-sql); MERGE must end with a semicolon.
     */
    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        return "MERGE INTO " + table + " WITH (HOLDLOCK) AS t USING (VALUES (" + placeholders + ")) AS s ("
                + String.join(", ", columns) + ") ON " + mergeCondition(keyColumns) + mergeActions(columns, keyColumns)
                + ";";
    }

    /** RAND() is evaluated once per query in SQL Server; NEWID() is per row. */
    @Override
    protected String randomFractionSql() {
        return "(ABS(CAST(CHECKSUM(NEWID()) AS BIGINT)) % 1000000) / 1000000.0";
    }

    @Override
    public ColumnReader columnReader(Column column) {
        // DATETIMEOFFSET reports a vendor type code and getObject() returns microsoft.sql.DateTimeOffset;
        // the driver converts it to OffsetDateTime on request (mssql-jdbc 7.1+, microsoft/mssql-jdbc#830).
        String type = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        if (type.equals("datetimeoffset")) {
            return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
        }
        return super.columnReader(column);
    }

    /**
     * The bulk copy API, one transaction per batch, with options that keep NULLs, constraints and triggers as INSERT
     * has them; unverified against a live server (see {@link SqlServerBulkSink}).
     */
    @Override
    public java.util.Optional<io.rowferry.sink.RowSink> bulkSink(io.rowferry.Database database,
            io.rowferry.TableRef table) {
        return java.util.Optional.of(new SqlServerBulkSink(database, table));
    }

    /**
     * By the server's error number: the driver's SQLStates are coarse (many errors share {@code S0001}).
     * Numbers from https://learn.microsoft.com/sql/relational-databases/errors-events/database-engine-events-and-errors.
     */
    @Override
    public ErrorKind classify(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 2627, 2601 -> ErrorKind.CONSTRAINT; // duplicate key in a unique constraint / unique index
            case 515 -> ErrorKind.CONSTRAINT; // cannot insert NULL into a NOT NULL column
            case 547 -> ErrorKind.CONSTRAINT; // conflict with a FOREIGN KEY or CHECK constraint
            case 208, 207 -> ErrorKind.NOT_FOUND; // invalid object name, invalid column name
            case 18456 -> ErrorKind.AUTHENTICATION; // login failed
            case 229, 230 -> ErrorKind.AUTHENTICATION; // permission denied on object / column
            case 1205, 1222 -> ErrorKind.TRANSIENT; // chosen as deadlock victim, lock request timeout
            case 8152, 2628 -> ErrorKind.DATA; // string or binary data would be truncated
            case 8115 -> ErrorKind.DATA; // arithmetic overflow
            case 245, 8114 -> ErrorKind.DATA; // conversion failed, error converting data type
            case 102, 156 -> ErrorKind.USAGE; // incorrect syntax (a bad --query or --where), as class 42 elsewhere
            default -> super.classify(exception);
        };
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return SqlServerTypes.columnType(type);
    }

    /** datetime2 holds the years 1 to 9999; no NaN or infinities. */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(1, 9999, false, true);
    }

    // ---- verification (docs/verify.md); not verified against a server here ----

    @Override
    public String canonicalTextSql(String column, io.rowferry.schema.SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> textSql(column); // bit: 1 and 0
            default -> super.canonicalTextSql(column, type);
        };
    }

    @Override
    protected String textSql(String expression) {
        return "CAST(" + expression + " AS NVARCHAR(MAX))";
    }

    @Override
    protected String hexSql(String expression) {
        return "LOWER(CONVERT(VARCHAR(MAX), " + expression + ", 2))";
    }

    /** Style 121 is {@code yyyy-mm-dd hh:mi:ss.ffffff} for DATETIME2(6); instants are switched to UTC first. */
    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        return switch (kind) {
            case DATE -> "CONVERT(VARCHAR(10), " + column + ", 23)";
            case TIME -> "CONVERT(VARCHAR(15), CAST(" + column + " AS TIME(6)))";
            case TIMESTAMP -> "CONVERT(VARCHAR(26), CAST(" + column + " AS DATETIME2(6)), 121)";
            case TIMESTAMP_TZ -> "CONVERT(VARCHAR(26), CAST(SWITCHOFFSET(" + column
                    + ", '+00:00') AS DATETIME2(6)), 121)";
            default -> textSql(column);
        };
    }

    /** LEN ignores trailing spaces: measure the text with one more character. */
    @Override
    protected String charLengthSql(String text) {
        return "(LEN(" + text + " + N'x') - 1)";
    }

    /** {@code +} is NULL when any part is (CONCAT is not). */
    @Override
    protected String concatSql(java.util.List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" + ", parts) + ")";
    }

    /** HASHBYTES hashes the bytes it is given: the text is converted to UTF-8 by a UTF-8 collation (2019+). */
    @Override
    public String md5HexSql(String text) {
        return "LOWER(CONVERT(VARCHAR(32), HASHBYTES('MD5', CONVERT(VARCHAR(MAX), " + text
                + " COLLATE Latin1_General_100_BIN2_UTF8)), 2))";
    }

    @Override
    public String hash60Sql(String text) {
        return "CONVERT(BIGINT, CONVERT(VARBINARY(8), '0' + SUBSTRING(" + md5HexSql(text) + ", 1, 15), 2))";
    }

    @Override
    public String hashSumSql(String hash) {
        return "SUM(CAST(" + hash + " AS DECIMAL(38, 0)))";
    }

    @Override
    protected String moduloSql(String dividend, String divisor) {
        return "(" + dividend + " % " + divisor + ")";
    }

    @Override
    protected String prefixSql(String text, int length) {
        return "SUBSTRING(" + text + ", 1, " + length + ")";
    }
}
