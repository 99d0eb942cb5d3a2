package io.rowferry.dialect.sqlite;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.sqlite.Function;

/**
 * The MD5 functions verification needs, which SQLite lacks, registered on one connection as application-defined
 * functions (https://www.sqlite.org/appfunc.html): {@code rf_md5(text)} (lower-case hex), {@code rf_hash60(text)}
 * (the first 60 bits, as an integer) and the aggregate {@code rf_hash_sum(integer)} (an exact sum, as its digits:
 * SQLite's own SUM fails past 2^63).
 */
final class SqliteHashFunctions {
    private SqliteHashFunctions() {}

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "rf_md5", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(HexFormat.of().formatHex(md5(text)));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "rf_hash60", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    byte[] digest = md5(text);
                    long first = 0;
                    for (int i = 0; i < 8; i++) {
                        first = (first << 8) | (digest[i] & 0xff);
                    }
                    result(first >>> 4);
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "rf_hash_sum", new HashSum());
    }

    /** An exact sum of 64-bit integers; SQLite clones it for each group. */
    private static final class HashSum extends Function.Aggregate {
        private BigInteger sum = BigInteger.ZERO;
        private long pending;
        private int pendingCount;

        @Override
        protected void xStep() throws SQLException {
            // at most 2^3 values of 60 bits fit in a long: fold them into the BigInteger every 8 values
            pending += value_long(0);
            if (++pendingCount == 8) {
                sum = sum.add(BigInteger.valueOf(pending));
                pending = 0;
                pendingCount = 0;
            }
        }

        @Override
        protected void xFinal() throws SQLException {
            result(sum.add(BigInteger.valueOf(pending)).toString());
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            HashSum copy = (HashSum) super.clone();
            copy.sum = BigInteger.ZERO;
            copy.pending = 0;
            copy.pendingCount = 0;
            return copy;
        }
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
