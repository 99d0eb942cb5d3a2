package io.rowferry.dialect.mariadb;

import io.rowferry.schema.InvalidTemporal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads MariaDB/MySQL dates and times so that values {@code java.time} has no room for are neither lost nor fatal.
 * The {@code java.time} value comes from the driver ({@code getObject(i, LocalDateTime.class)} is exact in both
 * drivers, while MariaDB Connector/J's {@code getString} shifts a DATETIME that falls into the JVM's
 * daylight-saving gap). But MariaDB Connector/J returns NULL for the zero date {@code 0000-00-00} (a silent loss),
 * MySQL Connector/J throws "Zero date value prohibited", and both throw on {@code 2024-00-10} or a TIME beyond a
 * day: such values are carried as their text, an {@link InvalidTemporal}. TIME is read from its text, because
 * both drivers silently wrap {@code 838:59:59} into {@code 22:59:59} (TIME has no time zone to shift it).
 */
final class TemporalText {
    private TemporalText() {}

    static Object read(ResultSet resultSet, int index, Class<?> type) throws SQLException {
        Object value;
        try {
            value = resultSet.getObject(index, type);
        } catch (SQLException | RuntimeException notJavaTime) {
            String text = resultSet.getString(index);
            if (text == null) {
                throw notJavaTime;
            }
            return new InvalidTemporal(text);
        }
        if (value == null) {
            String text = resultSet.getString(index); // NULL, or a zero date the driver turned into NULL
            return text == null ? null : new InvalidTemporal(text);
        }
        return value;
    }

    /** {@code [-]HH:mm:ss[.ffffff]}: a LocalTime, or the text when it is negative or beyond a day. */
    static Object time(ResultSet resultSet, int index) throws SQLException {
        String text = resultSet.getString(index);
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(text); // HH:mm:ss with any fraction; rejects -01:00 and 838:59:59
        } catch (java.time.format.DateTimeParseException outOfDay) {
            return new InvalidTemporal(text);
        }
    }
}
