package io.rowferry.dialect.mariadb;

import java.math.BigInteger;

/**
 * BIT(n) values for n > 1 as the text of their n binary digits ({@code 00101}), the form PostgreSQL's
 * {@code bit(n)} reads and writes, so that bit strings cross between databases exactly: the drivers return the
 * column's bytes, which no other database would read as bits (PostgreSQL refused them, text columns got raw bytes).
 */
final class BitText {
    private BitText() {}

    /** The n binary digits of a BIT(n) value the driver returned as big-endian bytes. */
    static String of(byte[] bytes, int bits) {
        String digits = new BigInteger(1, bytes).toString(2);
        return digits.length() >= bits ? digits : "0".repeat(bits - digits.length()) + digits;
    }

    /** Whether a value is a text of binary digits (and so a bit string, for a BIT column). */
    static boolean isBits(Object value) {
        return value instanceof String text && !text.isEmpty() && text.chars().allMatch(c -> c == '0' || c == '1');
    }

    /** The bytes of a text of binary digits, big-endian, as many as the digits need: what a BIT column stores. */
    static byte[] bytes(String digits) {
        byte[] bytes = new BigInteger(digits, 2).toByteArray();
        int length = (digits.length() + 7) / 8;
        byte[] exact = new byte[length];
        int copy = Math.min(length, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, exact, length - copy, copy);
        return exact;
    }
}
