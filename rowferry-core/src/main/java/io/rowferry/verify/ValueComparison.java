package io.rowferry.verify;

import io.rowferry.schema.SqlType;
import io.rowferry.schema.SqlType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Whether two values, as the two databases' drivers read them, are the same value: the judge for rows whose hashes
 * differ. It decides what the SQL canonical forms cannot decide portably: floats exactly (as the doubles they are),
 * JSON as documents (key order and whitespace do not count), and it agrees with them on everything else (numbers by
 * value, booleans as 1 and 0, instants in UTC, CHAR without padding).
 */
final class ValueComparison {
    private ValueComparison() {}

    static boolean same(Object source, SqlType sourceType, Object target, SqlType targetType) {
        boolean json = isJson(sourceType) || isJson(targetType);
        boolean padded = sourceType.kind() == Kind.CHAR || targetType.kind() == Kind.CHAR;
        return Objects.equals(canonical(source, json, padded), canonical(target, json, padded));
    }

    private static boolean isJson(SqlType type) {
        return type.kind() == Kind.JSON || type.kind() == Kind.JSONB;
    }

    /** One text per value, shared by equal values whichever database they were read from; null for NULL. */
    static String canonical(Object value, boolean json, boolean padded) {
        if (value == null) {
            return null;
        }
        if (json) {
            return JsonCanonical.of(value.toString());
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
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof OffsetDateTime instant) {
            return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toString();
        }
        String text = value.toString();
        if (value instanceof java.util.UUID) {
            return text;
        }
        return padded ? text.stripTrailing() : text;
    }

    /**
     * A double as the decimal Java prints for it: the same double always prints the same, a float widened to double
     * prints as the double that holds it, and a double read from a decimal column (SQLite) prints as that decimal.
     */
    private static String real(double number) {
        return Double.isFinite(number) ? decimal(new BigDecimal(Double.toString(number))) : Double.toString(number);
    }

    private static String decimal(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
}
