package io.rowferry.dialect;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Everything that differs between databases, in one stateless class per database. The engine never
 * branches on a product name; it asks the dialect. Extend {@link AbstractDialect}, which supplies the ANSI
 * defaults, and override only what differs. Register built-ins in {@link Dialects}.
 */
public interface Dialect {

    /** Short lower-case id used in messages and on the command line, e.g. {@code postgresql}. */
    String id();

    /** Higher wins when several dialects accept the same connection (MariaDB before MySQL). */
    default int priority() {
        return 0;
    }

    /** The JDBC URL prefix of the driver this dialect serves, e.g. {@code jdbc:postgresql:}. */
    String urlPrefix();

    /** Whether this dialect handles connections made with this JDBC URL. */
    default boolean acceptsUrl(String jdbcUrl) {
        String prefix = urlPrefix();
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Whether this dialect handles a database reporting this product name (for DataSources without a URL). */
    boolean acceptsProduct(String productName);

    Set<Capability> capabilities();

    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Driver properties Rowferry adds when it opens a connection from a URL and the user has not set them:
     * the settings that make reads stream and batched writes fast.
     */
    Properties defaultConnectionProperties();

    // ---- identifiers and SQL ----

    String quoteIdentifier(String identifier);

    /** The quoted, qualified name of a resolved table. */
    String qualifiedName(TableRef table);

    /** Whether the JDBC catalog, not the schema, is where this database keeps the first name part ({@code db.table}). */
    boolean catalogIsSchema();

    /** {@code SELECT columns FROM table [WHERE filter]}: the statement a cursor read streams. */
    String selectSql(String table, List<String> columns, String filter);

    /** One keyset page, ordered by the key, starting after the last key when {@link PageQuery#afterKey()}. */
    KeysetSql keysetPageSql(PageQuery query);

    /** One offset page ({@code LIMIT n OFFSET m}); slow on large tables, offered only for comparison. */
    String offsetPageSql(PageQuery query, long offset);

    /** {@code INSERT INTO table (columns) VALUES (?, ...)} for JDBC batches. */
    String insertSql(String table, List<String> columns);

    /**
     * One row's insert that updates the existing row with the same key instead of failing: {@code ON CONFLICT},
     * {@code ON DUPLICATE KEY UPDATE} or {@code MERGE}. {@code keyColumns} (quoted) are among {@code columns}; the
     * other columns are updated.
     */
    String upsertSql(String table, List<String> columns, List<String> keyColumns);

    /**
     * The column lists of the table's unique indexes and constraints (not the primary key), each in index order.
     * Keyset reads accept a key only if it covers one of these or the primary key.
     */
    List<List<String>> uniqueKeys(Connection connection, TableRef table) throws SQLException;

    // ---- types and DDL ----

    /** The neutral type of a column as this database describes it. */
    io.rowferry.schema.SqlType sqlType(io.rowferry.schema.NativeColumn column);

    /** The columns of a table, in order, as neutral definitions. */
    List<io.rowferry.schema.ColumnDefinition> describeTable(Connection connection, TableRef table) throws SQLException;

    /** The type this database's CREATE TABLE uses for a neutral type, and whether any value can be lost in it. */
    io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type);

    /**
     * The name a created column or table gets here: a name the source stored in the case its database folds
     * unquoted names to ({@code ORDER_ID} in H2) takes this database's folding ({@code order_id} in PostgreSQL), so
     * it can be written without quotes on both sides; any other name is kept as it is.
     */
    default String normalizeIdentifier(String name) {
        return name;
    }

    /** What this database's types hold beyond their declared sizes (year range, NaN, U+0000 in text). */
    default io.rowferry.schema.TypeLimits typeLimits() {
        return io.rowferry.schema.TypeLimits.NONE;
    }

    /**
     * Whether every value read from a column has the column's declared type and size, so that a column whose type
     * fits the target's needs no check per value. False where a column's type is only a hint (SQLite).
     */
    default boolean valuesMatchDeclaredTypes() {
        return true;
    }

    /**
     * {@code CREATE TABLE}: quoted column names with their DDL types and nullability, and a primary key (quoted
     * names, possibly empty).
     */
    String createTableSql(String table, List<String> columns, List<String> types, List<Boolean> nullable,
            List<String> primaryKey);

    /**
     * The server's estimate of a table's row count, cheap to get (statistics, not a count), or empty when it has none;
     * the split planner then counts.
     */
    default java.util.OptionalLong estimatedRowCount(Connection connection, TableRef table) throws SQLException {
        return java.util.OptionalLong.empty();
    }

    /**
     * A query returning about {@code fraction} of the table's keys (all of them at 1.0), sorted by the key, for the
     * split planner's quantiles. Where the database can, it samples pages instead of rows, so it reads only that
     * fraction of the table.
     */
    String sampleKeysSql(String table, List<String> keyColumns, String filter, double fraction);

    /** Removes every row of a table, as fast as the database allows. */
    String truncateSql(String table);

    // ---- verification (docs/verify.md) ----

    /**
     * The canonical text of a column's value, computed by this database: the same text for the same value on every
     * database (numbers without trailing fraction zeros, timestamps as {@code yyyy-MM-dd HH:mm:ss.ffffff} in UTC for
     * instants, booleans as 1 and 0, binary as lower-case hex, CHAR without its padding); NULL stays NULL. Where a
     * database prints a type differently (floats, JSON), the rows whose hashes differ are compared again in Java.
     */
    String canonicalTextSql(String column, io.rowferry.schema.SqlType type);

    /**
     * The canonical text of a row, its fields concatenated: a field whose canonical text cannot hold {@code |}
     * (numbers, dates and times, hex, booleans: {@code delimited}) as its text and {@code |}, NULL as {@code ~|};
     * any other as its length in characters, a colon and its text, NULL as {@code ~}. No field's text can be mistaken
     * for another's, and NULL differs from the empty text.
     */
    String rowTextSql(List<String> canonicalTexts, List<Boolean> delimited);

    /** The lower-case hex MD5 of the UTF-8 bytes of a text. */
    String md5HexSql(String text);

    /** The first 60 bits of the MD5 of the UTF-8 bytes of a text, as a non-negative 64-bit integer. */
    String hash60Sql(String text);

    /** An aggregate summing {@link #hash60Sql} values exactly (without overflow), read as a decimal number. */
    String hashSumSql(String hash);

    /**
     * Per bucket: its name (hex digits), the number of rows and the sum of their row hashes. With parent buckets,
     * only the rows of those buckets (placeholders bound with their names) are counted.
     */
    String bucketAggregateSql(BucketQuery query);

    /**
     * The rows of some buckets (placeholders bound with their names): the key text, the row hash, then the key
     * columns given.
     */
    String bucketRowsSql(BucketQuery query, List<String> keyColumns);

    /** Sets up a connection for the verification's statements (SQLite registers its MD5 functions here). */
    default void prepareVerify(Connection connection) throws SQLException {
        // the built-in functions suffice
    }

    // ---- connection and statement setup ----

    /**
     * Sets up a connection and statement so that this query streams from the server in bounded memory.
     * For example PostgreSQL needs autocommit off and a positive fetch size; MySQL Connector/J needs
     * {@code Integer.MIN_VALUE}. Called on a connection used for nothing else while the result is open.
     */
    PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize) throws SQLException;

    /**
     * Changes how many rows the driver fetches per round trip on an open streaming result, once the row width
     * is known, so that wide rows do not fill memory. Drivers that stream row by row ignore it.
     */
    void adjustFetchSize(java.sql.ResultSet resultSet, int fetchSize) throws SQLException;

    /**
     * Stops a streaming read that is closed before its last row, so that closing does not have to read the rest of
     * the result. Called before the result set is closed; failures are ignored.
     */
    void abandonStreamingRead(java.sql.Statement statement) throws SQLException;

    /**
     * Whether this database has a reader faster than JDBC for a (optionally filtered) table with these columns
     * (a keyset read's include its key), {@link #openBulkRead}; decided when the read is planned, on a connection like the read's. False
     * by default.
     */
    default boolean canBulkRead(Connection connection, io.rowferry.RowSchema columns) throws SQLException {
        return false;
    }

    /**
     * Opens the bulk reader of a cursor or keyset plan that {@link #canBulkRead} accepted (PostgreSQL: binary COPY TO
     * STDOUT, of the whole read or of each keyset page). The planner gives a keyset plan to it only when its filter
     * and names hold no {@code ?} (the pages may carry their values as literals).
     */
    default io.rowferry.source.RowReader openBulkRead(io.rowferry.source.ReadPlan plan) {
        throw new UnsupportedOperationException(id() + " has no bulk reader");
    }

    /** Undoes what {@link #prepareStreamingRead} changed on the connection, before it is closed or returned to a pool. */
    void finishStreamingRead(Connection connection) throws SQLException;

    /**
     * The most row bytes (as {@link io.rowferry.Row#sizeBytes()} estimates them) to send in one JDBC
     * {@code executeBatch}; a larger batch is sent in several parts inside the same transaction. Drivers that
     * allocate a buffer for the whole encoded batch set this to keep that buffer small.
     */
    long maxBatchBytesPerExecute();

    /**
     * This database's bulk loader into an existing table (COPY, LOAD DATA, an appender), or empty when JDBC
     * batches are its fastest correct path. A bulk sink must leave exactly the table the JDBC batch sink would.
     */
    default java.util.Optional<io.rowferry.sink.RowSink> bulkSink(io.rowferry.Database database, TableRef table) {
        return java.util.Optional.empty();
    }

    /**
     * Whether write mode AUTO uses {@link #bulkSink}: true where the bulk loader is measurably faster than JDBC
     * batches. Write mode BULK uses the bulk loader regardless.
     */
    default boolean bulkIsFaster() {
        return true;
    }

    /**
     * Starts a snapshot that several readers can share, on a connection the caller keeps open (with its transaction)
     * until every reader is done, and returns its id; or returns {@link #OWN_SNAPSHOT} when the database cannot share
     * one and each reader starts its own consistent snapshot instead. Throws USAGE where there is neither.
     */
    default String exportSnapshot(Connection connection) throws SQLException {
        throw new io.rowferry.RowferryException(ErrorKind.USAGE, "consistent snapshot reads are not supported on "
                + id());
    }

    /** What {@link #exportSnapshot} returns where each reader starts its own snapshot. */
    String OWN_SNAPSHOT = "own";

    /**
     * Begins a read-only transaction on a reader's connection that sees the snapshot {@code id} (or, for
     * {@link #OWN_SNAPSHOT}, a consistent snapshot of its own, taken now).
     */
    default void joinSnapshot(Connection connection, String id) throws SQLException {
        throw new io.rowferry.RowferryException(ErrorKind.USAGE, "consistent snapshot reads are not supported on "
                + id());
    }

    /** Sets up a connection for batched writes that commit per batch. */
    void prepareWrite(Connection connection) throws SQLException;

    // ---- values ----

    /** How to read a column of this type exactly (e.g. {@code LocalDateTime} for TIMESTAMP, not {@code Timestamp}). */
    ColumnReader columnReader(Column column);

    /** How to bind a value into a column of the target table. */
    ColumnBinder columnBinder(Column target);

    // ---- errors ----

    /** What kind of failure this is, from SQLState, vendor code and, where drivers give nothing else, the message. */
    ErrorKind classify(SQLException exception);
}
