package io.rowferry.dialect.postgresql;

import io.rowferry.dialect.ColumnReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads {@code money} as an exact decimal. Its text depends on {@code lc_monetary} ({@code $1,234.56},
 * {@code 1.234,56 €}, {@code ($1.00)} for negatives in some locales), pgjdbc's {@code getBigDecimal} throws on it and
 * {@code getDouble} keeps only 15 digits of its 19. The text always shows every fraction digit the locale has and
 * only digits are digits, so the value is its digits, negative when the text has a minus sign or parentheses, with as
 * many fraction digits as the session's {@code lc_monetary} gives money (asked once per column read).
 */
final class MoneyReader implements ColumnReader {
    private int scale = -1;

    @Override
    public Object read(ResultSet resultSet, int index) throws SQLException {
        String text = resultSet.getString(index);
        if (text == null) {
            return null;
        }
        if (scale < 0) {
            scale = fractionDigits(resultSet);
        }
        StringBuilder digits = new StringBuilder(text.length());
        boolean negative = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '-' || c == '(') {
                negative = true;
            }
        }
        BigInteger units = new BigInteger(digits.length() == 0 ? "0" : digits.toString());
        return new BigDecimal(negative ? units.negate() : units, scale);
    }

    /** The fraction digits of money in this session: 1.23456 as money, as numeric, has as many as the locale keeps. */
    private static int fractionDigits(ResultSet resultSet) throws SQLException {
        try (Statement statement = resultSet.getStatement().getConnection().createStatement();
                ResultSet result = statement.executeQuery("SELECT scale(1.23456::numeric::money::numeric)")) {
            result.next();
            return result.getInt(1);
        }
    }
}
