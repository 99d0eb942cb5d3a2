package io.rowferry.dialect.postgresql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * PostgreSQL's binary {@code numeric} ({@code numeric_send}/{@code numeric_recv} in
 * src/backend/utils/adt/numeric.c): int16 count of digits, int16 weight, uint16 sign, int16 display scale, then
 * the digits, each an int16 in base 10 000, most significant first. The value is
 * {@code sum(digit[i] * 10000^(weight - i))}; the display scale is the number of decimal digits after the point
 * (it must not hide any digit, or the server truncates them). Signs: {@code 0x0000} positive, {@code 0x4000}
 * negative, {@code 0xC000} NaN, {@code 0xD000} +Infinity, {@code 0xF000} -Infinity (PostgreSQL 14+).
 *
 * <p>Example: -12345.678 has groups {@code 1 2345 . 6780}: digits [1, 2345, 6780], weight 1, sign 0x4000,
 * display scale 3.
 */
final class NumericEncoding {
    static final int POSITIVE = 0x0000;
    static final int NEGATIVE = 0x4000;
    static final int NAN = 0xC000;
    static final int POSITIVE_INFINITY = 0xD000;
    static final int NEGATIVE_INFINITY = 0xF000;

    /** NUMERIC_DSCALE_MASK: the largest display scale. */
    static final int MAX_DISPLAY_SCALE = 0x3FFF;
    /** NUMERIC_WEIGHT_MAX (int16) plus one group, in decimal digits: 131 072 digits before the point. */
    static final int MAX_INTEGER_DIGITS = (Short.MAX_VALUE + 1) * 4;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000};
    private static final BigInteger TEN_POW_16 = BigInteger.TEN.pow(16);

    private NumericEncoding() {}

    /** Writes the field (int32 length, then the value) for NaN or an infinity. */
    static void writeSpecial(int sign, CopyBuffer out) throws SQLException {
        out.writeInt(8);
        out.writeShort(0); // no digits
        out.writeShort(0); // weight
        out.writeShort(sign);
        out.writeShort(0); // display scale
    }

    /** Writes the field (int32 length, then the value) for {@code value}, exactly. */
    static void write(BigDecimal value, CopyBuffer out) throws SQLException {
        int scale = value.scale();
        if (scale > MAX_DISPLAY_SCALE) {
            value = value.stripTrailingZeros(); // trailing zeros only widen the display
            scale = value.scale();
            if (scale > MAX_DISPLAY_SCALE) {
                throw FieldEncoder.refused(scale + " digits after the decimal point are more than PostgreSQL"
                        + " numeric holds (" + MAX_DISPLAY_SCALE + ")");
            }
        }
        int displayScale = Math.max(scale, 0);
        if (value.signum() == 0) {
            out.writeInt(8);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(POSITIVE);
            out.writeShort(displayScale);
            return;
        }
        if ((long) value.precision() - scale > MAX_INTEGER_DIGITS) {
            throw FieldEncoder.refused("a number with " + ((long) value.precision() - scale)
                    + " digits before the decimal point is more than PostgreSQL numeric holds (" + MAX_INTEGER_DIGITS
                    + ")");
        }
        // Align the decimal point on a group boundary. With scale >= 0, append zeros up to a multiple of 4 digits
        // after the point. With scale < 0 the value is unscaled * 10^-scale: whole groups of zeros at the end are
        // left implicit (they would be stripped anyway), the remaining 0-3 zeros are multiplied in.
        BigInteger unscaled = value.unscaledValue().abs();
        int fractionGroups;
        int implicitZeroGroups;
        int multiplier;
        if (scale >= 0) {
            int pad = (4 - scale % 4) % 4;
            multiplier = POWERS_OF_TEN[pad];
            fractionGroups = (scale + pad) / 4;
            implicitZeroGroups = 0;
        } else {
            multiplier = POWERS_OF_TEN[-scale % 4];
            fractionGroups = 0;
            implicitZeroGroups = -scale / 4;
        }
        short[] groups = groups(unscaled, multiplier); // least significant first, no leading zero groups
        int count = groups.length;
        int lowZeros = 0;
        while (lowZeros < count - 1 && groups[lowZeros] == 0) {
            lowZeros++;
        }
        int weight = count - 1 - fractionGroups + implicitZeroGroups;
        int digits = count - lowZeros;
        out.writeInt(8 + 2 * digits);
        out.writeShort(digits);
        out.writeShort(weight);
        out.writeShort(value.signum() < 0 ? NEGATIVE : POSITIVE);
        out.writeShort(displayScale);
        for (int i = count - 1; i >= lowZeros; i--) {
            out.writeShort(groups[i]);
        }
    }

    /** The base-10 000 digits of {@code magnitude * multiplier}, least significant first, without leading zeros. */
    static short[] groups(BigInteger magnitude, int multiplier) {
        if (magnitude.bitLength() <= 53) { // times at most 1000 still fits a long
            long rest = magnitude.longValue() * multiplier;
            short[] groups = new short[5];
            int count = 0;
            while (rest != 0) {
                groups[count++] = (short) (rest % 10_000);
                rest /= 10_000;
            }
            return java.util.Arrays.copyOf(groups, count);
        }
        BigInteger rest = multiplier == 1 ? magnitude : magnitude.multiply(BigInteger.valueOf(multiplier));
        // 16 decimal digits (4 groups) per division.
        short[] groups = new short[(int) (rest.bitLength() * 0.30103 / 4) + 8];
        int count = 0;
        while (rest.signum() != 0) {
            BigInteger[] quotientAndRemainder = rest.divideAndRemainder(TEN_POW_16);
            long chunk = quotientAndRemainder[1].longValue();
            for (int i = 0; i < 4; i++) {
                groups[count++] = (short) (chunk % 10_000);
                chunk /= 10_000;
            }
            rest = quotientAndRemainder[0];
        }
        while (count > 0 && groups[count - 1] == 0) {
            count--;
        }
        return java.util.Arrays.copyOf(groups, count);
    }
}
