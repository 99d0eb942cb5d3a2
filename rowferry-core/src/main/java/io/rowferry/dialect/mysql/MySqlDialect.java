package io.rowferry.dialect.mysql;

import io.rowferry.Column;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.mariadb.MariaDbDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * MySQL through MySQL Connector/J (also when the server is MariaDB: streaming is the driver's business).
 *
 * <p>Connector/J ignores a positive fetch size and reads the whole result into memory unless the statement is
 * forward-only, read-only and has fetch size {@code Integer.MIN_VALUE}
 * (https://dev.mysql.com/doc/connector-j/en/connector-j-reference-implementation-notes.html). That row streaming
 * is chosen over {@code useCursorFetch}, which makes the server materialise the whole result in a temporary
 * table first (https://dev.mysql.com/doc/refman/8.4/en/cursor-restrictions.html). While streaming, the driver
 * raises {@code net_write_timeout} itself ({@code netTimeoutForStreamingResults}, 600 s).
 */
public class MySqlDialect extends MariaDbDialect {
    private static final DateTimeFormatter TIME_TEXT = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public String id() {
        return "mysql";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String urlPrefix() {
        return "jdbc:mysql:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "mysql");
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = super.defaultConnectionProperties();
        // Multi-row INSERTs from JDBC batches; plain batches send one statement per row.
        properties.setProperty("rewriteBatchedStatements", "true");
        // Connector/J's default logger writes to System.err directly; this routes it through SLF4J.
        properties.setProperty("logger", "Slf4JLogger");
        // The bulk writer's LOAD DATA LOCAL INFILE needs the connection to announce LOCAL INFILE support when it
        // opens, which happens only if allowLoadLocalInfile=true or allowLoadLocalInfileInPath is set. The first would
        // let whatever server Rowferry connects to (a source too) read any local file the JVM can read, by answering any
        // statement with a file request. An empty path announces the support but refuses every file request (9.7.0
        // rejects an empty path explicitly); MySqlLoadDataSink turns allowLoadLocalInfile on only around its own
        // statement, whose request its stream answers. So a server can receive only the rows Rowferry sends it.
        properties.setProperty("allowLoadLocalInfileInPath", "");
        return properties;
    }

    /** {@code LOAD DATA LOCAL INFILE} from a stream, as for MariaDB; see {@link MySqlLoadDataSink}. */
    @Override
    public java.util.Optional<io.rowferry.sink.RowSink> bulkSink(io.rowferry.Database database,
            io.rowferry.TableRef table) {
        return java.util.Optional.of(new MySqlLoadDataSink(database, table));
    }

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE);
        return statement;
    }

    /**
     * Dates and times are sent as text. MariaDB announces itself as "5.5.5-10.x" for compatibility, and Connector/J
     * then believes the server predates fractional seconds (MySQL 5.6.4) and silently drops the microseconds of a
     * bound {@code LocalDateTime}; the server parses the text exactly, MySQL and MariaDB alike.
     */
    @Override
    public ColumnBinder columnBinder(Column target) {
        ColumnBinder standard = super.columnBinder(target);
        return (statement, index, value) -> {
            if (value instanceof java.time.OffsetDateTime instant) {
                // sessions run in UTC (see MariaDbDialect), so an instant is written as its UTC time
                statement.setString(index, TIMESTAMP_TEXT.format(
                        instant.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()));
            } else if (value instanceof LocalDateTime timestamp) {
                statement.setString(index, TIMESTAMP_TEXT.format(timestamp));
            } else if (value instanceof LocalTime time) {
                statement.setString(index, TIME_TEXT.format(time));
            } else {
                standard.bind(statement, index, value);
            }
        };
    }

    /**
     * Connector/J reads and discards the rest of a streaming result on close even after a cancel, so an early close
     * aborts the connection instead: the socket is dropped and the server ends the query. The connection cannot
     * be reused afterwards (a pool discards it).
     */
    @Override
    public void abandonStreamingRead(Statement statement) throws SQLException {
        statement.getConnection().abort(Runnable::run);
    }

    @Override
    public void adjustFetchSize(ResultSet resultSet, int fetchSize) {
        // Row streaming (Integer.MIN_VALUE) already holds one row at a time; a positive size would be ignored.
    }

    @Override
    protected boolean hasNativeUuid() {
        return false;
    }

    /**
     * Connector/J reports a DATETIME(6) column with scale 0 and precision 26 (the length of its text), so the
     * fraction digits are read from the precision: {@code yyyy-MM-dd HH:mm:ss} is 19 characters, plus the point.
     */
    @Override
    public io.rowferry.schema.SqlType sqlType(io.rowferry.schema.NativeColumn column) {
        io.rowferry.schema.SqlType type = super.sqlType(column);
        int fromLength = switch (type.kind()) {
            case TIMESTAMP, TIMESTAMP_TZ -> column.size() > 20 ? column.size() - 20 : 0;
            case TIME -> column.size() > 9 ? column.size() - 9 : 0;
            default -> -1;
        };
        return fromLength > type.size()
                ? new io.rowferry.schema.SqlType(type.kind(), fromLength, 0, false, type.values()) : type;
    }

    /** Connector/J has no bulk protocol: LOAD DATA LOCAL doubled its write rate (31 k to 60 k rows/s) here. */
    @Override
    public boolean bulkIsFaster() {
        return true;
    }

    /**
     * MySQL can refuse to concatenate texts of two collations of one character set ("Illegal mix of collations"),
     * where MariaDB converts: each text field is converted to utf8mb4, whose default collation they then share.
     */
    @Override
    protected String fieldSql(String text) {
        String utf8 = "CONVERT(" + text + " USING utf8mb4)";
        return "COALESCE(CONCAT(CHAR_LENGTH(" + utf8 + "), ':', " + utf8 + "), '~')";
    }
}
