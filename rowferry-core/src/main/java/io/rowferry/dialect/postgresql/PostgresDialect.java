package io.rowferry.dialect.postgresql;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.ColumnReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL through pgjdbc.
 *
 * <p>pgjdbc streams only when autocommit is off, the fetch size is positive, the result is forward-only and
 * the query is one statement; otherwise it "silently falls back to fetching the whole ResultSet at once"
 * (https://jdbc.postgresql.org/documentation/query/#getting-results-based-on-a-cursor). The cursor lives in a
 * transaction, and a slow writer leaves that session idle in transaction, which
 * {@code idle_in_transaction_session_timeout} would end; Rowferry turns that timeout off for its own session.
 */
public class PostgresDialect extends AbstractDialect {

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "postgresql");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ROW_VALUE_COMPARISON, Capability.STREAMING_CURSOR, Capability.TRANSACTIONAL_DDL);
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = new Properties();
        // Multi-row INSERTs from JDBC batches: "2-3x" faster (https://jdbc.postgresql.org/documentation/use/).
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("ApplicationName", "rowferry");
        return properties;
    }

    @Override
    protected String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    /**
     * {@code pg_export_snapshot()} in a REPEATABLE READ transaction: readers that import it with
     * {@code SET TRANSACTION SNAPSHOT} see exactly the same data, however long they read
     * (https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-SNAPSHOT-SYNCHRONIZATION). The snapshot
     * lives as long as this transaction stays open.
     */
    @Override
    public String exportSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT pg_export_snapshot()")) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void joinSnapshot(Connection connection, String id) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        if (id.equals(OWN_SNAPSHOT)) {
            return;
        }
        // must come before any query of the transaction; the id is the server's own text, quoted as a literal
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION SNAPSHOT '" + id.replace("'", "''") + "'");
        }
    }

    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        return onConflictUpsertSql(table, columns, keyColumns);
    }

    /** Planner statistics: -1 (PostgreSQL 14+) or 0 until the table was first vacuumed or analyzed, then unknown. */
    @Override
    public java.util.OptionalLong estimatedRowCount(Connection connection, io.rowferry.TableRef table)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            statement.setString(1, qualifiedName(table));
            try (java.sql.ResultSet result = statement.executeQuery()) {
                long rows = result.next() ? result.getLong(1) : -1;
                return rows > 0 ? java.util.OptionalLong.of(rows) : java.util.OptionalLong.empty();
            }
        }
    }

    /**
     * {@code TABLESAMPLE SYSTEM} reads only the sampled fraction of the table's pages
     * (https://www.postgresql.org/docs/current/sql-select.html#SQL-FROM), so sampling costs a fraction of a scan.
     */
    @Override
    public String sampleKeysSql(String table, java.util.List<String> keyColumns, String filter, double fraction) {
        if (fraction >= 1.0) {
            return super.sampleKeysSql(table, keyColumns, filter, fraction);
        }
        String keys = String.join(", ", keyColumns);
        return "SELECT " + keys + " FROM " + table + " TABLESAMPLE SYSTEM (" + fractionLiteral(fraction * 100) + ")"
                + (filter == null ? "" : " WHERE (" + filter + ")") + " ORDER BY " + keys;
    }

    @Override
    protected String randomFractionSql() {
        return "random()";
    }

    @Override
    protected String offsetClause(int limit, long offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    /** {@code COPY ... FROM STDIN}, binary where every column allows it, text otherwise: see {@link PostgresCopySink}. */
    @Override
    public java.util.Optional<io.rowferry.sink.RowSink> bulkSink(io.rowferry.Database database,
            io.rowferry.TableRef table) {
        return java.util.Optional.of(new PostgresCopySink(database, table));
    }

    /**
     * Binary {@code COPY (SELECT ...) TO STDOUT} when every column has a binary decoder and the connections are
     * pgjdbc's (a pool's wrappers must unwrap to them): see {@link CopyOutReader} and {@link CopyKeysetReader}.
     */
    @Override
    public boolean canBulkRead(Connection connection, io.rowferry.RowSchema columns) throws SQLException {
        return connection.isWrapperFor(org.postgresql.PGConnection.class) && CopyOutReader.canRead(columns);
    }

    @Override
    public io.rowferry.source.RowReader openBulkRead(io.rowferry.source.ReadPlan plan) {
        return plan.strategy() == io.rowferry.ReadStrategy.KEYSET ? CopyKeysetReader.open(plan) : CopyOutReader.open(plan);
    }

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // A writer that stalls the reader leaves this session idle in transaction between fetches.
            statement.execute("SET idle_in_transaction_session_timeout = 0");
        }
        return super.prepareStreamingRead(connection, sql, fetchSize);
    }

    @Override
    public void finishStreamingRead(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback(); // read-only: nothing to keep; ends the transaction that held the cursor
            connection.setAutoCommit(true);
        }
    }

    /** SQLStates from https://www.postgresql.org/docs/current/errcodes-appendix.html that the ANSI classes miss. */
    @Override
    public ErrorKind classify(SQLException exception) {
        String state = exception.getSQLState() == null ? "" : exception.getSQLState();
        return switch (state) {
            case "57P01", "57P02", "57P03" -> ErrorKind.CONNECTION; // terminated by an administrator, crash, startup
            case "57014" -> ErrorKind.CANCELLED; // query_canceled
            case "55P03", "53000", "53100", "53200", "53300" -> ErrorKind.TRANSIENT; // lock not available, resources
            default -> super.classify(exception);
        };
    }

    @Override
    public ColumnReader columnReader(Column column) {
        String type = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        return switch (type) {
            // NaN and +-Infinity are numeric values in PostgreSQL 14+, and getBigDecimal throws on them.
            case "numeric" -> (rs, i) -> {
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
            // money: getObject gives a Double, getBigDecimal throws, the text has the currency's format
            case "money" -> new MoneyReader();
            // PostgreSQL's own text, which it parses back: bit strings as binary digits, intervals as
            // "1 year 2 mons 3 days 04:05:06.789" (IntervalStyle postgres), arrays as {1,2,NULL} (below)
            case "bit", "varbit", "interval", "json", "jsonb", "xml", "inet", "cidr", "macaddr" ->
                (rs, i) -> rs.getString(i);
            // an instant: pgjdbc gives it at offset 0, whatever the session's or the JVM's time zone
            case "timestamptz" -> (rs, i) -> rs.getObject(i, java.time.OffsetDateTime.class);
            default -> super.columnReader(column);
        };
    }

    @Override
    public ColumnBinder columnBinder(Column target) {
        String type = target.typeName() == null ? "" : target.typeName().toLowerCase(Locale.ROOT);
        return switch (type) {
            // Text sent as "unspecified" lets the server cast it to the column's type (json, uuid, inet, ...).
            case "json", "jsonb", "uuid", "xml", "inet", "cidr", "macaddr", "interval", "money", "bit", "varbit" ->
                nullSafe(Types.OTHER, (ps, i, v) -> ps.setObject(i, v instanceof byte[] ? v : v.toString(), Types.OTHER));
            // pgjdbc reports both timestamp types as TIMESTAMP; the type name tells them apart
            case "timestamptz" -> nullSafe(Types.TIMESTAMP_WITH_TIMEZONE, (ps, i, v) -> ps.setObject(i, instant(v)));
            case "timestamp" -> nullSafe(Types.TIMESTAMP, (ps, i, v) -> ps.setObject(i, wallClock(v)));
            default -> target.jdbcType() == Types.ARRAY || target.jdbcType() == Types.OTHER
                    ? nullSafe(Types.OTHER, (ps, i, v) -> ps.setObject(i, v.toString(), Types.OTHER))
                    : super.columnBinder(target);
        };
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.SqlType sqlType(io.rowferry.schema.NativeColumn column) {
        io.rowferry.schema.SqlType type = PostgresTypes.sqlType(column);
        return type != null ? type : super.sqlType(column);
    }

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return PostgresTypes.columnType(type);
    }

    /** Dates from 4713 BC to 294276 AD; text cannot hold U+0000 (https://www.postgresql.org/docs/current/datatype-datetime.html). */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(-4712, 294_276, true, false);
    }

    /** PostgreSQL folds unquoted names to lower case. */
    @Override
    public String normalizeIdentifier(String name) {
        return name.equals(name.toUpperCase(java.util.Locale.ROOT)) ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }

    // ---- verification (docs/verify.md) ----

    @Override
    public String canonicalTextSql(String column, io.rowferry.schema.SqlType type) {
        return switch (type.kind()) {
            // trim_scale (PostgreSQL 13+) drops trailing fraction zeros; money goes through numeric, since its text
            // depends on lc_monetary ($1,234.56)
            case DECIMAL -> "trim_scale(" + column + "::numeric)::text";
            default -> super.canonicalTextSql(column, type);
        };
    }

    @Override
    protected String textSql(String expression) {
        return expression + "::text";
    }

    @Override
    protected String hexSql(String expression) {
        return "encode(" + expression + ", 'hex')";
    }

    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        return switch (kind) {
            case DATE -> "to_char(" + column + ", 'YYYY-MM-DD')";
            case TIME -> "to_char(" + column + ", 'HH24:MI:SS.US')";
            case TIMESTAMP -> "to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS.US')";
            case TIMESTAMP_TZ -> "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";
            default -> textSql(column);
        };
    }

    @Override
    public String md5HexSql(String text) {
        return "md5(" + text + ")";
    }

    /** The first 15 hex digits of the MD5, read as a 60-bit string and cast to bigint. */
    @Override
    public String hash60Sql(String text) {
        return "('x' || substr(md5(" + text + "), 1, 15))::bit(60)::bigint";
    }
}
