package io.rowferry.dialect.mariadb;

import io.rowferry.ErrorKind;
import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * MariaDB through MariaDB Connector/J (3.x). Also the base of {@code MySqlDialect}: the SQL is the same, the
 * drivers differ.
 *
 * <p>MariaDB Connector/J streams with any positive fetch size on a forward-only result. The server pushes the
 * whole result into the socket, so a reader stalled by a slow writer trips {@code net_write_timeout} (60 s by
 * default) and the connection dies; Rowferry raises it for its own session
 * (https://mariadb.com/docs/connectors/mariadb-connector-j/about-mariadb-connector-j#streaming-result-sets).
 * Running any other statement on that connection would pull the rest of the result into memory, so the
 * engine never does.
 */
public class MariaDbDialect extends AbstractDialect {

    /** Seconds the server may wait for the client to read; 10 minutes, as MySQL Connector/J uses when streaming. */
    protected static final int NET_WRITE_TIMEOUT_SECONDS = 600;

    @Override
    public String id() {
        return "mariadb";
    }

    @Override
    public int priority() {
        return 1; // checked before MySQL: a MariaDB server may also call itself MySQL
    }

    @Override
    public String urlPrefix() {
        return "jdbc:mariadb:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "mariadb");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ROW_VALUE_COMPARISON, Capability.STREAMING_CURSOR);
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = new Properties();
        // TINYINT(1) as a number: the default reports it as BOOLEAN and turns 2 into true.
        properties.setProperty("tinyInt1isBit", "false");
        // YEAR as a number, not a java.sql.Date of January 1st.
        properties.setProperty("yearIsDateType", "false");
        // TIMESTAMP columns hold instants and are shown in the session's time zone: pin it to UTC, so that what is
        // read and written does not depend on the server's or the JVM's zone.
        properties.setProperty("sessionVariables", "time_zone='+00:00'");
        return properties;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public boolean catalogIsSchema() {
        return true;
    }

    @Override
    protected String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    /**
     * MariaDB and MySQL cannot share a snapshot between connections: each reader starts its own with
     * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} (https://mariadb.com/kb/en/start-transaction/), so each
     * key range is consistent in itself, and ranges differ by what was committed between their starts.
     */
    @Override
    public String exportSnapshot(Connection connection) {
        return OWN_SNAPSHOT;
    }

    @Override
    public void joinSnapshot(Connection connection, String id) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE c = VALUES(c)}. It fires on a conflict with any unique key of the table, not only
     * the primary key (https://mariadb.com/kb/en/insert-on-duplicate-key-update/). MySQL deprecated {@code VALUES(c)}
     * here in 8.0.20 for a row alias that MariaDB does not parse; both servers still accept {@code VALUES(c)}, and the
     * MySQL dialect also talks to MariaDB servers, so both use it.
     */
    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        java.util.List<String> updates = nonKey(columns, keyColumns).stream()
                .map(c -> c + " = " + insertedValue(c)).toList();
        return insertSql(table, columns) + " ON DUPLICATE KEY UPDATE " + (updates.isEmpty()
                ? keyColumns.get(0) + " = " + keyColumns.get(0) : String.join(", ", updates));
    }

    /** The value the refused insert carried for a column, in an ON DUPLICATE KEY UPDATE clause. */
    protected String insertedValue(String column) {
        return "VALUES(" + column + ")";
    }

    /**
     * InnoDB's estimate in information_schema (from sampled index pages, within about 10 % usually). MariaDB and
     * MySQL have no TABLESAMPLE, so the planner's sample is a random filter the server evaluates over the key's
     * smallest index: a scan in the server, of which only the sample is sent.
     */
    @Override
    public java.util.OptionalLong estimatedRowCount(Connection connection, io.rowferry.TableRef table)
            throws SQLException {
        String schema = table.catalog() != null ? table.catalog() : table.schema();
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table.name());
            try (java.sql.ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    long rows = result.getLong(1);
                    if (!result.wasNull() && rows > 0) {
                        return java.util.OptionalLong.of(rows);
                    }
                }
                return java.util.OptionalLong.empty();
            }
        }
    }

    @Override
    protected String offsetClause(int limit, long offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    /**
     * MariaDB Connector/J grows its send buffer to 1 MiB and then jumps straight to 16 MiB (its maximum packet) for
     * a larger batch, a new 16 MiB array per batch; measured with JFR in {@code Writer.growBuffer} during a 5,000-row
     * batch of 250-byte rows. Sending at most about half a MiB of rows per {@code executeBatch} keeps the buffer at
     * 1 MiB. MySQL Connector/J's rewritten multi-row INSERT grows the same way.
     */
    @Override
    public long maxBatchBytesPerExecute() {
        return 512L * 1024;
    }

    /**
     * {@code LOAD DATA LOCAL INFILE} from a stream that encodes each batch as the driver reads it; where LOCAL loads are
     * disabled, or the load warns about something INSERT accepts, it writes with INSERTs (see {@link LoadDataSink}).
     */
    @Override
    public java.util.Optional<io.rowferry.sink.RowSink> bulkSink(io.rowferry.Database database,
            io.rowferry.TableRef table) {
        return java.util.Optional.of(new MariaDbLoadDataSink(database, table));
    }

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION net_write_timeout = " + NET_WRITE_TIMEOUT_SECONDS);
        }
        return super.prepareStreamingRead(connection, sql, fetchSize);
    }

    /**
     * The server has already pushed the rest of the result towards the socket, and both drivers read and discard all
     * of it on close (seconds per million rows). Cancelling first ({@code KILL QUERY} on a side connection) ends the
     * result at once.
     */
    @Override
    public void abandonStreamingRead(Statement statement) throws SQLException {
        statement.cancel();
    }

    @Override
    public ErrorKind classify(SQLException exception) {
        return switch (exception.getErrorCode()) {
            case 1045, 1044, 1142, 1143, 1227 -> ErrorKind.AUTHENTICATION; // access denied, command denied
            case 1146, 1054, 1049 -> ErrorKind.NOT_FOUND; // no such table, column, database
            case 1062, 1452, 1451, 1048, 1364, 4025 -> ErrorKind.CONSTRAINT; // duplicate, FK, NOT NULL, CHECK
            case 1406, 1264, 1366, 1292, 1265 -> ErrorKind.DATA; // too long, out of range, bad value
            case 1213, 1205 -> ErrorKind.TRANSIENT; // deadlock, lock wait timeout
            // 1927 connection killed (KILL), 1053 server shutdown, 4031 disconnected for inactivity
            case 2002, 2003, 2006, 2013, 1927, 1053, 4031 -> ErrorKind.CONNECTION;
            default -> super.classify(exception);
        };
    }

    // ---- types ----

    /** From information_schema, which keeps what JDBC metadata hides: UNSIGNED, TINYINT(1), ENUM values, JSON. */
    @Override
    public java.util.List<io.rowferry.schema.ColumnDefinition> describeTable(Connection connection,
            io.rowferry.TableRef table) throws SQLException {
        return MariaDbTypes.describeTable(connection, table, hasNativeUuid());
    }

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return MariaDbTypes.columnType(type, hasNativeUuid());
    }

    /** MariaDB has a UUID type since 10.7; MySQL has none. */
    protected boolean hasNativeUuid() {
        return true;
    }

    /** utf8mb4 holds every character; the binary collation keeps keys that differ only in case apart, as the source had them. */
    @Override
    public String createTableSql(String table, java.util.List<String> columns, java.util.List<String> types,
            java.util.List<Boolean> nullable, java.util.List<String> primaryKey) {
        return super.createTableSql(table, columns, types, nullable, primaryKey)
                + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    /** Dates from 1000 to 9999 are supported; no NaN or infinities (https://mariadb.com/kb/en/datetime/). */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(1000, 9999, false, true, true);
    }

    /** TIMESTAMP is an instant, read in the session's UTC (see {@link #defaultConnectionProperties()}). */
    @Override
    public io.rowferry.dialect.ColumnReader columnReader(io.rowferry.Column column) {
        // see TemporalText for what the drivers do with zero dates and TIMEs beyond a day
        return switch (column.jdbcType()) {
            case java.sql.Types.DATE -> "YEAR".equalsIgnoreCase(column.typeName()) ? super.columnReader(column)
                    : (rs, i) -> TemporalText.read(rs, i, java.time.LocalDate.class);
            case java.sql.Types.TIME -> TemporalText::time;
            case java.sql.Types.TIMESTAMP -> "TIMESTAMP".equalsIgnoreCase(column.typeName())
                    ? (rs, i) -> {
                        Object utc = TemporalText.read(rs, i, java.time.LocalDateTime.class);
                        return utc instanceof java.time.LocalDateTime time ? time.atOffset(java.time.ZoneOffset.UTC) : utc;
                    }
                    : (rs, i) -> TemporalText.read(rs, i, java.time.LocalDateTime.class);
            // BIT(n > 1): the text of its n binary digits (see BitText); BIT(1) is a boolean
            case java.sql.Types.BIT -> column.precision() > 1 ? (rs, i) -> {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? null : BitText.of(bytes, column.precision());
            } : super.columnReader(column);
            default -> super.columnReader(column);
        };
    }

    /**
     * A bit string (the text of binary digits) goes into a BIT(n) column as its bytes; a float as the double it
     * is exactly: Connector/J sends a {@code Float} as the text of {@code Float.toString}, and MariaDB reads
     * {@code 3.4028235E38} (Float.MAX_VALUE) as a double above FLOAT's maximum and refuses it as out of range.
     */
    @Override
    public io.rowferry.dialect.ColumnBinder columnBinder(io.rowferry.Column target) {
        io.rowferry.dialect.ColumnBinder standard = super.columnBinder(target);
        boolean bits = target.jdbcType() == java.sql.Types.BIT && target.precision() > 1;
        return (statement, index, value) -> {
            if (bits && BitText.isBits(value)) {
                statement.setBytes(index, BitText.bytes((String) value));
            } else if (value instanceof Float number) {
                statement.setDouble(index, number.doubleValue());
            } else {
                standard.bind(statement, index, value);
            }
        };
    }

    /**
     * MariaDB Connector/J's batches go through its bulk protocol (COM_STMT_BULK_EXECUTE), which measured as fast as
     * LOAD DATA LOCAL here (bench/run, 1,000,000 rows: MariaDB to MariaDB 11.7 s with INSERT batches, 11.9 s with
     * LOAD DATA; PostgreSQL to MariaDB 13.0 s and 12.5 s), so AUTO keeps the simpler INSERT path.
     */
    @Override
    public boolean bulkIsFaster() {
        return false;
    }

    // ---- verification (docs/verify.md) ----

    /**
     * The canonical texts written so that MariaDB computes each field once and copies it as little as possible: the
     * first pass spends most of its time building row texts, not hashing them. Numbers, dates and DATETIMEs are
     * given to CONCAT as they are (CONCAT prints them in the canonical form already); the whole row text is
     * converted to utf8mb4 once, in {@link #md5HexSql}, rather than field by field.
     */
    @Override
    public String canonicalTextSql(String column, io.rowferry.schema.SqlType type) {
        return switch (type.kind()) {
            // TINYINT(1) and BIT(1) are booleans here; "+ 0" turns BIT's byte into its number
            case BOOLEAN -> textSql(column + " + 0");
            case BIT -> "LPAD(BIN(" + column + "), " + type.size() + ", '0')";
            case INTEGER, DATE -> column;
            // a DECIMAL's text always has exactly its scale's fraction digits, so only the zeros need trimming, and
            // no test for a point
            case DECIMAL -> type.scale() > 0 ? "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + column + "))"
                    : column;
            case TIMESTAMP, TIMESTAMP_TZ -> datetimeTextSql(column, type.size());
            default -> super.canonicalTextSql(column, type);
        };
    }

    /**
     * A DATETIME or TIMESTAMP prints with as many fraction digits as its type declares, which is cheaper than
     * DATE_FORMAT: only the zeros missing up to six digits are appended.
     */
    private static String datetimeTextSql(String column, int digits) {
        if (digits >= 6) {
            return column;
        }
        return "CONCAT(" + column + ", '" + (digits == 0 ? "." : "") + "0".repeat(6 - digits) + "')";
    }

    /** Text in utf8mb4 with its binary collation, so that mixing it with columns of any collation is legal. */
    @Override
    protected String textSql(String expression) {
        return "CAST(" + expression + " AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin";
    }

    @Override
    protected String hexSql(String expression) {
        return "LOWER(HEX(" + expression + "))";
    }

    /**
     * Rowferry's sessions run in UTC (defaultConnectionProperties), so TIMESTAMP columns are read as UTC. DATE,
     * DATETIME and TIMESTAMP columns do not come here ({@link #canonicalTextSql}).
     */
    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        return switch (kind) {
            case DATE -> "DATE_FORMAT(" + column + ", '%Y-%m-%d')";
            case TIME -> "TIME_FORMAT(" + column + ", '%H:%i:%s.%f')";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
            default -> textSql(column);
        };
    }

    /**
     * One flat CONCAT for the whole row (nested CONCATs copy every field once more), each field as it is: the
     * row text is converted to utf8mb4 once, by {@link #md5HexSql}. A length prefix counts characters, which is the
     * same count in any character set.
     */
    @Override
    public String rowTextSql(java.util.List<String> canonicalTexts, java.util.List<Boolean> delimited) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < canonicalTexts.size(); i++) {
            String text = canonicalTexts.get(i);
            if (delimited.get(i)) {
                parts.add("COALESCE(" + text + ", '~')");
                parts.add("'|'");
            } else {
                parts.add(fieldSql(text));
            }
        }
        return "CONCAT(" + String.join(", ", parts) + ")";
    }

    @Override
    protected String fieldSql(String text) {
        return "COALESCE(CONCAT(CHAR_LENGTH(" + text + "), ':', " + text + "), '~')";
    }

    @Override
    protected String delimitedFieldSql(String text) {
        return "CONCAT(COALESCE(" + text + ", '~'), '|')";
    }

    /** CONCAT, since {@code ||} is OR unless sql_mode has PIPES_AS_CONCAT; it is NULL when any part is. */
    @Override
    protected String concatSql(java.util.List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : "CONCAT(" + String.join(", ", parts) + ")";
    }

    @Override
    public String md5HexSql(String text) {
        return "MD5(CONVERT(" + text + " USING utf8mb4))";
    }

    @Override
    public String hash60Sql(String text) {
        return "CAST(CONV(LEFT(" + md5HexSql(text) + ", 15), 16, 10) AS UNSIGNED)";
    }
}
