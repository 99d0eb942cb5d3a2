package io.rowferry.conformance;

import io.rowferry.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** SQLite, H2 or DuckDB in a file of the test's temporary directory. */
public abstract class EmbeddedTestDatabase extends TestDatabase {
    protected final Path file;

    protected EmbeddedTestDatabase(Path file) {
        this.file = file;
    }

    protected abstract String url();

    @Override
    public Database database() {
        return Database.url(url());
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public CountingDataSource countingDataSource() {
        return new CountingDataSource(url(), withDefaults());
    }

    @Override
    public int openRowferrySessions() {
        return -1; // no server: connection hygiene is checked with CountingDataSource
    }

    /** SQLite in WAL mode, so a streaming reader and a writer of another table can share the file. */
    public static final class Sqlite extends EmbeddedTestDatabase {
        public Sqlite(Path directory, String name) {
            super(directory.resolve(name + ".sqlite"));
        }

        @Override
        public String id() {
            return "sqlite";
        }

        @Override
        protected String url() {
            return "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=10000";
        }

        @Override
        public String timestamp() {
            return "TIMESTAMP";
        }

        @Override
        public String varbinary() {
            return "BLOB";
        }

        @Override
        public String sampleTableDdl(String table) {
            return "CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, customer INTEGER NOT NULL,"
                    + " amount DECIMAL(12,2), created TIMESTAMP, note VARCHAR(200))";
        }

        @Override
        public String fillSampleSql(String table, int rows) {
            return "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < " + rows + ")"
                    + " INSERT INTO " + table + " SELECT n, n % 97, printf('%.2f', (n % 100000) / 100.0),"
                    + " strftime('%Y-%m-%d %H:%M:%S', '2024-01-01 00:00:00', '+' || n || ' seconds')"
                    + " || printf('.%06d', n % 1000),"
                    + " CASE WHEN n % 5 = 0 THEN NULL ELSE 'note ' || n END FROM c";
        }
    }

    /** H2 embedded, file mode. */
    public static final class H2 extends EmbeddedTestDatabase {
        public H2(Path directory, String name) {
            super(directory.resolve(name));
        }

        @Override
        public String id() {
            return "h2";
        }

        @Override
        protected String url() {
            return "jdbc:h2:file:" + file;
        }

        @Override
        public String sampleTableDdl(String table) {
            return "CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, customer INTEGER NOT NULL,"
                    + " amount NUMERIC(12,2), created TIMESTAMP(6), note VARCHAR(200))";
        }

        @Override
        public String fillSampleSql(String table, int rows) {
            return "INSERT INTO " + table + " SELECT X, MOD(X, 97), MOD(X, 100000) / 100.0,"
                    + " DATEADD(MICROSECOND, X * 1000000 + MOD(X, 1000), TIMESTAMP '2024-01-01 00:00:00'),"
                    + " CASE WHEN MOD(X, 5) = 0 THEN NULL ELSE 'note ' || X END FROM SYSTEM_RANGE(1, " + rows + ")";
        }
    }

    /** DuckDB, file mode. */
    public static final class DuckDb extends EmbeddedTestDatabase {
        public DuckDb(Path directory, String name) {
            super(directory.resolve(name + ".duckdb"));
        }

        @Override
        public String id() {
            return "duckdb";
        }

        @Override
        protected String url() {
            return "jdbc:duckdb:" + file;
        }

        @Override
        public String timestamp() {
            return "TIMESTAMP";
        }

        @Override
        public String varbinary() {
            return "BLOB";
        }

        @Override
        public String sampleTableDdl(String table) {
            return "CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY, customer INTEGER NOT NULL,"
                    + " amount DECIMAL(12,2), created TIMESTAMP, note VARCHAR(200))";
        }

        @Override
        public String fillSampleSql(String table, int rows) {
            return "INSERT INTO " + table + " SELECT n, n % 97, (n % 100000) / 100.0,"
                    + " TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(n * 1000000 + n % 1000),"
                    + " CASE WHEN n % 5 = 0 THEN NULL ELSE 'note ' || n END FROM range(1, " + (rows + 1) + ") r(n)";
        }
    }
}
