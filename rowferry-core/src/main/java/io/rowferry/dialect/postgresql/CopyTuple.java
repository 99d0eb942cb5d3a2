package io.rowferry.dialect.postgresql;

import io.rowferry.Row;

/**
 * One row of a binary {@code COPY ... TO STDOUT} kept as the server sent it, decoded only when a value is asked
 * for. {@link PostgresCopySink} writes it into a table whose columns have the same binary formats without decoding
 * it at all: field count, then per field its length and the bytes of the type's {@code *_send} function, exactly
 * what {@code COPY ... FROM STDIN (FORMAT binary)} reads.
 */
final class CopyTuple implements Row.Encoded {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final FieldDecoder[] decoders;

    /**
     * The tuple of {@code length} bytes at {@code offset} of {@code bytes}: field count, then each field.
     *
     * @param decoders one per column of the row; the tuple may have further fields after them (key columns read only
     *     to page by), which are not part of the row
     */
    CopyTuple(byte[] bytes, int offset, int length, FieldDecoder[] decoders) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.decoders = decoders;
    }

    /** Whether the tuple holds the row's columns and nothing more, so it can be written as it is. */
    boolean exact() {
        return fieldCount() == decoders.length;
    }

    int fieldCount() {
        return (short) FieldDecoder.INT16.get(bytes, offset);
    }

    byte[] bytes() {
        return bytes;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    @Override
    public Object[] decode() {
        Object[] values = new Object[decoders.length];
        int at = offset + 2;
        for (int i = 0; i < values.length; i++) {
            int length = (int) FieldDecoder.INT32.get(bytes, at);
            at += 4;
            if (length >= 0) { // -1 is NULL
                values[i] = decoders[i].decode(bytes, at, length);
                at += length;
            }
        }
        return values;
    }

    /** The value of field {@code index} (which may be past the row's columns), decoded with {@code decoder}. */
    Object field(int index, FieldDecoder decoder) {
        int at = offset + 2;
        for (int i = 0; i < index; i++) {
            int length = (int) FieldDecoder.INT32.get(bytes, at);
            at += 4 + Math.max(0, length);
        }
        int length = (int) FieldDecoder.INT32.get(bytes, at);
        return length < 0 ? null : decoder.decode(bytes, at + 4, length);
    }

    /**
     * Whether a field a source column of {@code sourceType} sent can go unchanged into a target column of
     * {@code targetType}: both types' binary formats are the same (their {@code *_send} and {@code *_recv} agree).
     * The target's receive function still applies its own length, precision and validity checks.
     */
    static boolean sameFormat(String sourceType, String targetType) {
        String format = format(sourceType);
        return format != null && format.equals(format(targetType));
    }

    private static String format(String typeName) {
        String type = typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "int2", "smallserial" -> "int2";
            case "int4", "serial" -> "int4";
            case "int8", "bigserial" -> "int8";
            // textsend/textrecv, also for varchar, bpchar (its padding is part of the value), name and json
            case "text", "varchar", "bpchar", "name", "json" -> "text";
            case "bool", "float4", "float8", "numeric", "jsonb", "bytea", "uuid", "date", "time", "timestamp",
                    "timestamptz" -> type;
            default -> null;
        };
    }

    /**
     * The heap a row of this tuple may come to hold: the tuple's bytes (usually its own message array) and, once
     * decoded, its values, estimated at twice the bytes plus an object per field: the budget counts the worse case.
     */
    int sizeBytes() {
        long size = 64L + 16 + bytes.length + 2L * length + 40L * fieldCount();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
