package io.rowferry.cli;

/**
 * The demo's {@code orders} table: its DuckDB definition, the one statement that fills it from {@code range(N)},
 * and the same table for SQLite. The data looks like a shop's: skewed customers, exact decimals, timestamps with
 * microseconds, a fifth of the orders not shipped (NULL), notes that are NULL, empty, or hold commas, quotes and
 * line breaks (which CSV must quote).
 */
final class DemoTables {
    private DemoTables() {}

    static final String DUCKDB_CREATE = """
            CREATE TABLE orders (
                order_id    BIGINT PRIMARY KEY,
                customer_id INTEGER NOT NULL,
                status      VARCHAR NOT NULL,
                amount      DECIMAL(12,2) NOT NULL,
                tax         DECIMAL(10,4) NOT NULL,
                currency    CHAR(3) NOT NULL,
                created_at  TIMESTAMP NOT NULL,
                shipped_at  TIMESTAMP,
                note        VARCHAR,
                email       VARCHAR NOT NULL
            )""";

    /** Fills {@code orders} with {@code rows} rows in one statement; values derive from a hash of the row number. */
    static String duckDbInsert(long rows) {
        return """
                INSERT INTO orders
                SELECT i + 1,
                       customer_id,
                       ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'][1 + (h % 6)::INTEGER],
                       amount,
                       CAST(amount * 0.19 AS DECIMAL(10,4)),
                       ['EUR', 'USD', 'GBP', 'CHF'][1 + (i % 4)::INTEGER],
                       created_at,
                       CASE WHEN i % 5 = 0 THEN NULL
                            ELSE created_at + to_microseconds(CAST((h >> 8) % 864000000000 AS BIGINT)) END,
                       CASE i % 10
                            WHEN 0 THEN 'leave at the door, please'
                            WHEN 1 THEN 'gift: "wrap it"'
                            WHEN 2 THEN 'call first' || chr(10) || 'then ring twice'
                            WHEN 3 THEN ''
                            WHEN 4 THEN concat('reorder of #', i)
                            ELSE NULL END,
                       concat('customer', customer_id, '@example.com')
                FROM (
                    SELECT i,
                           hash(i) AS h,
                           -- cubed: low customer ids place most orders, as a few customers do in real shops
                           CAST(1 + floor(50000 * pow(((hash(i) >> 20) % 1000000) / 1000000.0, 3)) AS INTEGER)
                               AS customer_id,
                           CAST(CAST((hash(i) >> 12) % 5000000 AS BIGINT) * 0.01 AS DECIMAL(12,2)) AS amount,
                           TIMESTAMP '2024-01-01 00:00:00'
                               + to_microseconds(CAST((hash(i) >> 4) % 63072000000000 AS BIGINT)) AS created_at
                    FROM range(ROWS) AS t(i)
                )""".replace("ROWS", Long.toString(rows));
    }

    /** The same table in SQLite; INTEGER PRIMARY KEY makes the key the rowid, so inserts in key order are cheap. */
    static final String SQLITE_CREATE = """
            CREATE TABLE orders (
                order_id    INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL,
                status      TEXT NOT NULL,
                amount      DECIMAL(12,2) NOT NULL,
                tax         DECIMAL(10,4) NOT NULL,
                currency    CHAR(3) NOT NULL,
                created_at  TIMESTAMP NOT NULL,
                shipped_at  TIMESTAMP,
                note        TEXT,
                email       TEXT NOT NULL
            )""";
}
