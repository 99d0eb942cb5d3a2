package io.rowferry.memory;

import java.util.Locale;

/**
 * Where the bounded-memory test finds its servers: the same environment variables and defaults as the conformance
 * suite's {@code ServerSettings} (which is package-private there). Both the test and the child JVM it forks read
 * them; the child inherits the test's environment, so credentials never go on a command line.
 */
final class MemoryTestServers {
    private MemoryTestServers() {}

    static final String DATABASE = "rowferry_test";

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String postgresUrl() {
        return "jdbc:postgresql://" + env("ROWFERRY_TEST_PG_HOST", "127.0.0.1") + ":"
                + env("ROWFERRY_TEST_PG_PORT", "5432") + "/" + DATABASE;
    }

    /** Through MariaDB Connector/J. */
    static String mariadbUrl() {
        return "jdbc:mariadb://" + env("ROWFERRY_TEST_MARIADB_HOST", "127.0.0.1") + ":"
                + env("ROWFERRY_TEST_MARIADB_PORT", "3306") + "/" + DATABASE;
    }

    /** The user for a URL of either server. */
    static String user(String url) {
        return isPostgres(url) ? env("ROWFERRY_TEST_PG_USER", "postgres") : env("ROWFERRY_TEST_MARIADB_USER", "root");
    }

    /** The password for a URL of either server (empty by default: trust auth, passwordless root). */
    static String password(String url) {
        return isPostgres(url) ? env("ROWFERRY_TEST_PG_PASSWORD", "") : env("ROWFERRY_TEST_MARIADB_PASSWORD", "");
    }

    static boolean isPostgres(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }
}
