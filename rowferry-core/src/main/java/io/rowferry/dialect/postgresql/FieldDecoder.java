package io.rowferry.dialect.postgresql;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns one field of binary {@code COPY ... TO STDOUT} into the value PostgreSQL's column readers give for it through
 * pgjdbc ({@link PostgresDialect#columnReader}): the inverse of {@link FieldEncoder}. The formats are the types'
 * {@code *_send} functions (src/backend/utils/adt/); each decoder names the pgjdbc behaviour it copies, and
 * {@code CopyOutReaderTest} compares both reads value by value.
 */
@FunctionalInterface
interface FieldDecoder {
    VarHandle INT16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    VarHandle INT32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    VarHandle INT64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The value of the {@code length} bytes at {@code offset} (never NULL: that has no bytes). */
    Object decode(byte[] buffer, int offset, int length);

    /** The decoder for pgjdbc's type name of a result column, or null when this type is read only through JDBC. */
    static FieldDecoder forType(String typeName) {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "bool" -> (b, o, n) -> b[o] != 0;
            // pgjdbc reports int2 as SMALLINT, which the column reader reads with getInt: an Integer
            case "int2" -> (b, o, n) -> (int) (short) INT16.get(b, o);
            case "int4" -> (b, o, n) -> (int) INT32.get(b, o);
            case "int8" -> (b, o, n) -> (long) INT64.get(b, o);
            case "float4" -> (b, o, n) -> Float.intBitsToFloat((int) INT32.get(b, o));
            case "float8" -> (b, o, n) -> Double.longBitsToDouble((long) INT64.get(b, o));
            case "numeric" -> FieldDecoder::numeric;
            // text in the client encoding, which pgjdbc sets to UTF8; bpchar keeps its padding, as getString does
            case "text", "varchar", "bpchar", "json" -> (b, o, n) -> new String(b, o, n, StandardCharsets.UTF_8);
            // jsonb_send: a version byte (1), then the same text jsonb_out gives
            case "jsonb" -> (b, o, n) -> new String(b, o + 1, n - 1, StandardCharsets.UTF_8);
            case "bytea" -> (b, o, n) -> Arrays.copyOfRange(b, o, o + n);
            case "uuid" -> (b, o, n) -> new UUID((long) INT64.get(b, o), (long) INT64.get(b, o + 8));
            case "date" -> (b, o, n) -> date((int) INT32.get(b, o));
            case "time" -> (b, o, n) -> time((long) INT64.get(b, o));
            case "timestamp" -> (b, o, n) -> timestamp((long) INT64.get(b, o));
            case "timestamptz" -> (b, o, n) -> timestampTz((long) INT64.get(b, o));
            default -> null;
        };
    }

    /** Days since 2000-01-01; pgjdbc reads 'infinity' as LocalDate.MAX and '-infinity' as LocalDate.MIN. */
    static LocalDate date(int days) {
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(days + FieldEncoder.PG_EPOCH_DAYS);
    }

    /** Microseconds since midnight; 24:00:00 is pgjdbc's LocalTime.MAX. */
    static LocalTime time(long micros) {
        return micros >= 86_400_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Microseconds since 2000-01-01 00:00; pgjdbc reads the infinities as LocalDateTime.MAX and MIN. */
    static LocalDateTime timestamp(long micros) {
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        long seconds = Math.floorDiv(micros, 1_000_000L) + FieldEncoder.PG_EPOCH_SECONDS;
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** The same count, of UTC: pgjdbc gives every timestamptz at offset 0, the infinities as OffsetDateTime.MAX/MIN. */
    static OffsetDateTime timestampTz(long micros) {
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.of(timestamp(micros), ZoneOffset.UTC);
    }

    /**
     * See {@link NumericEncoding} for the layout. The column reader parses numeric_out's text, whose scale is the
     * display scale, so the BigDecimal gets exactly that scale; NaN and the infinities become Doubles, as there.
     */
    static Object numeric(byte[] b, int o, int n) {
        int count = (short) INT16.get(b, o);
        int weight = (short) INT16.get(b, o + 2);
        int sign = (short) INT16.get(b, o + 4) & 0xFFFF;
        int displayScale = (short) INT16.get(b, o + 6);
        switch (sign) {
            case NumericEncoding.NAN:
                return Double.NaN;
            case NumericEncoding.POSITIVE_INFINITY:
                return Double.POSITIVE_INFINITY;
            case NumericEncoding.NEGATIVE_INFINITY:
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        BigDecimal value;
        if (count <= 4) { // up to 16 decimal digits: a long
            long digits = 0;
            for (int i = 0; i < count; i++) {
                digits = digits * 10_000 + (short) INT16.get(b, o + 8 + 2 * i);
            }
            value = BigDecimal.valueOf(sign == NumericEncoding.NEGATIVE ? -digits : digits, 4 * (count - 1 - weight));
        } else {
            BigInteger digits = BigInteger.ZERO;
            BigInteger base = BigInteger.valueOf(10_000);
            for (int i = 0; i < count; i++) {
                digits = digits.multiply(base).add(BigInteger.valueOf((short) INT16.get(b, o + 8 + 2 * i)));
            }
            value = new BigDecimal(sign == NumericEncoding.NEGATIVE ? digits.negate() : digits, 4 * (count - 1 - weight));
        }
        // digits past the display scale are zeros (numeric_send never sends more precision than it shows)
        return value.setScale(displayScale, RoundingMode.UNNECESSARY);
    }
}
