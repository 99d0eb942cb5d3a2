package io.rowferry.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL and MariaDB servers of the test machines (README, "Run the tests"), with the same environment
 * variables and defaults as the core's tests. URLs carry the user (and a password, when one is set), so the same
 * URL serves the fixtures and the command line.
 */
final class Servers {
    static final String DATABASE = "rowferry_test";
    private static boolean prepared;

    static {
        Logging.configure(false); // before any driver creates a logger: see Fixtures
    }

    private Servers() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String credentials(String user, String password) {
        return "user=" + user + (password.isEmpty() ? "" : "&password=" + password);
    }

    static String postgres(String database) {
        return "jdbc:postgresql://" + env("ROWFERRY_TEST_PG_HOST", "127.0.0.1") + ":"
                + env("ROWFERRY_TEST_PG_PORT", "5432") + "/" + database + "?"
                + credentials(env("ROWFERRY_TEST_PG_USER", "postgres"), env("ROWFERRY_TEST_PG_PASSWORD", ""));
    }

    static String mariadb(String database) {
        return "jdbc:mariadb://" + env("ROWFERRY_TEST_MARIADB_HOST", "127.0.0.1") + ":"
                + env("ROWFERRY_TEST_MARIADB_PORT", "3306") + "/" + database + "?"
                + credentials(env("ROWFERRY_TEST_MARIADB_USER", "root"), env("ROWFERRY_TEST_MARIADB_PASSWORD", ""));
    }

    /** Creates {@value #DATABASE} on both servers if missing, once; a server that does not answer fails loudly. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        try (Connection pg = DriverManager.getConnection(postgres("postgres"));
                Statement statement = pg.createStatement();
                ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not usable for the tests (start it, or set"
                    + " ROWFERRY_TEST_PG_HOST/PORT/USER/PASSWORD): " + e.getMessage(), e);
        }
        try (Connection maria = DriverManager.getConnection(mariadb(""));
                Statement statement = maria.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is not usable for the tests (start it, or set"
                    + " ROWFERRY_TEST_MARIADB_HOST/PORT/USER/PASSWORD): " + e.getMessage(), e);
        }
        prepared = true;
    }

    /** A table name no other test run uses, so runs on a shared server do not meet. */
    static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }
}
