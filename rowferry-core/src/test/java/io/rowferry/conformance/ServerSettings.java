package io.rowferry.conformance;

/**
 * Connection settings of the database servers the tests use, from environment variables with the defaults of
 * this project's machines (see README, "Running the tests").
 */
final class ServerSettings {
    private ServerSettings() {}

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
}
