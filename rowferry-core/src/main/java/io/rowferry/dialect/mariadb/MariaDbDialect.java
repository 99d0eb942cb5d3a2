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
            case 2002, 2003, 2006, 2013 -> ErrorKind.CONNECTION;
            default -> super.classify(exception);
        };
    }
}
