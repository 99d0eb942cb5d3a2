package io.rowferry.dialect.mariadb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Writes values in the text format of {@code LOAD DATA ... FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED
 * BY '\n'} with no enclosing quotes, into a growable byte buffer that the caller reuses row after row.
 *
 * <p>NULL is {@code \N}. In text and binary values the bytes that would end the field or the line, or start an
 * escape, are escaped: backslash as {@code \\}, tab as {@code \t}, line feed as {@code \n}, carriage return as
 * {@code \r}, NUL as {@code \0}; every other byte is written as it is, so binary values keep all 256 byte values
 * (https://mariadb.com/docs/server/reference/sql-statements/data-manipulation/inserting-loading-data/load-data-into-tables-or-index/load-data-infile).
 * Text is UTF-8, as the statement's {@code CHARACTER SET utf8mb4} declares; an unpaired surrogate becomes {@code ?},
 * as {@code String.getBytes} and the drivers make it. Numbers are plain decimal text ({@code BigDecimal} without
 * exponent, {@code double} in Java's shortest round-trip form, a {@code float} as the exact {@code double} the drivers
 * bind for it), booleans 1 and 0, dates and times {@code yyyy-MM-dd HH:mm:ss.ffffff}, UUIDs in their text form.
 */
final class LoadDataEncoder {
    private static final int DEFAULT_CAPACITY = 16 * 1024;
    private static final int SHRINK_ABOVE = 1 << 20;

    private byte[] buffer = new byte[DEFAULT_CAPACITY];
    private int length;

    /** Whether {@link #value} can write this value; the others are written with INSERTs instead. */
    static boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        Class<?> type = value.getClass();
        return type == String.class || type == byte[].class || type == Integer.class || type == Long.class
                || type == BigDecimal.class || type == Double.class || type == Boolean.class
                || type == LocalDateTime.class || type == LocalDate.class || type == LocalTime.class
                || type == Short.class || type == Byte.class || type == BigInteger.class || type == Float.class
                || type == UUID.class;
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** Starts a new chunk; a buffer grown by one huge row is given back. */
    void reset() {
        length = 0;
        if (buffer.length > SHRINK_ABOVE) {
            buffer = new byte[DEFAULT_CAPACITY];
        }
    }

    void fieldSeparator() {
        put((byte) '\t');
    }

    void lineEnd() {
        put((byte) '\n');
    }

    /** One field. {@code bitColumn}: the value goes through a user variable and {@code CAST(... AS UNSIGNED)}. */
    void value(Object value, boolean bitColumn) {
        if (value == null) {
            ensure(2);
            buffer[length++] = '\\';
            buffer[length++] = 'N';
        } else if (bitColumn && BitText.isBits(value)) {
            ascii(new BigInteger((String) value, 2).toString()); // a bit string (see BitText) as its number
        } else if (value instanceof String text) {
            text(text);
        } else if (value instanceof byte[] bytes) {
            if (bitColumn) {
                ascii(new BigInteger(1, bytes).toString());
            } else {
                bytes(bytes);
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            ascii(value.toString());
        } else if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString());
        } else if (value instanceof Double number) {
            ascii(Double.toString(number));
        } else if (value instanceof Float number) {
            ascii(Double.toString(number.doubleValue()));
        } else if (value instanceof Boolean flag) {
            put((byte) (flag ? '1' : '0'));
        } else if (value instanceof LocalDateTime timestamp) {
            if (!date(timestamp.toLocalDate())) {
                ascii(timestamp.toString()); // outside 0000-9999: the server refuses it, as it refuses an INSERT
                return;
            }
            put((byte) ' ');
            time(timestamp.toLocalTime());
        } else if (value instanceof LocalDate date) {
            if (!date(date)) {
                ascii(date.toString());
            }
        } else if (value instanceof LocalTime time) {
            time(time);
        } else if (value instanceof UUID uuid) {
            ascii(uuid.toString());
        } else {
            throw new IllegalArgumentException("no LOAD DATA text form for " + value.getClass().getName());
        }
    }

    private void text(String text) {
        int n = text.length();
        ensure(n + 16);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                escaped((byte) c);
            } else if (c < 0x800) {
                ensure(2);
                buffer[length++] = (byte) (0xC0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    ensure(4);
                    buffer[length++] = (byte) (0xF0 | (codePoint >> 18));
                    buffer[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    buffer[length++] = (byte) (0x80 | (codePoint & 0x3F));
                } else {
                    put((byte) '?');
                }
            } else {
                ensure(3);
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void bytes(byte[] bytes) {
        ensure(bytes.length + 16);
        for (byte b : bytes) {
            escaped(b);
        }
    }

    private void escaped(byte b) {
        byte replacement = switch (b) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case 0 -> '0';
            default -> -1;
        };
        if (replacement == -1) {
            put(b);
        } else {
            ensure(2);
            buffer[length++] = '\\';
            buffer[length++] = replacement;
        }
    }

    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i); // digits, signs, '.', 'E', '-', hex: never escaped
        }
    }

    /** {@code yyyy-MM-dd}, or false for a year outside 0-9999. */
    private boolean date(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return false;
        }
        ensure(10);
        digits(year, 4);
        buffer[length++] = '-';
        digits(date.getMonthValue(), 2);
        buffer[length++] = '-';
        digits(date.getDayOfMonth(), 2);
        return true;
    }

    /** {@code HH:mm:ss.ffffff}: microseconds, as MariaDB and MySQL store at most (nanoseconds are cut, as the drivers do). */
    private void time(LocalTime time) {
        ensure(15);
        digits(time.getHour(), 2);
        buffer[length++] = ':';
        digits(time.getMinute(), 2);
        buffer[length++] = ':';
        digits(time.getSecond(), 2);
        buffer[length++] = '.';
        digits(time.getNano() / 1000, 6);
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
