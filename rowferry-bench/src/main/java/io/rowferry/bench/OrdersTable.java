package io.rowferry.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The "realistic orders" table: its DDL on each server, the one {@code INSERT ... SELECT} that generates it server
 * side, and the checksum that proves a copy complete.
 *
 * <p>Every value is a function of the row number only, built from integer arithmetic, {@code md5}, {@code concat}
 * and {@code CASE} that both servers evaluate alike, so PostgreSQL ({@code generate_series}) and MariaDB (the
 * Sequence engine's {@code seq_1_to_N}) hold the same content: the {@link #checksumSql checksums} of the two sources
 * are compared after generation. Rows average about 420 bytes on PostgreSQL by {@code avg(pg_column_size(t.*))}:
 * ids, three decimals, three {@code timestamp(6)} (one nullable, NULL for 40 % of rows), an e-mail, a postal address
 * with commas and non-ASCII letters, a nullable note (NULL for a third of rows; the others with a comma, some with
 * double quotes) and a JSON object kept as text (about 200 bytes, quotes and commas throughout, so CSV must quote
 * it). No value holds a line break, so a CSV export has exactly one line per row plus the header.
 */
final class OrdersTable {
    static final String NAME = "orders";
    /** Changes whenever the generated content changes, so an old table is regenerated rather than reused. */
    static final String GENERATOR_VERSION = "orders-v1";

    private OrdersTable() {}

    static String createSql(Server server) {
        return switch (server) {
            case POSTGRESQL -> "CREATE TABLE " + NAME + " ("
                    + "order_id bigint NOT NULL PRIMARY KEY, customer_id bigint NOT NULL,"
                    + " status varchar(16) NOT NULL, currency char(3) NOT NULL,"
                    + " amount numeric(12,2) NOT NULL, tax numeric(12,2) NOT NULL, shipping numeric(10,2) NOT NULL,"
                    + " created_at timestamp(6) NOT NULL, updated_at timestamp(6) NOT NULL, shipped_at timestamp(6),"
                    + " email varchar(254) NOT NULL, shipping_address text NOT NULL, note text,"
                    + " attributes text NOT NULL)";
            case MARIADB -> "CREATE TABLE " + NAME + " ("
                    + "order_id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, currency CHAR(3) NOT NULL,"
                    + " amount DECIMAL(12,2) NOT NULL, tax DECIMAL(12,2) NOT NULL, shipping DECIMAL(10,2) NOT NULL,"
                    + " created_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL, shipped_at DATETIME(6) NULL,"
                    + " email VARCHAR(254) NOT NULL, shipping_address TEXT NOT NULL, note TEXT NULL,"
                    + " attributes TEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
        };
    }

    static String dropSql() {
        return "DROP TABLE IF EXISTS " + NAME;
    }

    /** The marker stored as the source table's comment: generator version and row count. */
    static String marker(long rows) {
        return "rowferry-bench " + GENERATOR_VERSION + " rows=" + rows;
    }

    static String setMarkerSql(Server server, long rows) {
        return switch (server) {
            case POSTGRESQL -> "COMMENT ON TABLE " + NAME + " IS '" + marker(rows) + "'";
            case MARIADB -> "ALTER TABLE " + NAME + " COMMENT = '" + marker(rows) + "'";
        };
    }

    /** The source table's marker, or null when the table does not exist. */
    static String readMarker(Server server, Connection connection) throws SQLException {
        return switch (server) {
            case POSTGRESQL -> Server.firstRow(connection, "SELECT coalesce(obj_description(c.oid, 'pg_class'), '')"
                    + " FROM pg_class c WHERE c.relname = '" + NAME + "' AND c.relnamespace = 'public'::regnamespace")
                    .stream().findFirst().orElse(null);
            case MARIADB -> Server.firstRow(connection, "SELECT table_comment FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = '" + NAME + "'")
                    .stream().findFirst().orElse(null);
        };
    }

    /** The one statement that fills the (empty) table with rows 1..N. */
    static String generateSql(Server server, long rows) {
        boolean pg = server == Server.POSTGRESQL;
        // h1, h2, h3: cheap integer hashes of the row number, the seeds of every value.
        String series = pg
                ? "SELECT n, mod(n * 2654435761, 4294967296) AS h1, mod(n * 40503 + 7, 1000003) AS h2,"
                        + " mod(n * 69069 + 1, 2147483647) AS h3"
                        + " FROM generate_series(CAST(1 AS bigint), CAST(" + rows + " AS bigint)) AS g(n)"
                : "SELECT seq AS n, mod(seq * 2654435761, 4294967296) AS h1, mod(seq * 40503 + 7, 1000003) AS h2,"
                        + " mod(seq * 69069 + 1, 2147483647) AS h3"
                        + " FROM seq_1_to_" + rows;
        String created = "mod(h1, 63072000)";
        String select = String.join(",\n  ",
                "n",
                "1 + mod(h1, 250000)",
                "CASE mod(h2, 10) WHEN 0 THEN 'pending' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'paid' WHEN 3 THEN 'paid'"
                        + " WHEN 4 THEN 'shipped' WHEN 5 THEN 'shipped' ELSE 'delivered' END",
                "CASE mod(h1, 5) WHEN 0 THEN 'USD' WHEN 1 THEN 'EUR' WHEN 2 THEN 'GBP' WHEN 3 THEN 'USD' ELSE 'JPY' END",
                "CAST(mod(h3, 5000000) / 100.0 AS DECIMAL(12,2))",
                // tax: a fifth of the amount, rounded down to the cent, in exact integer arithmetic
                "CAST((mod(h3, 5000000) - mod(mod(h3, 5000000), 5)) / 500.0 AS DECIMAL(12,2))",
                "CAST(mod(h1, 4000) / 100.0 AS DECIMAL(10,2))",
                timestamp(pg, created, "mod(h2, 1000000)"),
                timestamp(pg, created + " + mod(h3, 864000)", "mod(h2, 1000000)"),
                "CASE WHEN mod(h2, 10) >= 4 THEN "
                        + timestamp(pg, created + " + 3600 + mod(h3, 400000)", "mod(h3, 1000000)") + " END",
                "concat('customer', 1 + mod(h1, 250000), '.', substr(md5(" + text(pg, "h1") + "), 1, 6), '@',"
                        + " CASE mod(h2, 4) WHEN 0 THEN 'example.com' WHEN 1 THEN 'mail.example.org'"
                        + " WHEN 2 THEN 'shop.example.net' ELSE 'example.co.uk' END)",
                "concat(1 + mod(h3, 9999), ' ', CASE mod(h1, 8) WHEN 0 THEN 'Main Street' WHEN 1 THEN 'Oak Avenue'"
                        + " WHEN 2 THEN 'Rue de la Paix' WHEN 3 THEN 'Hauptstraße' WHEN 4 THEN 'Elm Road'"
                        + " WHEN 5 THEN 'Calle Mayor' WHEN 6 THEN 'Station Road' ELSE 'Lakeside Drive' END,"
                        + " ', Apt ', 1 + mod(h2, 500), ', ', CASE mod(h3, 8) WHEN 0 THEN 'Springfield'"
                        + " WHEN 1 THEN 'Paris' WHEN 2 THEN 'München' WHEN 3 THEN 'Leeds' WHEN 4 THEN 'Madrid'"
                        + " WHEN 5 THEN 'Toronto' WHEN 6 THEN 'Osaka' ELSE 'Melbourne' END,"
                        + " ', ', lpad(" + text(pg, "mod(h1, 100000)") + ", 5, '0'), ', ', CASE mod(h2, 6)"
                        + " WHEN 0 THEN 'United States' WHEN 1 THEN 'France' WHEN 2 THEN 'Germany'"
                        + " WHEN 3 THEN 'United Kingdom' WHEN 4 THEN 'Spain' ELSE 'Canada' END)",
                "CASE mod(h1, 3) WHEN 0 THEN NULL"
                        + " WHEN 1 THEN concat('Leave it at the back door, ring twice. Ref ', substr(md5("
                        + text(pg, "h2") + "), 1, 12))"
                        + " ELSE concat('Gift wrap, please; put the receipt \"', substr(md5(" + text(pg, "h3")
                        + "), 1, 8), '\" in a separate envelope.') END",
                "concat('{\"channel\":\"', CASE mod(h2, 3) WHEN 0 THEN 'web' WHEN 1 THEN 'app' ELSE 'store' END,"
                        + " '\",\"device\":\"', CASE mod(h3, 3) WHEN 0 THEN 'desktop' WHEN 1 THEN 'mobile'"
                        + " ELSE 'tablet' END,"
                        + " '\",\"items\":', 1 + mod(h1, 12),"
                        + " ',\"coupon\":', CASE WHEN mod(h2, 5) = 0 THEN concat('\"', upper(substr(md5("
                        + text(pg, "h1") + "), 1, 8)), '\"') ELSE 'null' END,"
                        + " ',\"gift\":', CASE WHEN mod(h3, 7) = 0 THEN 'true' ELSE 'false' END,"
                        + " ',\"utm\":{\"source\":\"newsletter\",\"campaign\":\"', substr(md5(" + text(pg, "n")
                        + "), 1, 16), '\"}',"
                        + " ',\"session\":\"', md5(" + text(pg, "h3") + "), '\"}')");
        return "INSERT INTO " + NAME + " (order_id, customer_id, status, currency, amount, tax, shipping,"
                + " created_at, updated_at, shipped_at, email, shipping_address, note, attributes)\nSELECT\n  "
                + select + "\nFROM (" + series + ") s";
    }

    private static String timestamp(boolean pg, String seconds, String micros) {
        return pg
                ? "(TIMESTAMP '2023-01-01 00:00:00' + (" + seconds + ") * INTERVAL '1 second' + (" + micros
                        + ") * INTERVAL '1 microsecond')"
                : "(TIMESTAMP'2023-01-01 00:00:00' + INTERVAL (" + seconds + ") SECOND + INTERVAL (" + micros
                        + ") MICROSECOND)";
    }

    private static String text(boolean pg, String expression) {
        return pg ? "CAST(" + expression + " AS text)" : "CAST(" + expression + " AS CHAR)";
    }

    /** Statements that make a freshly generated table ready to read at full speed (statistics, hint bits). */
    static List<String> afterGenerateSql(Server server) {
        return switch (server) {
            case POSTGRESQL -> List.of("VACUUM (ANALYZE) " + NAME, "CHECKPOINT");
            case MARIADB -> List.of("ANALYZE TABLE " + NAME);
        };
    }

    /**
     * One row of figures that two tables with the same content share: row count, sum of the keys and amounts,
     * NULL counts, the characters of the text columns and the microseconds of the timestamps. Cheap (one scan)
     * and catches lost, doubled, shifted or truncated rows.
     */
    static String checksumSql(Server server) {
        String micros = server == Server.POSTGRESQL
                ? "sum(CAST(extract(epoch FROM created_at - TIMESTAMP '2023-01-01 00:00:00') * 1000000 AS bigint)"
                        + " + coalesce(CAST(extract(epoch FROM shipped_at - TIMESTAMP '2023-01-01 00:00:00')"
                        + " * 1000000 AS bigint), 0))"
                : "sum(timestampdiff(MICROSECOND, TIMESTAMP'2023-01-01 00:00:00', created_at)"
                        + " + coalesce(timestampdiff(MICROSECOND, TIMESTAMP'2023-01-01 00:00:00', shipped_at), 0))";
        return "SELECT count(*), sum(order_id), sum(amount) + sum(tax) + sum(shipping), count(shipped_at), count(note),"
                + " sum(char_length(email) + char_length(shipping_address) + coalesce(char_length(note), 0)"
                + " + char_length(attributes)), " + micros + " FROM " + NAME;
    }

    static final List<String> CHECKSUM_NAMES =
            List.of("rows", "sum(order_id)", "sum(amount+tax+shipping)", "shipped_at set", "note set",
                    "text characters", "timestamp microseconds");

    /** The checksum's values, normalised (decimal numbers without trailing zeros) so the two servers compare. */
    static List<String> checksum(Server server, Connection connection) throws SQLException {
        List<String> normalised = new ArrayList<>();
        for (String value : Server.firstRow(connection, checksumSql(server))) {
            normalised.add(value == null ? "0" : new BigDecimal(value).stripTrailingZeros().toPlainString());
        }
        return normalised;
    }

    /**
     * The bytes the table's data occupies, which MB/s figures divide by. PostgreSQL: {@code sum(pg_column_size(t.*))}
     * (each row as a datum: tuple header and values, without page overhead or indexes). MariaDB: InnoDB's
     * {@code data_length} after {@code ANALYZE TABLE} (the clustered index's pages: rows plus page overhead and free
     * space; no secondary indexes). The two are measured differently, so MB/s compares tools on one source, not
     * the two servers.
     */
    static long tableBytes(Server server, Connection connection) throws SQLException {
        String sql = server == Server.POSTGRESQL
                ? "SELECT sum(pg_column_size(t.*)) FROM " + NAME + " t"
                : "SELECT data_length FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name = '" + NAME + "'";
        return Long.parseLong(Server.scalar(connection, sql));
    }

    static String tableBytesDefinition(Server server) {
        return server == Server.POSTGRESQL
                ? "sum(pg_column_size(t.*))"
                : "information_schema.tables.data_length (InnoDB clustered index pages, after ANALYZE TABLE)";
    }

    /**
     * Makes {@code orders} in the server's source database hold rows 1..N of this generator: kept when its marker and
     * count say so (unless {@code regenerate}), generated otherwise. Returns whether it was generated.
     */
    static boolean ensure(Server server, long rows, boolean regenerate, java.util.function.Consumer<String> log)
            throws SQLException {
        server.createDatabaseIfMissing(Server.SOURCE_DB);
        server.createDatabaseIfMissing(Server.TARGET_DB);
        try (Connection connection = server.connect(Server.SOURCE_DB)) {
            String marker = readMarker(server, connection);
            boolean complete = !regenerate && marker(rows).equals(marker)
                    && Long.toString(rows).equals(Server.scalar(connection, "SELECT count(*) FROM " + NAME));
            if (complete) {
                log.accept(server.title + ": " + Server.SOURCE_DB + "." + NAME + " has its " + Report.grouped(rows)
                        + " rows; not regenerated (--regenerate to force)");
                return false;
            }
            log.accept(server.title + ": generating " + Report.grouped(rows) + " rows in " + Server.SOURCE_DB + "."
                    + NAME + " ...");
            long start = System.nanoTime();
            Server.execute(connection, dropSql(), createSql(server), generateSql(server, rows));
            for (String sql : afterGenerateSql(server)) {
                Server.execute(connection, sql);
            }
            Server.execute(connection, setMarkerSql(server, rows));
            log.accept(server.title + ": generated in " + Report.fixed((System.nanoTime() - start) / 1e9, 1) + " s");
            return true;
        }
    }
}
