package io.rowferry.conformance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that break naive encoders: text with tabs, line breaks, backslashes, quotes, {@code \N}, the word NULL,
 * control characters and 4-byte UTF-8; the empty string next to NULL; binary with every byte value; decimal and
 * timestamp extremes. Written with plain JDBC, so the table does not depend on Rowferry's own writers.
 */
final class TrickyRows {
    static final List<String> TEXTS = List.of("", "plain", "tab\there", "line\nbreak", "cr\rlf\r\n", "back\\slash",
            "\\N", "NULL", "quote\"s and 'single'", "comma,semi;colon|pipe", "emoji \uD83D\uDE00 and ünïcödé",
            "\u0001ctrl\u001f", "trailing space ", " ", "x".repeat(200));

    private static final java.time.format.DateTimeFormatter TIMESTAMP_TEXT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private TrickyRows() {}

    static String ddl(TestDatabase db, String table) {
        return "CREATE TABLE " + table + " (id INTEGER NOT NULL PRIMARY KEY, txt " + db.varchar(200) + ", bin "
                + db.varbinary() + ", amount DECIMAL(12,2), ts " + db.timestamp() + ", dbl DOUBLE PRECISION,"
                + " flag BOOLEAN)";
    }

    /** Creates the table and fills it with every combination the lists above give, plus an all-NULL row. */
    static int create(TestDatabase db, String table) throws SQLException {
        db.dropTable(table);
        db.execute(ddl(db, table));
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        List<byte[]> binaries = new ArrayList<>();
        binaries.add(new byte[0]);
        binaries.add(everyByte);
        binaries.add("\t\n\\N".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<BigDecimal> amounts = List.of(new BigDecimal("0.00"), new BigDecimal("-9999999999.99"),
                new BigDecimal("9999999999.99"), new BigDecimal("0.01"));
        List<LocalDateTime> timestamps = List.of(LocalDateTime.of(1970, 1, 1, 0, 0),
                LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000));
        List<Double> doubles = List.of(0.1, -1e300, Double.MAX_VALUE, Double.MIN_VALUE, 0.0);
        int id = 0;
        try (Connection connection = db.adminConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (id, txt, bin, amount, ts, dbl, flag) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < TEXTS.size(); i++) {
                insert.setInt(1, ++id);
                insert.setString(2, TEXTS.get(i));
                insert.setBytes(3, binaries.get(i % binaries.size()));
                insert.setBigDecimal(4, amounts.get(i % amounts.size()));
                insert.setString(5, TIMESTAMP_TEXT.format(timestamps.get(i % timestamps.size())));
                insert.setDouble(6, doubles.get(i % doubles.size()));
                insert.setBoolean(7, i % 2 == 0);
                insert.executeUpdate();
            }
            insert.setInt(1, ++id);
            for (int column = 2; column <= 7; column++) {
                insert.setNull(column, column == 3 ? java.sql.Types.VARBINARY : java.sql.Types.VARCHAR);
            }
            insert.executeUpdate();
        }
        return id;
    }
}
