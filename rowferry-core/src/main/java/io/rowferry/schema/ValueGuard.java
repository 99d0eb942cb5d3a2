package io.rowferry.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.Locale;

/**
 * Checks one value against the target column that will hold it: whether it arrives identical, and if not, why,
 * and what the nearest value the column holds is. The database would often store the nearest value silently
 * (MariaDB rounds decimals, SQLite turns NaN into NULL); this is where Rowferry refuses to let that pass unseen.
 */
public final class ValueGuard {
    private final SqlType target;
    private final TypeLimits limits;

    public ValueGuard(SqlType target, TypeLimits limits) {
        this.target = target;
        this.limits = limits;
    }

    /** Null when the column holds the value exactly; otherwise why it cannot. */
    public String problem(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof InvalidTemporal) {
            return limits.invalidTemporals() ? null
                    : "is a MariaDB/MySQL date or time no other database holds (zero date, zero month or day, or a"
                            + " TIME beyond a day)";
        }
        return switch (target.kind()) {
            case BOOLEAN -> booleanProblem(value);
            case INTEGER -> integerProblem(value);
            case DECIMAL -> decimalProblem(value);
            case FLOAT -> floatProblem(value);
            case CHAR, VARCHAR, TEXT -> textProblem(value);
            case BINARY, VARBINARY, BLOB -> binaryProblem(value);
            case DATE, TIMESTAMP, TIMESTAMP_TZ, TIME, TIME_TZ -> temporalProblem(value);
            case ENUM -> target.values().contains(value.toString()) ? null
                    : "is not one of the allowed values " + target.values();
            default -> null;
        };
    }

    /** The value the column holds instead of one it cannot hold exactly: rounded, truncated, or null. */
    public Object nearest(Object value) {
        if (value instanceof InvalidTemporal) {
            return null;
        }
        try {
            return switch (target.kind()) {
                case DECIMAL -> nearestDecimal(value);
                case FLOAT -> target.size() <= 32 && value instanceof Number n && Double.isFinite(n.doubleValue())
                        ? (Object) n.floatValue() : null;
                case CHAR, VARCHAR -> value instanceof String text && target.size() > 0
                        ? truncate(text.replace("\u0000", ""), target.size())
                        : value instanceof String text ? text.replace("\u0000", "") : null;
                case TEXT -> value instanceof String text ? text.replace("\u0000", "") : null;
                case BINARY, VARBINARY -> value instanceof byte[] bytes && target.size() > 0
                        ? java.util.Arrays.copyOf(bytes, Math.min(bytes.length, target.size())) : null;
                case TIMESTAMP, TIMESTAMP_TZ, TIME, TIME_TZ -> inYears(value) ? roundFraction(value) : null;
                default -> null;
            };
        } catch (RuntimeException cannot) {
            return null;
        }
    }

    private String booleanProblem(Object value) {
        if (value instanceof Boolean) {
            return null;
        }
        if (value instanceof Number number) {
            BigDecimal decimal = toDecimal(number);
            return decimal != null && (decimal.signum() == 0 || decimal.compareTo(BigDecimal.ONE) == 0) ? null
                    : "is not a boolean (only 0 and 1 are)";
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "false", "t", "f", "1", "0" -> null;
            default -> "is not a boolean";
        };
    }

    private String integerProblem(Object value) {
        BigInteger integer;
        if (value instanceof Boolean flag) {
            integer = flag ? BigInteger.ONE : BigInteger.ZERO;
        } else if (value instanceof Number number) {
            BigDecimal decimal = toDecimal(number);
            if (decimal == null) {
                return "is not a number the column can hold";
            }
            if (decimal.stripTrailingZeros().scale() > 0) {
                return "has a fraction";
            }
            integer = decimal.toBigInteger();
        } else {
            return null; // text: the database parses it and refuses what it cannot read
        }
        if (target.size() <= 0) {
            return null;
        }
        if (integer.compareTo(target.minInteger()) < 0 || integer.compareTo(target.maxInteger()) > 0) {
            return "is out of range " + target.minInteger() + ".." + target.maxInteger();
        }
        return null;
    }

    private String decimalProblem(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        BigDecimal decimal = toDecimal(number);
        if (decimal == null) {
            return target.size() == 0 && limits.floatSpecials() ? null : "is not a finite number";
        }
        if (target.size() == 0) {
            return null;
        }
        BigDecimal normal = decimal.stripTrailingZeros();
        int scale = Math.max(0, normal.scale());
        int integerDigits = Math.max(0, normal.precision() - normal.scale());
        if (scale > target.scale()) {
            return "has " + scale + " digits after the point; the column keeps " + target.scale();
        }
        if (integerDigits > target.size() - target.scale()) {
            return "has " + integerDigits + " digits before the point; the column holds "
                    + (target.size() - target.scale());
        }
        return null;
    }

    private Object nearestDecimal(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        BigDecimal decimal = toDecimal(number);
        if (decimal == null || target.size() == 0) {
            return decimal;
        }
        BigDecimal rounded = decimal.setScale(target.scale(), RoundingMode.HALF_EVEN);
        return decimalProblem(rounded) == null ? rounded : null;
    }

    private String floatProblem(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        double real = number.doubleValue();
        if (!Double.isFinite(real)) {
            boolean held = Double.isNaN(real) ? limits.floatSpecials() : limits.infinities();
            return held ? null : "is " + real + ", which the column cannot hold";
        }
        if (target.size() <= 32 && !(number instanceof Float) && (double) (float) real != real) {
            return "needs double precision; the column is single precision";
        }
        return null;
    }

    private String textProblem(Object value) {
        String text = value instanceof String s ? s : null;
        if (text == null) {
            return null;
        }
        if (!limits.nulInText() && text.indexOf('\u0000') >= 0) {
            return "contains the character U+0000, which the column cannot hold";
        }
        if ((target.kind() == SqlType.Kind.CHAR || target.kind() == SqlType.Kind.VARCHAR) && target.size() > 0) {
            int length = text.codePointCount(0, text.length());
            if (length > target.size()) {
                // CHAR padding is not part of the value
                if (target.kind() == SqlType.Kind.CHAR && text.stripTrailing().codePointCount(0,
                        text.stripTrailing().length()) <= target.size()) {
                    return null;
                }
                return "has " + length + " characters; the column holds " + target.size();
            }
        }
        return null;
    }

    private String binaryProblem(Object value) {
        if (value instanceof byte[] bytes && target.size() > 0 && target.kind() != SqlType.Kind.BLOB
                && bytes.length > target.size()) {
            return "has " + bytes.length + " bytes; the column holds " + target.size();
        }
        return null;
    }

    private String temporalProblem(Object value) {
        if (!(value instanceof Temporal)) {
            return null;
        }
        if (!inYears(value)) {
            return "is outside the years " + limits.minYear() + ".." + limits.maxYear() + " the column holds";
        }
        int digits = target.kind() == SqlType.Kind.DATE ? 9 : target.size();
        int nanos = nanosOf(value);
        if (digits < 9 && nanos % (int) Math.pow(10, 9 - digits) != 0) {
            return "has a finer fraction of a second than the column's " + digits + " digits";
        }
        return null;
    }

    private boolean inYears(Object value) {
        int year;
        if (value instanceof LocalDate date) {
            year = date.getYear();
        } else if (value instanceof LocalDateTime timestamp) {
            year = timestamp.getYear();
        } else if (value instanceof OffsetDateTime timestamp) {
            year = timestamp.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
        } else {
            return true;
        }
        return year >= limits.minYear() && year <= limits.maxYear();
    }

    private static int nanosOf(Object value) {
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.getNano();
        }
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.getNano();
        }
        if (value instanceof LocalTime time) {
            return time.getNano();
        }
        if (value instanceof java.time.OffsetTime time) {
            return time.getNano();
        }
        return 0;
    }

    private Object roundFraction(Object value) {
        int digits = target.size();
        if (digits >= 9 || !(value instanceof Temporal temporal) || !temporal.isSupported(ChronoField.NANO_OF_SECOND)) {
            return value;
        }
        long unit = (long) Math.pow(10, 9 - digits);
        long nanos = temporal.getLong(ChronoField.NANO_OF_SECOND);
        long rounded = Math.round(nanos / (double) unit) * unit;
        Temporal truncated = temporal.with(ChronoField.NANO_OF_SECOND, 0);
        return truncated.plus(rounded, java.time.temporal.ChronoUnit.NANOS);
    }

    private static String truncate(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    /** The exact decimal value of a number, or null for NaN and infinities. */
    static BigDecimal toDecimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double real = number.doubleValue();
            // the shortest decimal that reads back as this double: what the source database shows for it
            return Double.isFinite(real) ? new BigDecimal(number instanceof Float f ? Float.toString(f)
                    : Double.toString(real)) : null;
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
