package io.rowferry.conformance;

import io.rowferry.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** PostgreSQL server through pgjdbc. */
public final class PostgresTestDatabase extends TestDatabase {
    private final String databaseName;

    public PostgresTestDatabase() {
        this(ServerSettings.DATABASE);
    }

    public PostgresTestDatabase(String databaseName) {
        this.databaseName = databaseName;
        ServerSettings.prepareServers();
    }

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public Database database() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", ServerSettings.postgresUser());
        properties.setProperty("password", ServerSettings.postgresPassword());
        properties.setProperty("ApplicationName", ServerSettings.PG_APPLICATION_NAME);
        return Database.url(ServerSettings.postgresUrl(databaseName), properties);
    }

    @Override
    public Connection adminConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", ServerSettings.postgresUser());
        properties.setProperty("password", ServerSettings.postgresPassword());
        properties.setProperty("ApplicationName", "rowferry-test-admin");
        // test fixtures bind text for every type and let the server cast it, as SQL literals would be
        properties.setProperty("stringtype", "unspecified");
        return DriverManager.getConnection(ServerSettings.postgresUrl(databaseName), properties);
    }

    @Override
    public CountingDataSource countingDataSource() {
        return new CountingDataSource(ServerSettings.postgresUrl(databaseName), withDefaults(
                "user", ServerSettings.postgresUser(), "password", ServerSettings.postgresPassword(),
                "ApplicationName", ServerSettings.PG_APPLICATION_NAME));
    }

    @Override
    public String varbinary() {
        return "BYTEA";
    }

    @Override
    public String sampleTableDdl(String table) {
        return "CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, customer INTEGER NOT NULL,"
                + " amount NUMERIC(12,2), created TIMESTAMP(6), note VARCHAR(200))";
    }

    @Override
    public String fillSampleSql(String table, int rows) {
        return "INSERT INTO " + table + " SELECT n, n % 97, (n % 100000) / 100.0,"
                + " TIMESTAMP '2024-01-01 00:00:00' + n * INTERVAL '1 second' + (n % 1000) * INTERVAL '1 microsecond',"
                + " CASE WHEN n % 5 = 0 THEN NULL ELSE 'note ' || n END FROM generate_series(1, " + rows + ") AS n";
    }

    @Override
    public int openRowferrySessions() throws SQLException {
        // The tests' Rowferry connections carry their own application name; the admin connection another one.
        return (int) queryLong("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '"
                + ServerSettings.PG_APPLICATION_NAME + "' AND datname = current_database()");
    }
}
