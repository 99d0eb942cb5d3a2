package io.rowferry.dialect.sqlite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Dates and times as SQLite keeps them: ISO-8601 text, one fixed form per type so that equal values are equal text
 * (SQLite compares text byte by byte): {@code 2024-03-31}, {@code 02:30:00.123456},
 * {@code 2024-03-31 02:30:00.123456}, and for instants their UTC time {@code 2024-03-31 02:30:00.123456+00:00}. Years are proleptic
 * ({@code -4712} is 4713 BC), as in SQLite's own date functions. Reading accepts a {@code T} between date and time,
 * any number of fraction digits, and {@code Z} for UTC, as other writers produce.
 */
final class SqliteTemporal {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private static final DateTimeFormatter READ_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter READ_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter READ_INSTANT = new DateTimeFormatterBuilder()
            .append(READ_TIMESTAMP)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:mm", "Z")
            .toFormatter();

    private SqliteTemporal() {}

    static String text(LocalTime time) {
        return TIME.format(time);
    }

    static String text(LocalDateTime timestamp) {
        return TIMESTAMP.format(timestamp);
    }

    /** At offset +00:00, so that the same instant is the same text (and offsets with seconds are not cut). */
    static String text(OffsetDateTime instant) {
        return INSTANT.format(instant.withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    /** The value of stored text, or the text itself when it is not in the column's form (SQLite enforces none). */
    static Object date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notDate) {
            return text;
        }
    }

    static Object time(String text) {
        try {
            return LocalTime.parse(text, READ_TIME);
        } catch (DateTimeParseException notTime) {
            return text;
        }
    }

    static Object timestamp(String text) {
        try {
            return LocalDateTime.parse(text.replace('T', ' '), READ_TIMESTAMP);
        } catch (DateTimeParseException notTimestamp) {
            return text;
        }
    }

    static Object instant(String text) {
        try {
            return OffsetDateTime.parse(text.replace('T', ' '), READ_INSTANT);
        } catch (DateTimeParseException notInstant) {
            return text;
        }
    }
}
