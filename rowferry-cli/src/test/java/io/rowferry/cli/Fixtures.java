package io.rowferry.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Embedded databases in files, filled with plain JDBC so the tests do not depend on what they test. */
final class Fixtures {
    private Fixtures() {}

    static String h2(Path dir, String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    static String sqlite(Path dir, String name) {
        return "jdbc:sqlite:" + dir.resolve(name + ".sqlite").toAbsolutePath();
    }

    static String duckdb(Path dir, String name) {
        return "jdbc:duckdb:" + dir.resolve(name + ".duckdb").toAbsolutePath();
    }

    static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture failed on " + url + ": " + e.getMessage(), e);
        }
    }

    /** The rows of a query, every value as the driver's getString gives it. */
    static List<List<String>> query(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + url + ": " + e.getMessage(), e);
        }
    }

    static long count(String url, String table) {
        return Long.parseLong(query(url, "SELECT COUNT(*) FROM " + table).get(0).get(0));
    }

    /**
     * An H2 table {@code orders} of {@code rows} rows: ids from 1, names, exact decimals, timestamps with
     * microseconds, and a NULL note on every third row.
     */
    static String h2Orders(Path dir, int rows) {
        String url = h2(dir, "source");
        execute(url,
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " created TIMESTAMP NOT NULL, note VARCHAR(100))",
                "INSERT INTO orders SELECT X, 'customer ' || X, X * 1.25,"
                        + " DATEADD(MICROSECOND, X * 1000001, TIMESTAMP '2024-01-01 00:00:00'),"
                        + " CASE WHEN MOD(X, 3) = 0 THEN NULL ELSE 'note ' || X END FROM SYSTEM_RANGE(1, " + rows + ")");
        return url;
    }

    /** The SQLite table a copy of {@link #h2Orders} goes into. */
    static String sqliteOrders(Path dir) {
        String url = sqlite(dir, "target");
        execute(url, "CREATE TABLE orders (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                + " created TIMESTAMP NOT NULL, note TEXT)");
        return url;
    }
}
