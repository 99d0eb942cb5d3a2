package io.rowferry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Properties;

/**
 * The reference for MariaDB&harr;PostgreSQL copies: what a competent engineer writes to copy the orders table
 * without Rowferry. One thread, one loop: a streaming read set up the way each driver needs it, typed getters and
 * setters, a {@code PreparedStatement} batch of 5,000 rows per {@code executeBatch}, one commit per batch.
 *
 * <ul>
 *   <li>PostgreSQL source: autocommit off, forward-only, fetch size 5,000 (otherwise pgjdbc buffers the whole
 *       result). PostgreSQL target: {@code reWriteBatchedInserts=true} (multi-row INSERTs).
 *   <li>MariaDB source: forward-only with fetch size 5,000 (MariaDB Connector/J streams with a positive fetch size).
 *       MariaDB target: the driver's default for INSERT batches, the bulk protocol
 *       ({@code COM_STMT_BULK_EXECUTE}, {@code useBulkStmtsForInserts=true} since Connector/J 3.2; the old
 *       {@code rewriteBatchedStatements} no longer exists in 3.x).
 * </ul>
 *
 * <p>Reading and writing do not overlap: that is the straightforward program, and the point of comparison.
 * Usage: {@code HandWrittenJdbcCopy --from URL --from-user U --to URL --to-user U [--table orders]
 * [--batch-size 5000]}; passwords from {@code ROWFERRY_FROM_PASSWORD} / {@code ROWFERRY_TO_PASSWORD}.
 */
public final class HandWrittenJdbcCopy {
    private static final String COLUMNS = "order_id, customer_id, status, currency, amount, tax, shipping,"
            + " created_at, updated_at, shipped_at, email, shipping_address, note, attributes";

    private HandWrittenJdbcCopy() {}

    public static void main(String[] args) throws SQLException {
        String from = null;
        String fromUser = null;
        String to = null;
        String toUser = null;
        String table = "orders";
        int batchSize = 5_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> from = args[i + 1];
                case "--from-user" -> fromUser = args[i + 1];
                case "--to" -> to = args[i + 1];
                case "--to-user" -> toUser = args[i + 1];
                case "--table" -> table = args[i + 1];
                case "--batch-size" -> batchSize = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (from == null || to == null || args.length % 2 != 0) {
            System.err.println("usage: HandWrittenJdbcCopy --from URL [--from-user U] --to URL [--to-user U]"
                    + " [--table orders] [--batch-size 5000]");
            System.exit(2);
        }
        long start = System.nanoTime();
        long rows = copy(from, fromUser, System.getenv("ROWFERRY_FROM_PASSWORD"),
                to, toUser, System.getenv("ROWFERRY_TO_PASSWORD"), table, batchSize);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"rowsWritten\":%d,\"elapsedSeconds\":%.3f}%n", rows, seconds);
    }

    static long copy(String fromUrl, String fromUser, String fromPassword, String toUrl, String toUser,
            String toPassword, String table, int batchSize) throws SQLException {
        boolean sourceIsPostgres = fromUrl.startsWith("jdbc:postgresql:");
        Properties targetProperties = credentials(toUser, toPassword);
        if (toUrl.startsWith("jdbc:postgresql:")) {
            targetProperties.setProperty("reWriteBatchedInserts", "true");
        }
        try (Connection source = DriverManager.getConnection(fromUrl, credentials(fromUser, fromPassword));
                Connection target = DriverManager.getConnection(toUrl, targetProperties)) {
            if (sourceIsPostgres) {
                source.setAutoCommit(false); // pgjdbc streams only inside a transaction
            }
            target.setAutoCommit(false);
            String insertSql = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (Statement select = source.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    PreparedStatement insert = target.prepareStatement(insertSql)) {
                select.setFetchSize(batchSize);
                long rows = 0;
                int pending = 0;
                try (ResultSet rs = select.executeQuery("SELECT " + COLUMNS + " FROM " + table)) {
                    while (rs.next()) {
                        insert.setLong(1, rs.getLong(1));
                        insert.setLong(2, rs.getLong(2));
                        insert.setString(3, rs.getString(3));
                        insert.setString(4, rs.getString(4));
                        insert.setBigDecimal(5, rs.getBigDecimal(5));
                        insert.setBigDecimal(6, rs.getBigDecimal(6));
                        insert.setBigDecimal(7, rs.getBigDecimal(7));
                        insert.setObject(8, rs.getObject(8, LocalDateTime.class));
                        insert.setObject(9, rs.getObject(9, LocalDateTime.class));
                        LocalDateTime shippedAt = rs.getObject(10, LocalDateTime.class);
                        if (shippedAt == null) {
                            insert.setNull(10, Types.TIMESTAMP);
                        } else {
                            insert.setObject(10, shippedAt);
                        }
                        insert.setString(11, rs.getString(11));
                        insert.setString(12, rs.getString(12));
                        insert.setString(13, rs.getString(13));
                        insert.setString(14, rs.getString(14));
                        insert.addBatch();
                        rows++;
                        if (++pending == batchSize) {
                            insert.executeBatch();
                            target.commit();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                    target.commit();
                }
                if (sourceIsPostgres) {
                    source.commit();
                }
                return rows;
            }
        }
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
