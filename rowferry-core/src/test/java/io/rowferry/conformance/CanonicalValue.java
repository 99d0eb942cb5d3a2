package io.rowferry.conformance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A value as Rowferry reads it from any database, in one form that equal values share whatever the database: numbers
 * as their decimal value (a float as the double it is exactly, so a REAL equals the DOUBLE that holds it; a double
 * as its shortest decimal, so a SQLite REAL holding a 2-digit decimal equals it), booleans as 1 and 0, instants as
 * their UTC time, bytes by their SHA-256, UUIDs in lower case, text as it is ({@link #ofChar} without CHAR padding).
 * A timestamp without time zone that holds an instant's UTC time (MariaDB DATETIME from a TIMESTAMP WITH TIME ZONE)
 * matches the instant: both become the UTC wall-clock time.
 */
final class CanonicalValue {
    private CanonicalValue() {}

    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        if (value instanceof Float number) {
            return real(number.doubleValue());
        }
        if (value instanceof Double number) {
            return real(number);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(decimal);
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return decimal(new BigDecimal(value.toString()));
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes " + sha256(bytes);
        }
        if (value instanceof OffsetDateTime instant) {
            return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toString();
        }
        if (value instanceof java.util.UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof java.time.temporal.Temporal) {
            return value.toString();
        }
        return value.toString();
    }

    /** A CHAR value: its padding is not part of the value. */
    static String ofChar(Object value) {
        String text = of(value);
        return text == null ? null : text.stripTrailing();
    }

    private static String real(double number) {
        return Double.isFinite(number) ? decimal(new BigDecimal(Double.toString(number))) : Double.toString(number);
    }

    private static String decimal(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
