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
    static {
        // A driver may create its first SLF4J logger while a fixture connects (MariaDB Connector/J does), and
        // slf4j-simple reads its settings only then: so the CLI's logging must be set up before any fixture runs.
        Logging.configure(false);
    }

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

    /** A column as the driver's metadata describes it. */
    record ColumnInfo(String name, String typeName, int size, int scale, boolean nullable) {}

    /** The columns of a table (its name in any case), in order, from {@link java.sql.DatabaseMetaData#getColumns}. */
    static List<ColumnInfo> columns(String url, String table) {
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), null, "%", "%")) {
            List<ColumnInfo> result = new ArrayList<>();
            while (columns.next()) {
                if (columns.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    result.add(new ColumnInfo(columns.getString("COLUMN_NAME"), columns.getString("TYPE_NAME"),
                            columns.getInt("COLUMN_SIZE"), columns.getInt("DECIMAL_DIGITS"),
                            columns.getInt("NULLABLE") != java.sql.DatabaseMetaData.columnNoNulls));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("metadata failed on " + url + ": " + e.getMessage(), e);
        }
    }

    /** The primary key columns of a table (its name in any case), in key order. */
    static List<String> primaryKey(String url, String table) {
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    java.util.Map<Integer, String> key = new java.util.TreeMap<>();
                    try (ResultSet keys = connection.getMetaData().getPrimaryKeys(tables.getString("TABLE_CAT"),
                            tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME"))) {
                        while (keys.next()) {
                            key.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
                        }
                    }
                    return new ArrayList<>(key.values());
                }
            }
            return List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("metadata failed on " + url + ": " + e.getMessage(), e);
        }
    }

    /** Whether a table of this name (any case) exists. */
    static boolean tableExists(String url, String table) {
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("metadata failed on " + url + ": " + e.getMessage(), e);
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

    /**
     * An H2 table {@code t} whose values do not all fit {@link #h2NarrowTarget}: row 2 has a 300-character note and
     * an amount with 4 fraction digits, row 3 a 20-character note; row 1 fits.
     */
    static String h2WideValues(Path dir) {
        String url = h2(dir, "wide");
        execute(url,
                "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(400), amount DECIMAL(12,4))",
                "INSERT INTO t VALUES (1, 'short', 1.5), (2, REPEAT('x', 300), 2.1234), (3, REPEAT('y', 20), 3.1)");
        return url;
    }

    /** An H2 table {@code t} with narrower columns than {@link #h2WideValues}: VARCHAR(10), DECIMAL(12,2). */
    static String h2NarrowTarget(Path dir) {
        String url = h2(dir, "narrow");
        execute(url, "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(10), amount DECIMAL(12,2))");
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
