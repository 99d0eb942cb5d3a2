package io.rowferry.conformance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * An order-independent checksum of the sample table computed inside the database: the row count and the sum of a
 * 60-bit prefix of each row's MD5 over the same canonical text on PostgreSQL and MariaDB, so a copy between them can
 * be compared without reading the rows.
 */
final class Checksums {
    private Checksums() {}

    record Checksum(long rows, BigDecimal hashSum) {}

    static Checksum of(TestDatabase db, String table) throws Exception {
        String sql = db.id().equals("postgresql")
                ? "SELECT count(*), coalesce(sum(('x' || substr(md5(concat_ws('|', id, customer, amount,"
                        + " to_char(created, 'YYYY-MM-DD HH24:MI:SS.US'), coalesce(note, '~null~'))), 1, 15))"
                        + "::bit(60)::bigint), 0) FROM " + table
                : "SELECT COUNT(*), COALESCE(SUM(CAST(CONV(SUBSTR(MD5(CONCAT_WS('|', id, customer, amount,"
                        + " DATE_FORMAT(created, '%Y-%m-%d %H:%i:%s.%f'), COALESCE(note, '~null~'))), 1, 15), 16, 10)"
                        + " AS UNSIGNED)), 0) FROM " + table;
        try (Connection connection = db.adminConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return new Checksum(result.getLong(1), result.getBigDecimal(2).stripTrailingZeros());
        }
    }
}
