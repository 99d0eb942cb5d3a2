package io.rowferry;

import javax.sql.DataSource;

/**
 * Entry point. Read a table in bounded memory:
 *
 * <pre>{@code
 * try (RowStream rows = Rowferry.read(dataSource).table("orders").open()) {
 *     rows.forEach(row -> ...);
 * }
 * }</pre>
 *
 * Copy it to another database or a file:
 *
 * <pre>{@code
 * CopyResult result = Rowferry.copy()
 *     .from(Rowferry.read(mysql).table("orders"))
 *     .to(postgres, "orders")
 *     .run();
 * }</pre>
 */
public final class Rowferry {
    private Rowferry() {}

    public static ReadBuilder read(Database database) {
        return new ReadBuilder(database);
    }

    public static ReadBuilder read(DataSource dataSource) {
        return new ReadBuilder(Database.of(dataSource));
    }

    public static ReadBuilder read(String jdbcUrl) {
        return new ReadBuilder(Database.url(jdbcUrl));
    }

    /** A copy from a read to a database table or a file, through the bounded pipeline. */
    public static CopyBuilder copy() {
        return new CopyBuilder();
    }

    /**
     * A comparison of two tables, on the same or different databases: whether they hold the same rows, and which
     * rows are missing, extra or changed (see docs/verify.md).
     */
    public static VerifyBuilder verify() {
        return new VerifyBuilder();
    }
}
