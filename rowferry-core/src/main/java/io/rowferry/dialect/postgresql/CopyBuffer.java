package io.rowferry.dialect.postgresql;

import java.sql.SQLException;

/**
 * The one byte buffer a COPY batch is encoded into, reused from batch to batch. It hands its content to the
 * server every {@value #CHUNK_BYTES} bytes, so a batch never holds its whole encoding: the COPY protocol lets
 * data messages split rows and fields anywhere ("message boundaries are not required to have anything to do with
 * row boundaries", https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY). Large byte arrays go
 * out in chunks straight from the caller's array, and strings are encoded to UTF-8 in segments, so the buffer
 * itself never grows.
 *
 * <p>Numbers are written big-endian (network order), as both COPY formats expect.
 */
final class CopyBuffer {
    /** Bytes per COPY data message. */
    static final int CHUNK_BYTES = 64 * 1024;

    /** Where full chunks go: the driver's {@code CopyIn}. */
    @FunctionalInterface
    interface Target {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    private final byte[] bytes = new byte[CHUNK_BYTES];
    private int position;
    private Target target;

    /** Starts a batch: drops anything left from a failed one and sends to {@code copyTarget} from now on. */
    void start(Target copyTarget) {
        this.target = copyTarget;
        this.position = 0;
    }

    /** The buffer's size in bytes; it stays {@value #CHUNK_BYTES} whatever the rows hold. */
    int capacity() {
        return bytes.length;
    }

    /** Sends what is buffered. */
    void flush() throws SQLException {
        if (position > 0) {
            target.write(bytes, 0, position);
            position = 0;
        }
    }

    private void ensure(int length) throws SQLException {
        if (position + length > bytes.length) {
            flush();
        }
    }

    void writeByte(int value) throws SQLException {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    void writeShort(int value) throws SQLException {
        ensure(2);
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) value;
    }

    void writeInt(int value) throws SQLException {
        ensure(4);
        bytes[position++] = (byte) (value >>> 24);
        bytes[position++] = (byte) (value >>> 16);
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) value;
    }

    void writeLong(long value) throws SQLException {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[position++] = (byte) (value >>> shift);
        }
    }

    /** Copies small arrays into the buffer; sends large ones in chunks directly from {@code source}. */
    void writeBytes(byte[] source, int offset, int length) throws SQLException {
        if (length <= bytes.length - position) {
            System.arraycopy(source, offset, bytes, position, length);
            position += length;
            return;
        }
        flush();
        if (length < CHUNK_BYTES / 2) {
            System.arraycopy(source, offset, bytes, 0, length);
            position = length;
            return;
        }
        for (int sent = 0; sent < length; sent += CHUNK_BYTES) {
            target.write(source, offset + sent, Math.min(CHUNK_BYTES, length - sent));
        }
    }

    /** Writes a string of chars below U+0080 (see {@link #isAsciiWithoutNul}), one byte each. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies the low bytes: exactly ASCII, and fast
    void writeAscii(String ascii) throws SQLException {
        int length = ascii.length();
        int i = 0;
        while (i < length) {
            if (position == bytes.length) {
                flush();
            }
            int count = Math.min(length - i, bytes.length - position);
            ascii.getBytes(i, i + count, bytes, position);
            position += count;
            i += count;
        }
    }

    /** Whether every char is in U+0001..U+007F, so that the UTF-8 bytes are the chars themselves. */
    static boolean isAsciiWithoutNul(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The length of {@code text} in UTF-8 as {@link #writeUtf8} writes it: a lone surrogate becomes {@code ?}, as
     * in {@link String#getBytes}. Fails on U+0000, which PostgreSQL text cannot hold.
     */
    static int utf8Length(String text) {
        int length = text.length();
        long encoded = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw FieldEncoder.refused(nulMessage(i));
                }
            } else if (c < 0x800) {
                encoded += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                encoded += 2; // four bytes for two chars
                i++;
            } else if (!Character.isSurrogate(c)) {
                encoded += 2;
            }
        }
        if (encoded > Integer.MAX_VALUE) {
            throw FieldEncoder.refused("text of " + encoded + " bytes is longer than a COPY field can be");
        }
        return (int) encoded;
    }

    static String nulMessage(int index) {
        return "the text contains the character U+0000 (at index " + index
                + "), which PostgreSQL text cannot hold; remove it in a transform";
    }

    /** Writes {@code text} as UTF-8 (see {@link #utf8Length}); the caller has checked it for U+0000. */
    void writeUtf8(String text) throws SQLException {
        writeText(text, false);
    }

    /**
     * Writes {@code text} as UTF-8 escaped for COPY's text format: backslash, tab, newline and carriage return
     * become {@code \\}, {@code \t}, {@code \n} and {@code \r}. Fails on U+0000.
     */
    void writeEscaped(String text) throws SQLException {
        writeText(text, true);
    }

    private void writeText(String text, boolean escape) throws SQLException {
        int length = text.length();
        int i = 0;
        while (i < length) {
            int free = bytes.length - position;
            if (free < 16) {
                flush();
                free = bytes.length;
            }
            // At most 3 bytes per char (an escape takes 2, a surrogate pair 4 for 2 chars); a pair that starts on
            // the segment's last char takes one byte more, which the slack of 4 covers.
            int end = Math.min(length, i + (free - 4) / 3);
            byte[] b = bytes;
            int p = position;
            while (i < end) {
                char c = text.charAt(i++);
                if (c < 0x80) {
                    if (escape && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
                        b[p++] = '\\';
                        b[p++] = (byte) (c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
                    } else if (c == 0) {
                        position = p;
                        throw FieldEncoder.refused(nulMessage(i - 1));
                    } else {
                        b[p++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(text.charAt(i))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(i++));
                    b[p++] = (byte) (0xF0 | (codePoint >> 18));
                    b[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (codePoint & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    b[p++] = '?';
                } else {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            position = p;
        }
    }
}
