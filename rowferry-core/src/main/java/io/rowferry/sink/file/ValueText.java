package io.rowferry.sink.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * The text form of a value in exported files, chosen to be exact and to read back into any database:
 * decimals in plain notation ({@code 1000}, not {@code 1E+3}); timestamps as {@code 2024-03-31 02:30:00.123456}
 * with seconds always present and the fraction only as long as needed; offsets as {@code +05:45}; binary as
 * {@code \x} and hex digits (PostgreSQL's bytea text form); everything else by its {@code toString}. Decimals,
 * dates and times are formatted digit by digit ({@link DecimalText}, {@link DateTimeText}): exports format millions.
 */
public final class ValueText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {}

    /** The text of a non-null value. */
    public static String of(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return DecimalText.of(decimal);
        }
        if (value instanceof LocalDateTime timestamp) {
            return DateTimeText.timestamp(timestamp);
        }
        if (value instanceof OffsetDateTime timestamp) {
            return DateTimeText.timestamp(timestamp);
        }
        if (value instanceof LocalDate date) {
            return DateTimeText.date(date);
        }
        if (value instanceof LocalTime time) {
            return DateTimeText.time(time);
        }
        if (value instanceof OffsetTime time) {
            return DateTimeText.time(time);
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        return value.toString();
    }

    static String hex(byte[] bytes) {
        char[] text = new char[2 + bytes.length * 2];
        text[0] = '\\';
        text[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            text[2 + i * 2] = HEX[(bytes[i] >> 4) & 0xF];
            text[3 + i * 2] = HEX[bytes[i] & 0xF];
        }
        return new String(text);
    }
}
