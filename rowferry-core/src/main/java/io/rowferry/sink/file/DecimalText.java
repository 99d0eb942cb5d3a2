package io.rowferry.sink.file;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A decimal in plain notation, {@code BigDecimal.toPlainString()}'s text, written digit by digit for the decimals of
 * up to 18 digits that make up nearly every table (those the JDK keeps in a {@code long}); longer ones go through
 * {@code toPlainString}. {@code ValueTextTest} compares the two.
 */
final class DecimalText {
    private static final int MAX_COMPACT_PRECISION = 18;
    private static final int MAX_FAST_SCALE = 64;

    private DecimalText() {}

    static String of(BigDecimal decimal) {
        int scale = decimal.scale();
        if (scale < 0 || scale > MAX_FAST_SCALE || decimal.precision() > MAX_COMPACT_PRECISION) {
            return decimal.toPlainString();
        }
        // the unscaled value as a long, without the BigInteger that unscaledValue() builds
        long unscaled = scale == 0 ? decimal.longValue() : decimal.scaleByPowerOfTen(scale).longValue();
        boolean negative = unscaled < 0;
        long absolute = Math.abs(unscaled); // precision <= 18, so never Long.MIN_VALUE
        int digits = 1;
        for (long rest = absolute; rest >= 10; rest /= 10) {
            digits++;
        }
        int integerDigits = scale >= digits ? 1 : digits - scale; // "0.05": a zero before the point
        byte[] out = new byte[(negative ? 1 : 0) + integerDigits + (scale > 0 ? 1 + scale : 0)];
        int p = out.length;
        for (int i = 0; i < scale; i++) {
            out[--p] = (byte) ('0' + absolute % 10);
            absolute /= 10;
        }
        if (scale > 0) {
            out[--p] = '.';
        }
        do {
            out[--p] = (byte) ('0' + absolute % 10);
            absolute /= 10;
        } while (absolute != 0);
        if (negative) {
            out[--p] = '-';
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
