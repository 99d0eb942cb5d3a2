package io.rowferry.conformance;

import io.rowferry.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * MariaDB server, through MariaDB Connector/J ({@code jdbc:mariadb:}) or, with {@code mysqlDriver}, through MySQL
 * Connector/J ({@code jdbc:mysql:}), whose streaming rules differ.
 */
public final class MariaDbTestDatabase extends TestDatabase {
    private final String databaseName;
    private final boolean mysqlDriver;

    public MariaDbTestDatabase(String databaseName, boolean mysqlDriver) {
        this.databaseName = databaseName;
        ServerSettings.prepareServers();
        this.mysqlDriver = mysqlDriver;
    }

    @Override
    public String id() {
        return mysqlDriver ? "mysql-connector" : "mariadb";
    }

    private String url() {
        return (mysqlDriver ? "jdbc:mysql://" : "jdbc:mariadb://") + ServerSettings.mariadbHostPort() + "/"
                + databaseName + (mysqlDriver ? "?sslMode=DISABLED&allowPublicKeyRetrieval=true" : "");
    }

    @Override
    public Database database() {
        return Database.url(url(), ServerSettings.MARIADB_ROWFERRY_USER, "");
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://" + ServerSettings.mariadbHostPort() + "/" + databaseName,
                ServerSettings.mariadbUser(), ServerSettings.mariadbPassword());
    }

    @Override
    public CountingDataSource countingDataSource() {
        return new CountingDataSource(url(), withDefaults("user", ServerSettings.MARIADB_ROWFERRY_USER, "password", ""));
    }

    @Override
    public String timestamp() {
        return "DATETIME(6)";
    }

    @Override
    public String sampleTableDdl(String table) {
        return "CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, customer INT NOT NULL,"
                + " amount DECIMAL(12,2), created DATETIME(6), note VARCHAR(200))";
    }

    @Override
    public String fillSampleSql(String table, int rows) {
        // seq_1_to_N comes from MariaDB's Sequence engine.
        return "INSERT INTO " + table + " SELECT seq, seq % 97, (seq % 100000) / 100.0,"
                + " TIMESTAMP'2024-01-01 00:00:00' + INTERVAL seq SECOND + INTERVAL (seq % 1000) MICROSECOND,"
                + " IF(seq % 5 = 0, NULL, CONCAT('note ', seq)) FROM seq_1_to_" + rows;
    }

    @Override
    public int openRowferrySessions() throws SQLException {
        return (int) queryLong("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                + " AND USER = '" + ServerSettings.MARIADB_ROWFERRY_USER + "'");
    }
}
