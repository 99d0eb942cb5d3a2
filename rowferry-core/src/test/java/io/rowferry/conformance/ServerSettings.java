package io.rowferry.conformance;

/**
 * Connection settings of the database servers the tests use, from environment variables with the defaults of
 * this project's machines (see README, "Running the tests").
 */
final class ServerSettings {
    private static boolean prepared;

    private ServerSettings() {}

    /**
     * Creates the test databases on both servers if they are missing, once per JVM, so that the test command works
     * on a machine where the servers run but nothing was set up. A server that does not answer fails here, loudly.
     */
    static synchronized void prepareServers() {
        if (prepared) {
            return;
        }
        try (java.sql.Connection pg = java.sql.DriverManager.getConnection(
                        postgresUrl("postgres"), postgresUser(), postgresPassword());
                java.sql.Statement statement = pg.createStatement()) {
            for (String database : java.util.List.of(DATABASE, DATABASE_2, TYPES_DATABASE)) {
                try (java.sql.ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresUrl("postgres") + " is not usable for the tests"
                    + " (start it, or set ROWFERRY_TEST_PG_HOST/PORT/USER/PASSWORD): " + e.getMessage(), e);
        }
        try (java.sql.Connection maria = java.sql.DriverManager.getConnection(
                        "jdbc:mariadb://" + mariadbHostPort() + "/", mariadbUser(), mariadbPassword());
                java.sql.Statement statement = maria.createStatement()) {
            for (String database : java.util.List.of(DATABASE, DATABASE_2, TYPES_DATABASE)) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            // 16 MB values (the type round trip) need packets larger than the 16 MB default; new sessions see this.
            statement.execute("SET GLOBAL max_allowed_packet = 67108864");
            // The user Rowferry connects as in these tests, so that its sessions can be told apart from any other.
            statement.execute("CREATE USER IF NOT EXISTS '" + MARIADB_ROWFERRY_USER + "'@'%'");
            for (String database : java.util.List.of(DATABASE, DATABASE_2, TYPES_DATABASE)) {
                statement.execute("GRANT ALL ON " + database + ".* TO '" + MARIADB_ROWFERRY_USER + "'@'%'");
            }
            // A user with a password, for the wrong-password tests (PostgreSQL here trusts every local user).
            statement.execute("CREATE USER IF NOT EXISTS '" + PASSWORD_USER + "'@'%' IDENTIFIED BY '"
                    + PASSWORD_USER_SECRET + "'");
            statement.execute("GRANT ALL ON " + DATABASE + ".* TO '" + PASSWORD_USER + "'@'%'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("MariaDB at " + mariadbHostPort() + " is not usable for the tests"
                    + " (start it, or set ROWFERRY_TEST_MARIADB_HOST/PORT/USER/PASSWORD): " + e.getMessage(), e);
        }
        prepared = true;
    }

    /** The MariaDB user (without password) Rowferry connects as in the tests. */
    static final String MARIADB_ROWFERRY_USER = "rowferry_it";

    /** The PostgreSQL application name Rowferry's connections carry in the tests. */
    static final String PG_APPLICATION_NAME = "rowferry-it";

    /** A MariaDB user that has a password, to test what a wrong password does. */
    static final String PASSWORD_USER = "rowferry_pw";

    static final String PASSWORD_USER_SECRET = "Correct-Horse-7";

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String postgresUrl(String database) {
        return "jdbc:postgresql://" + env("ROWFERRY_TEST_PG_HOST", "127.0.0.1") + ":"
                + env("ROWFERRY_TEST_PG_PORT", "5432") + "/" + database;
    }

    static String postgresUser() {
        return env("ROWFERRY_TEST_PG_USER", "postgres");
    }

    static String postgresPassword() {
        return env("ROWFERRY_TEST_PG_PASSWORD", "");
    }

    static String mariadbHostPort() {
        return env("ROWFERRY_TEST_MARIADB_HOST", "127.0.0.1") + ":" + env("ROWFERRY_TEST_MARIADB_PORT", "3306");
    }

    static String mariadbUser() {
        return env("ROWFERRY_TEST_MARIADB_USER", "root");
    }

    static String mariadbPassword() {
        return env("ROWFERRY_TEST_MARIADB_PASSWORD", "");
    }

    /** The first database the tests use on each server. */
    static final String DATABASE = "rowferry_test";
    /** A second one, the target of copies within one server. */
    static final String DATABASE_2 = "rowferry_test2";
    /**
     * The type suites' own database ({@code AllPairsRoundTripTest} and its neighbours), apart from the others so
     * that tests which end every Rowferry session in those (PipelineTest) do not end theirs when builds overlap.
     */
    static final String TYPES_DATABASE = "rowferry_types";
}
