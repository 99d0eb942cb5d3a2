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
        return properties;
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
            if (value instanceof LocalDateTime timestamp) {
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
}
