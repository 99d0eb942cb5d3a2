package io.rowferry.dialect.postgresql;

import io.rowferry.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * How the values of one target column go into COPY, chosen once per column from the column's PostgreSQL type
 * name: the type's binary form ({@code typsend}/{@code typreceive}, see
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4) and its text for COPY's text format.
 *
 * <p>Values of another Java type than the column's are converted only where the conversion is exact (an Integer 1
 * into a boolean, a Long or an integral Double into a numeric or bigint, a canonical UUID string into a uuid);
 * otherwise the value is refused with a message naming it. A {@code String} for a column that is not textual (a
 * number, a date, a uuid in another spelling, ...) goes to the server as text instead, which it parses with its own
 * rules, exactly as it would a literal; a batch holding such a value is written in the text format as a whole. A
 * {@code LocalDateTime} or {@code LocalDate} for a {@code timestamptz} column is taken as UTC, Rowferry's rule on
 * every database and for INSERTs too (never the JVM's or the session's zone).
 */
abstract class FieldEncoder {
    /** Seconds from 1970-01-01T00:00Z to PostgreSQL's epoch, 2000-01-01T00:00Z. */
    static final long PG_EPOCH_SECONDS = 946_684_800L;
    /** Days from 1970-01-01 to 2000-01-01. */
    static final long PG_EPOCH_DAYS = 10_957L;

    final String typeName;

    FieldEncoder(String typeName) {
        this.typeName = typeName;
    }

    /**
     * The encoder for a target column, by its type name as pgjdbc's metadata reports it ({@code serial} for an
     * {@code int4} with a sequence default; a domain as its base type). Types without a binary encoder here
     * (arrays, interval, inet, money, bit, enums, timetz, xml, ...) get one that makes the batch go as text.
     */
    static FieldEncoder forColumn(Column target) {
        String type = target.typeName() == null ? "" : target.typeName().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "int2", "smallserial" -> new IntegerEncoder("int2", 2, Short.MIN_VALUE, Short.MAX_VALUE);
            case "int4", "serial" -> new IntegerEncoder("int4", 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "int8", "bigserial" -> new IntegerEncoder("int8", 8, Long.MIN_VALUE, Long.MAX_VALUE);
            case "float4" -> new Float4Encoder();
            case "float8" -> new Float8Encoder();
            case "bool" -> new BooleanEncoder();
            case "numeric" -> new NumericEncoder();
            case "text", "varchar", "bpchar", "name" -> new TextEncoder(type, false);
            case "json" -> new TextEncoder(type, false);
            case "jsonb" -> new TextEncoder(type, true);
            case "bytea" -> new ByteaEncoder();
            case "date" -> new DateEncoder();
            case "timestamp" -> new TimestampEncoder();
            case "timestamptz" -> new TimestampTzEncoder();
            case "time" -> new TimeEncoder();
            case "uuid" -> new UuidEncoder();
            default -> new TextOnlyEncoder(type);
        };
    }

    /** Whether this column's type has a binary encoder. */
    boolean binary() {
        return true;
    }

    /**
     * Whether this non-null value must reach the server as text, to be parsed by the server's own rules; then the
     * whole batch goes in the text format. By default: a String for a type that is not textual.
     */
    boolean needsText(Object value) {
        return value instanceof String;
    }

    /** Whether {@link #needsText} can be true for a value that is not a String (so it must be asked for all). */
    boolean needsTextBeyondStrings() {
        return false;
    }

    /** Whether {@link #needsText} is false for every String (so it need not be asked for them). */
    boolean takesEveryString() {
        return false;
    }

    /** Writes the field of a non-null value that does not {@link #needsText}: int32 length, then the bytes. */
    abstract void writeBinary(Object value, CopyBuffer out) throws SQLException;

    /** The text of a non-null value for COPY's text format, before escaping. */
    String text(Object value) {
        return value instanceof String text ? text : PgText.of(exactValue(value));
    }

    /** The value converted exactly to the Java type the column holds, for {@link #text}. */
    abstract Object exactValue(Object value);

    // ---- refusals ----

    /**
     * A value this column cannot take exactly. The message says why; the encoders add the value's position in the
     * row ({@link #at}), and the sink the column, the row's key and the value.
     */
    static final class RefusedValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private int column = -1;
        private transient Object value;

        RefusedValueException(String message) {
            super(message, null, false, false);
        }

        /** Records where the refused value is in the row and what it is, once. */
        RefusedValueException at(int index, Object refusedValue) {
            if (column < 0) {
                column = index;
                value = refusedValue;
            }
            return this;
        }

        /** The position of the refused value in the row, or -1 when not known. */
        int column() {
            return column;
        }

        Object value() {
            return value;
        }
    }

    static RefusedValueException refused(String why) {
        return new RefusedValueException(why);
    }

    RefusedValueException notConvertible() {
        return refused("no exact conversion to " + typeName + "; convert it in a transform");
    }

    /** A value for messages: its Java type and text on one line, control characters escaped, at most 64 chars. */
    static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 80));
        int i = 0;
        for (; i < text.length() && shown.length() < 64; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case '\r' -> shown.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        shown.append(String.format("\\u%04x", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        if (i < text.length()) {
            shown.append("...");
        }
        return "the " + value.getClass().getSimpleName() + " " + shown;
    }

    /** Nanoseconds rounded half up to microseconds, as pgjdbc and the server's text input round. */
    static long roundedMicros(long nanos) {
        return Math.floorDiv(nanos + 500, 1000);
    }

    // ---- integers ----

    static final class IntegerEncoder extends FieldEncoder {
        private final int bytes;
        private final long min;
        private final long max;

        IntegerEncoder(String typeName, int bytes, long min, long max) {
            super(typeName);
            this.bytes = bytes;
            this.min = min;
            this.max = max;
        }

        long toLong(Object value) {
            long result;
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                result = ((Number) value).longValue();
            } else if (value instanceof Boolean bool) {
                result = bool ? 1 : 0; // as the JDBC binder does for MariaDB/MySQL TINYINT(1) read as Boolean
            } else if (value instanceof BigInteger big) {
                if (big.bitLength() > 63) {
                    throw refused("out of range");
                }
                result = big.longValue();
            } else if (value instanceof BigDecimal decimal) {
                try {
                    result = decimal.longValueExact();
                } catch (ArithmeticException e) {
                    throw refused(decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0
                            ? "out of range" : "it has a fraction");
                }
            } else if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                if (number != Math.rint(number) || Double.isInfinite(number)) {
                    throw refused("it is not a whole number");
                }
                if (number < -0x1p63 || number >= 0x1p63) {
                    throw refused("out of range");
                }
                result = (long) number;
            } else {
                throw notConvertible();
            }
            if (result < min || result > max) {
                throw refused("out of range");
            }
            return result;
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            long number = toLong(value);
            out.writeInt(bytes);
            switch (bytes) {
                case 2 -> out.writeShort((int) number);
                case 4 -> out.writeInt((int) number);
                default -> out.writeLong(number);
            }
        }

        @Override
        Object exactValue(Object value) {
            return toLong(value);
        }
    }

    // ---- floating point ----

    /** A number as a double, if it is exactly one. */
    static double toDouble(FieldEncoder encoder, Object value) {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Float || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Long number) {
            double result = number;
            if (result < 0x1p63 && (long) result == number) {
                return result;
            }
        } else if (value instanceof BigInteger || value instanceof BigDecimal) {
            BigDecimal decimal = value instanceof BigInteger big ? new BigDecimal(big) : (BigDecimal) value;
            double result = decimal.doubleValue();
            if (Double.isFinite(result) && new BigDecimal(result).compareTo(decimal) == 0) {
                return result;
            }
        } else {
            throw encoder.notConvertible();
        }
        throw refused("not exactly representable as " + encoder.typeName
                + "; convert it in a transform or use write mode insert to let the server round it");
    }

    static final class Float8Encoder extends FieldEncoder {
        Float8Encoder() {
            super("float8");
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            out.writeInt(8);
            out.writeLong(Double.doubleToLongBits(toDouble(this, value)));
        }

        @Override
        Object exactValue(Object value) {
            return toDouble(this, value);
        }
    }

    static final class Float4Encoder extends FieldEncoder {
        Float4Encoder() {
            super("float4");
        }

        float toFloat(Object value) {
            if (value instanceof Float number) {
                return number;
            }
            double number = toDouble(this, value);
            float result = (float) number;
            if (result != number && !Double.isNaN(number)) {
                throw refused("not exactly representable as float4; convert it in a transform or use write"
                        + " mode insert to let the server round it");
            }
            return result;
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            out.writeInt(4);
            out.writeInt(Float.floatToIntBits(toFloat(value)));
        }

        @Override
        Object exactValue(Object value) {
            return toFloat(value);
        }
    }

    // ---- boolean ----

    static final class BooleanEncoder extends FieldEncoder {
        BooleanEncoder() {
            super("bool");
        }

        boolean toBoolean(Object value) {
            if (value instanceof Boolean bool) {
                return bool;
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                if (number == 0 || number == 1) {
                    return number == 1;
                }
            } else if (value instanceof Number) {
                BigDecimal number = value instanceof BigDecimal decimal ? decimal
                        : value instanceof BigInteger big ? new BigDecimal(big)
                        : BigDecimal.valueOf(((Number) value).longValue());
                if (number.signum() == 0 || number.compareTo(BigDecimal.ONE) == 0) {
                    return number.signum() != 0;
                }
            } else {
                throw notConvertible();
            }
            throw refused("only 0 and 1 convert to a boolean");
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            out.writeInt(1);
            out.writeByte(toBoolean(value) ? 1 : 0);
        }

        @Override
        Object exactValue(Object value) {
            return toBoolean(value);
        }
    }

    // ---- numeric ----

    static final class NumericEncoder extends FieldEncoder {
        NumericEncoder() {
            super("numeric");
        }

        /** A BigDecimal, or a Double NaN/Infinity (how PostgresDialect reads numeric's special values). */
        Object toNumeric(Object value) {
            if (value instanceof BigDecimal) {
                return value;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof BigInteger big) {
                return new BigDecimal(big);
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                if (!Double.isFinite(number)) {
                    return number;
                }
                // The shortest decimal that reads back as the same binary value (Double.toString): 0.1, not
                // 0.1000000000000000055511151231257827021181583404541015625.
                return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(number);
            }
            throw notConvertible();
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            Object number = toNumeric(value);
            if (number instanceof BigDecimal decimal) {
                NumericEncoding.write(decimal, out);
            } else {
                double special = (Double) number;
                NumericEncoding.writeSpecial(Double.isNaN(special) ? NumericEncoding.NAN
                        : special > 0 ? NumericEncoding.POSITIVE_INFINITY : NumericEncoding.NEGATIVE_INFINITY, out);
            }
        }

        @Override
        Object exactValue(Object value) {
            return toNumeric(value);
        }
    }

    // ---- text, json, jsonb ----

    static final class TextEncoder extends FieldEncoder {
        private final boolean jsonb;

        TextEncoder(String typeName, boolean jsonb) {
            super(typeName);
            this.jsonb = jsonb;
        }

        @Override
        boolean needsText(Object value) {
            return false;
        }

        @Override
        boolean takesEveryString() {
            return true;
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            String text = value instanceof String string ? string : PgText.of(value);
            boolean ascii = CopyBuffer.isAsciiWithoutNul(text);
            int length = ascii ? text.length() : CopyBuffer.utf8Length(text);
            if (jsonb) {
                out.writeInt(length + 1);
                out.writeByte(1); // jsonb's binary format version
            } else {
                out.writeInt(length);
            }
            if (ascii) {
                out.writeAscii(text);
            } else {
                out.writeUtf8(text);
            }
        }

        @Override
        String text(Object value) {
            return value instanceof String string ? string : PgText.of(value);
        }

        @Override
        Object exactValue(Object value) {
            return text(value);
        }
    }

    // ---- bytea ----

    static final class ByteaEncoder extends FieldEncoder {
        ByteaEncoder() {
            super("bytea");
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            if (!(value instanceof byte[] bytes)) {
                throw notConvertible();
            }
            out.writeInt(bytes.length);
            out.writeBytes(bytes, 0, bytes.length);
        }

        @Override
        Object exactValue(Object value) {
            if (!(value instanceof byte[])) {
                throw notConvertible();
            }
            return value;
        }
    }

    // ---- dates and times ----

    static final class DateEncoder extends FieldEncoder {
        DateEncoder() {
            super("date");
        }

        LocalDate toDate(Object value) {
            if (value instanceof LocalDate date) {
                return date;
            }
            if (value instanceof LocalDateTime timestamp) {
                if (timestamp.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    return timestamp.toLocalDate();
                }
                throw refused("it has a time of day");
            }
            throw notConvertible();
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            LocalDate date = toDate(value);
            int days;
            if (date.equals(LocalDate.MAX)) {
                days = Integer.MAX_VALUE; // DATEVAL_NOEND: infinity
            } else if (date.equals(LocalDate.MIN)) {
                days = Integer.MIN_VALUE; // DATEVAL_NOBEGIN: -infinity
            } else {
                long count = date.toEpochDay() - PG_EPOCH_DAYS;
                if (count <= Integer.MIN_VALUE || count >= Integer.MAX_VALUE) {
                    throw refused("out of PostgreSQL's date range");
                }
                days = (int) count;
            }
            out.writeInt(4);
            out.writeInt(days);
        }

        @Override
        Object exactValue(Object value) {
            return toDate(value);
        }
    }

    /** Microseconds since 2000-01-01 00:00 of a wall-clock or UTC date-time, or a refusal when out of range. */
    static long micros(LocalDateTime utcOrWallClock) {
        try {
            long seconds = utcOrWallClock.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECONDS;
            long micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L),
                    roundedMicros(utcOrWallClock.getNano()));
            if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                throw new ArithmeticException("infinity");
            }
            return micros;
        } catch (ArithmeticException e) {
            throw refused("out of PostgreSQL's timestamp range");
        }
    }

    static final class TimestampEncoder extends FieldEncoder {
        TimestampEncoder() {
            super("timestamp");
        }

        LocalDateTime toTimestamp(Object value) {
            if (value instanceof LocalDateTime timestamp) {
                return timestamp;
            }
            if (value instanceof LocalDate date) {
                return date.equals(LocalDate.MAX) ? LocalDateTime.MAX
                        : date.equals(LocalDate.MIN) ? LocalDateTime.MIN : date.atStartOfDay();
            }
            if (value instanceof OffsetDateTime || value instanceof Instant || value instanceof ZonedDateTime) {
                throw refused("a timestamp without time zone holds a wall-clock time, and which zone's wall"
                        + " clock is meant is not known; convert it in a transform");
            }
            throw notConvertible();
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            LocalDateTime timestamp = toTimestamp(value);
            out.writeInt(8);
            if (timestamp.equals(LocalDateTime.MAX)) {
                out.writeLong(Long.MAX_VALUE); // DT_NOEND: infinity
            } else if (timestamp.equals(LocalDateTime.MIN)) {
                out.writeLong(Long.MIN_VALUE); // DT_NOBEGIN: -infinity
            } else {
                out.writeLong(micros(timestamp));
            }
        }

        @Override
        Object exactValue(Object value) {
            return toTimestamp(value);
        }
    }

    static final class TimestampTzEncoder extends FieldEncoder {
        TimestampTzEncoder() {
            super("timestamptz");
        }

        @Override
        boolean needsText(Object value) {
            return value instanceof String;
        }

        @Override
        boolean needsTextBeyondStrings() {
            return true;
        }

        /** The instant as an OffsetDateTime, with OffsetDateTime.MAX/MIN standing for infinity as in pgjdbc. */
        OffsetDateTime toInstant(Object value) {
            if (value instanceof OffsetDateTime timestamp) {
                return timestamp;
            }
            if (value instanceof Instant instant) {
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (value instanceof ZonedDateTime timestamp) {
                return timestamp.toOffsetDateTime();
            }
            // a wall-clock value into a column with time zone is taken as UTC (see the class comment)
            if (value instanceof LocalDateTime timestamp) {
                return timestamp.equals(LocalDateTime.MAX) ? OffsetDateTime.MAX
                        : timestamp.equals(LocalDateTime.MIN) ? OffsetDateTime.MIN : timestamp.atOffset(ZoneOffset.UTC);
            }
            if (value instanceof LocalDate date) {
                return date.atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            throw notConvertible();
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            OffsetDateTime timestamp = toInstant(value);
            out.writeInt(8);
            if (timestamp.equals(OffsetDateTime.MAX)) {
                out.writeLong(Long.MAX_VALUE);
            } else if (timestamp.equals(OffsetDateTime.MIN)) {
                out.writeLong(Long.MIN_VALUE);
            } else {
                LocalDateTime utc;
                try {
                    utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                } catch (java.time.DateTimeException e) {
                    throw refused("out of PostgreSQL's timestamp range");
                }
                out.writeLong(micros(utc));
            }
        }

        @Override
        String text(Object value) {
            return needsText(value) ? PgText.of(value) : PgText.timestamp(toInstant(value));
        }

        @Override
        Object exactValue(Object value) {
            return toInstant(value);
        }
    }

    static final class TimeEncoder extends FieldEncoder {
        TimeEncoder() {
            super("time");
        }

        LocalTime toTime(Object value) {
            if (value instanceof LocalTime time) {
                return time;
            }
            throw notConvertible();
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            // LocalTime.MAX (pgjdbc's 24:00:00) rounds up to 86 400 000 000, which time holds as 24:00:00.
            out.writeInt(8);
            out.writeLong(roundedMicros(toTime(value).toNanoOfDay()));
        }

        @Override
        Object exactValue(Object value) {
            return toTime(value);
        }
    }

    // ---- uuid ----

    static final class UuidEncoder extends FieldEncoder {
        UuidEncoder() {
            super("uuid");
        }

        @Override
        boolean needsText(Object value) {
            return value instanceof String text && parseCanonical(text) == null;
        }

        /** The UUID of the 36-character 8-4-4-4-12 hex form, or null for any other spelling. */
        static UUID parseCanonical(String text) {
            if (text.length() != 36) {
                return null;
            }
            long high = 0;
            long low = 0;
            int digits = 0;
            for (int i = 0; i < 36; i++) {
                char c = text.charAt(i);
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (c != '-') {
                        return null;
                    }
                    continue;
                }
                int digit = Character.digit(c, 16);
                if (digit < 0 || c > 'f') { // Character.digit also takes non-ASCII digits
                    return null;
                }
                if (digits++ < 16) {
                    high = high << 4 | digit;
                } else {
                    low = low << 4 | digit;
                }
            }
            return new UUID(high, low);
        }

        UUID toUuid(Object value) {
            if (value instanceof UUID uuid) {
                return uuid;
            }
            if (value instanceof String text) {
                UUID uuid = parseCanonical(text);
                if (uuid != null) {
                    return uuid;
                }
            }
            throw notConvertible();
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) throws SQLException {
            UUID uuid = toUuid(value);
            out.writeInt(16);
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        }

        @Override
        Object exactValue(Object value) {
            return toUuid(value);
        }
    }

    // ---- everything else ----

    /** A type without a binary encoder: its values go as text, and the server parses them. */
    static final class TextOnlyEncoder extends FieldEncoder {
        TextOnlyEncoder(String typeName) {
            super(typeName);
        }

        @Override
        boolean binary() {
            return false;
        }

        @Override
        void writeBinary(Object value, CopyBuffer out) {
            throw new IllegalStateException("no binary encoder for " + typeName);
        }

        @Override
        Object exactValue(Object value) {
            return value;
        }
    }
}
