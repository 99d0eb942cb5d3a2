package io.rowferry.conformance;

import io.rowferry.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One database the conformance suite runs against: how to reach it, its DDL spelling, how to fill the sample
 * table on the server side, and how to count the sessions Rowferry left open. Servers come from environment
 * variables with localhost defaults; a server that does not answer fails the tests (it is never skipped).
 */
public abstract class TestDatabase {

    /** Short name for messages and table prefixes. */
    public abstract String id();

    /** The database Rowferry reads and writes, as a user would configure it. */
    public abstract Database database();

    /** A connection for test setup and checks, separate from the ones Rowferry opens. */
    public abstract Connection adminConnection() throws SQLException;

    /**
     * DDL of the sample table: {@code id} BIGINT primary key, {@code customer} INT NOT NULL, {@code amount}
     * DECIMAL(12,2), {@code created} TIMESTAMP with microseconds, {@code note} VARCHAR(200), all but the first two
     * nullable.
     */
    public abstract String sampleTableDdl(String table);

    /** One statement inserting rows 1..n of the sample table, computed by the server (see {@link SampleRow}). */
    public abstract String fillSampleSql(String table, int rows);

    /** The same database behind a DataSource that counts open connections (with the dialect's default properties). */
    public abstract CountingDataSource countingDataSource();

    /** The dialect's default driver properties plus these. */
    protected java.util.Properties withDefaults(String... keyValues) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(database().dialect().defaultConnectionProperties());
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    /** Sessions Rowferry holds open on the server now, or -1 where the database is embedded. */
    public abstract int openRowferrySessions() throws SQLException;

    /** The SQL type spelling for a variable-length string column. */
    public String varchar(int length) {
        return "VARCHAR(" + length + ")";
    }

    /** DDL type of a variable-length binary column holding up to 300 bytes. */
    public String varbinary() {
        return "VARBINARY(300)";
    }

    public String bigint() {
        return "BIGINT";
    }

    /** DDL type of a TIMESTAMP with microseconds. */
    public String timestamp() {
        return "TIMESTAMP(6)";
    }

    public void execute(String... statements) throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Drops the table and forgets the checkpoints of copies into it, as a new table has none. */
    public void dropTable(String table) throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
        try (Connection connection = adminConnection();
                java.sql.PreparedStatement forget = connection.prepareStatement(
                        "DELETE FROM " + io.rowferry.checkpoint.StateTable.DEFAULT_NAME + " WHERE job = ?")) {
            forget.setString(1, table);
            forget.executeUpdate();
        } catch (SQLException noStateTableYet) {
            // nothing to forget
        }
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    public long count(String table) throws SQLException {
        return queryLong("SELECT COUNT(*) FROM " + table);
    }

    /** Creates and fills the sample table with rows 1..n. */
    public void createSample(String table, int rows) throws SQLException {
        dropTable(table);
        execute(sampleTableDdl(table));
        if (rows > 0) {
            execute(fillSampleSql(table, rows));
        }
    }

    /** Waits (briefly: servers remove closed sessions asynchronously) until Rowferry holds no session. */
    public int awaitNoRowferrySessions() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int open = openRowferrySessions();
        while (open > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            open = openRowferrySessions();
        }
        return open;
    }

    /** The timestamp the fill statements give row {@code id}: 2024-01-01 plus id seconds plus id % 1000 µs. */
    public static LocalDateTime createdOf(long id) {
        return LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(id).plusNanos((id % 1000) * 1000);
    }

    @Override
    public String toString() {
        return id();
    }
}
