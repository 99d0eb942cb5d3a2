package io.rowferry;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Estimates the heap a row's values occupy. It need not be exact, only proportional: it is what lets the
 * hand-off between reader and writer be bounded in bytes rather than rows. Figures are for a 64-bit JVM
 * with compressed references (object header 12-16 bytes, arrays 16, Latin-1 compact strings).
 */
final class RowSize {
    private static final int ROW_OVERHEAD = 32; // Row object + its Object[] header
    private static final int REFERENCE = 4;

    private RowSize() {}

    static int estimate(Object[] values) {
        long total = ROW_OVERHEAD + (long) REFERENCE * values.length;
        for (Object value : values) {
            total += of(value);
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            // String object + byte[]; UTF-16 strings take two bytes a char, Latin-1 one; assume the worse half.
            return 40 + s.length() + (s.length() >> 1);
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof BigDecimal decimal) {
            return 40 + decimal.unscaledValue().bitLength() / 8 + 24;
        }
        if (value instanceof BigInteger integer) {
            return 40 + integer.bitLength() / 8;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Boolean
                || value instanceof Float) {
            return 16;
        }
        if (value instanceof Long || value instanceof Double) {
            return 24;
        }
        if (value instanceof Object[] array) {
            long sum = 16 + (long) REFERENCE * array.length;
            for (Object element : array) {
                sum += of(element);
            }
            return sum;
        }
        // java.time values, UUID and other small objects
        return 48;
    }
}
