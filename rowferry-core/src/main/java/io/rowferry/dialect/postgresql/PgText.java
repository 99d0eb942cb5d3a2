package io.rowferry.dialect.postgresql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A Java value in PostgreSQL's input syntax, for COPY's text format and for text columns that receive a non-text
 * value. Dates and times use ISO order with {@code BC} for years before 1 (Java's year 0 is 1 BC),
 * {@code infinity}/{@code -infinity} for pgjdbc's stand-ins ({@code LocalDate.MAX}, {@code LocalDateTime.MIN},
 * {@code OffsetDateTime.MAX}, ...), and fractions rounded half up to microseconds, as pgjdbc does for parameters.
 * Instants are written in UTC ({@code +00}); a {@code LocalDateTime} carries no zone, so the server reads it in its
 * session's {@code TimeZone} (pgjdbc sets that to the JVM's zone).
 */
final class PgText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PgText() {}

    /** The text of a non-null value. */
    static String of(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number) {
            return number.isNaN() ? "NaN" : number.toString(); // Infinity, -Infinity, 1.0E300: float8in reads them
        }
        if (value instanceof Float number) {
            return number.isNaN() ? "NaN" : number.toString();
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp(timestamp);
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp(timestamp);
        }
        if (value instanceof ZonedDateTime timestamp) {
            return timestamp(timestamp.toOffsetDateTime());
        }
        if (value instanceof Instant instant) {
            return timestamp(instant.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof OffsetTime time) {
            return time(time.toLocalTime()) + offset(time.getOffset());
        }
        return value.toString(); // Integer, Long, BigInteger, UUID, and text the readers produced
    }

    /** bytea's hex form: {@code \x} and two lower-case hex digits per byte. */
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

    static String date(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (date.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder text = new StringBuilder(16);
        boolean bc = appendDate(text, date);
        return bc ? text.append(" BC").toString() : text.toString();
    }

    static String timestamp(LocalDateTime timestamp) {
        if (timestamp.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (timestamp.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder text = new StringBuilder(32);
        boolean bc = appendTimestamp(text, timestamp);
        return bc ? text.append(" BC").toString() : text.toString();
    }

    static String timestamp(OffsetDateTime timestamp) {
        if (timestamp.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (timestamp.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder text = new StringBuilder(36);
        boolean bc = appendTimestamp(text, timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        text.append("+00");
        return bc ? text.append(" BC").toString() : text.toString();
    }

    static String time(LocalTime time) {
        long micros = FieldEncoder.roundedMicros(time.toNanoOfDay());
        if (micros == 86_400_000_000L) {
            return "24:00:00"; // LocalTime.MAX, pgjdbc's stand-in for 24:00, and anything that rounds up to it
        }
        StringBuilder text = new StringBuilder(15);
        appendTime(text, micros);
        return text.toString();
    }

    /** Appends {@code yyyy-mm-dd} (year of era, at least four digits); returns whether the year is BC. */
    private static boolean appendDate(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        boolean bc = year <= 0;
        appendPadded(text, bc ? 1 - year : year, 4);
        text.append('-');
        appendPadded(text, date.getMonthValue(), 2);
        text.append('-');
        appendPadded(text, date.getDayOfMonth(), 2);
        return bc;
    }

    private static boolean appendTimestamp(StringBuilder text, LocalDateTime timestamp) {
        long micros = FieldEncoder.roundedMicros(timestamp.toLocalTime().toNanoOfDay());
        LocalDate date = timestamp.toLocalDate();
        if (micros == 86_400_000_000L) {
            date = date.plusDays(1);
            micros = 0;
        }
        boolean bc = appendDate(text, date);
        text.append(' ');
        appendTime(text, micros);
        return bc;
    }

    /** {@code hh:mm:ss} and, when not zero, a fraction of up to six digits without trailing zeros. */
    private static void appendTime(StringBuilder text, long microsOfDay) {
        long seconds = microsOfDay / 1_000_000;
        int fraction = (int) (microsOfDay % 1_000_000);
        appendPadded(text, (int) (seconds / 3600), 2);
        text.append(':');
        appendPadded(text, (int) (seconds / 60 % 60), 2);
        text.append(':');
        appendPadded(text, (int) (seconds % 60), 2);
        if (fraction != 0) {
            text.append('.');
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            appendPadded(text, fraction, digits);
        }
    }

    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        StringBuilder text = new StringBuilder(9).append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        appendPadded(text, total / 3600, 2);
        text.append(':');
        appendPadded(text, total / 60 % 60, 2);
        if (total % 60 != 0) {
            text.append(':');
            appendPadded(text, total % 60, 2);
        }
        return text.toString();
    }

    private static void appendPadded(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
