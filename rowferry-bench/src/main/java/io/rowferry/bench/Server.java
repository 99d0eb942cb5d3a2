package io.rowferry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the two database servers the benchmark runs on, with what the harness needs from it: JDBC URLs, the
 * command-line clients' connection arguments, and a few statements on a throw-away connection. Settings come from
 * the environment ({@code ROWFERRY_BENCH_PG_HOST}, {@code ..._PORT}, {@code ..._USER}, {@code ..._PASSWORD}, and the
 * same with {@code MARIADB}), with the local defaults the tests use.
 */
enum Server {
    POSTGRESQL("pg", "PostgreSQL", "PG", "127.0.0.1", 5432, "postgres"),
    MARIADB("mariadb", "MariaDB", "MARIADB", "127.0.0.1", 3306, "root");

    /** Source database (generated once) and target database (emptied before every run). */
    static final String SOURCE_DB = "rowferry_bench";
    static final String TARGET_DB = "rowferry_bench_target";

    final String id;
    final String title;
    final String host;
    final int port;
    final String user;
    final String password;

    Server(String id, String title, String envName, String defaultHost, int defaultPort, String defaultUser) {
        this.id = id;
        this.title = title;
        this.host = env("ROWFERRY_BENCH_" + envName + "_HOST", defaultHost);
        this.port = Integer.parseInt(env("ROWFERRY_BENCH_" + envName + "_PORT", Integer.toString(defaultPort)));
        this.user = env("ROWFERRY_BENCH_" + envName + "_USER", defaultUser);
        this.password = env("ROWFERRY_BENCH_" + envName + "_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The plain JDBC URL of a database, without credentials (they are passed separately). */
    String url(String database) {
        return switch (this) {
            case POSTGRESQL -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
            case MARIADB -> "jdbc:mariadb://" + host + ":" + port + "/" + database;
        };
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** Connects to the server's always-present database, to create the benchmark's own. */
    Connection connectAdmin() throws SQLException {
        return connect(this == POSTGRESQL ? "postgres" : "");
    }

    /** Arguments that connect {@code psql} or {@code mariadb}/{@code mariadb-dump} to this server, shell-quoted. */
    String clientArgs() {
        return switch (this) {
            case POSTGRESQL -> "-h " + Shell.quote(host) + " -p " + port + " -U " + Shell.quote(user);
            case MARIADB -> "-h " + Shell.quote(host) + " -P " + port + " -u " + Shell.quote(user);
        };
    }

    /** Environment that gives the command-line clients the password, if there is one. */
    Map<String, String> clientEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        if (!password.isEmpty()) {
            environment.put(this == POSTGRESQL ? "PGPASSWORD" : "MYSQL_PWD", password);
        }
        return environment;
    }

    void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
            if (this == MARIADB) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4");
                return;
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        }
    }

    static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    /** The first row of a query, each value as its {@code getString} text ({@code null} for NULL). */
    static List<String> firstRow(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
            }
            return values;
        }
    }

    static String scalar(Connection connection, String sql) throws SQLException {
        List<String> row = firstRow(connection, sql);
        return row.isEmpty() ? null : row.get(0);
    }
}
