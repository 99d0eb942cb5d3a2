package io.rowferry.sink.file;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Dates, times and timestamps as export text, digit by digit into one byte array: the text the
 * {@code DateTimeFormatter} pattern {@code uuuu-MM-dd HH:mm:ss} with {@code appendFraction(NANO_OF_SECOND, 0, 9, true)}
 * and {@code appendOffset("+HH:MM", "+00:00")} gives, which ValueText used before. That formatter cost 173 ns and
 * 733 bytes per timestamp (its fraction goes through {@code BigDecimal.stripTrailingZeros}), most of a CSV export's
 * allocation (docs/performance.md). {@code ValueTextTest} compares the two over edge values.
 */
final class DateTimeText {
    /** The longest text: {@code +999999999-12-31 23:59:59.999999999+18:00}. */
    private static final int MAX_LENGTH = 48;

    private DateTimeText() {}

    static String date(LocalDate date) {
        byte[] out = new byte[MAX_LENGTH];
        int end = date(out, 0, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        return latin1(out, end);
    }

    static String time(LocalTime time) {
        byte[] out = new byte[MAX_LENGTH];
        return latin1(out, time(out, 0, time.getHour(), time.getMinute(), time.getSecond(), time.getNano()));
    }

    static String time(OffsetTime time) {
        byte[] out = new byte[MAX_LENGTH];
        int end = time(out, 0, time.getHour(), time.getMinute(), time.getSecond(), time.getNano());
        return latin1(out, offset(out, end, time.getOffset()));
    }

    static String timestamp(LocalDateTime timestamp) {
        byte[] out = new byte[MAX_LENGTH];
        return latin1(out, timestamp(out, timestamp));
    }

    static String timestamp(OffsetDateTime timestamp) {
        byte[] out = new byte[MAX_LENGTH];
        int end = timestamp(out, timestamp.toLocalDateTime());
        return latin1(out, offset(out, end, timestamp.getOffset()));
    }

    private static int timestamp(byte[] out, LocalDateTime t) {
        int p = date(out, 0, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        out[p++] = ' ';
        return time(out, p, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    /**
     * {@code uuuu-MM-dd}: at least four year digits; a sign only for negative years and years past 9999
     * (SignStyle.EXCEEDS_PAD, and the same as {@code LocalDate.toString()}).
     */
    private static int date(byte[] out, int p, int year, int month, int day) {
        long absolute = Math.abs((long) year);
        if (year < 0) {
            out[p++] = '-';
        } else if (year > 9999) {
            out[p++] = '+';
        }
        if (absolute < 10_000) {
            p = digits(out, p, (int) absolute, 4);
        } else {
            int length = 5;
            for (long limit = 100_000; absolute >= limit && length < 19; limit *= 10) {
                length++;
            }
            p = digits(out, p, (int) absolute, length);
        }
        out[p++] = '-';
        p = digits(out, p, month, 2);
        out[p++] = '-';
        return digits(out, p, day, 2);
    }

    /** {@code HH:mm:ss}, then a point and the fraction without trailing zeros when it is not zero. */
    private static int time(byte[] out, int p, int hour, int minute, int second, int nanos) {
        p = digits(out, p, hour, 2);
        out[p++] = ':';
        p = digits(out, p, minute, 2);
        out[p++] = ':';
        p = digits(out, p, second, 2);
        if (nanos == 0) {
            return p;
        }
        int length = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            length--;
        }
        out[p++] = '.';
        return digits(out, p, nanos, length);
    }

    /** {@code +HH:MM}; seconds of an offset are left out, and an offset of under a minute is {@code +00:00}. */
    private static int offset(byte[] out, int p, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int hours = Math.abs((total / 3600) % 100);
        int minutes = Math.abs((total / 60) % 60);
        out[p++] = (byte) (total < 0 && hours + minutes > 0 ? '-' : '+');
        p = digits(out, p, hours, 2);
        out[p++] = ':';
        return digits(out, p, minutes, 2);
    }

    /** {@code value} (not negative) in exactly {@code length} digits, zero-padded on the left. */
    private static int digits(byte[] out, int p, int value, int length) {
        for (int i = p + length - 1; i >= p; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return p + length;
    }

    private static String latin1(byte[] out, int length) {
        // ASCII only: the JDK keeps such a String in Latin-1, one copy of these bytes
        return new String(out, 0, length, StandardCharsets.ISO_8859_1);
    }
}
