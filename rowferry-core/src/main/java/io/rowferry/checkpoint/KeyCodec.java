package io.rowferry.checkpoint;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a key (the values of the key columns, as the readers produce them) as JSON text for the state table and
 * reads it back as the same Java objects, so a resumed read binds exactly the key it stopped at. Each part is a
 * pair of type tag and canonical text: {@code [["long","42"],["text","Zoë"]]}; text keeps every character, numbers
 * and times their full precision.
 */
public final class KeyCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private KeyCodec() {}

    /** The key as JSON text; null for a null key (a split not yet started). */
    public static String encode(Object[] key) {
        if (key == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartArray();
            for (Object part : key) {
                json.writeStartArray();
                json.writeString(tag(part));
                json.writeString(text(part));
                json.writeEndArray();
            }
            json.writeEndArray();
        }
        return out.toString();
    }

    /** The key back from {@link #encode}; null for null. */
    public static Object[] decode(String text) {
        if (text == null) {
            return null;
        }
        List<Object> parts = new ArrayList<>();
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
            expect(json.nextToken(), JsonToken.START_ARRAY, text);
            while (json.nextToken() == JsonToken.START_ARRAY) {
                expect(json.nextToken(), JsonToken.VALUE_STRING, text);
                String tag = json.getString();
                expect(json.nextToken(), JsonToken.VALUE_STRING, text);
                parts.add(value(tag, json.getString()));
                expect(json.nextToken(), JsonToken.END_ARRAY, text);
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new RowferryException(ErrorKind.USAGE, "the checkpoint key " + text + " is not valid: "
                    + e.getOriginalMessage());
        }
        return parts.toArray();
    }

    private static void expect(JsonToken token, JsonToken expected, String text) {
        if (token != expected) {
            throw new RowferryException(ErrorKind.USAGE, "the checkpoint key " + text + " is not valid");
        }
    }

    private static String tag(Object part) {
        if (part == null) {
            throw new RowferryException(ErrorKind.INTERNAL, "a key part is NULL; keyset keys are NOT NULL");
        }
        if (part instanceof Integer) return "int";
        if (part instanceof Long) return "long";
        if (part instanceof Short) return "short";
        if (part instanceof Byte) return "byte";
        if (part instanceof BigInteger) return "bigint";
        if (part instanceof BigDecimal) return "decimal";
        if (part instanceof Double) return "double";
        if (part instanceof Float) return "float";
        if (part instanceof Boolean) return "boolean";
        if (part instanceof String) return "text";
        if (part instanceof LocalDate) return "date";
        if (part instanceof LocalTime) return "time";
        if (part instanceof LocalDateTime) return "timestamp";
        if (part instanceof OffsetDateTime) return "timestamptz";
        if (part instanceof Instant) return "instant";
        if (part instanceof UUID) return "uuid";
        if (part instanceof byte[]) return "bytes";
        throw new RowferryException(ErrorKind.USAGE, "a key of type " + part.getClass().getSimpleName()
                + " cannot be recorded in a checkpoint; use another key (--key) or turn checkpoints off");
    }

    private static String text(Object part) {
        if (part instanceof BigDecimal decimal) {
            return decimal.toString(); // keeps the scale: 1.50 stays 1.50
        }
        if (part instanceof Double d) {
            return Long.toString(Double.doubleToRawLongBits(d)); // every bit, NaN and -0.0 included
        }
        if (part instanceof Float f) {
            return Integer.toString(Float.floatToRawIntBits(f));
        }
        if (part instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return part.toString(); // java.time and UUID print their ISO/canonical forms, which parse back exactly
    }

    private static Object value(String tag, String text) {
        return switch (tag) {
            case "int" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "short" -> Short.valueOf(text);
            case "byte" -> Byte.valueOf(text);
            case "bigint" -> new BigInteger(text);
            case "decimal" -> new BigDecimal(text);
            case "double" -> Double.longBitsToDouble(Long.parseLong(text));
            case "float" -> Float.intBitsToFloat(Integer.parseInt(text));
            case "boolean" -> Boolean.valueOf(text);
            case "text" -> text;
            case "date" -> LocalDate.parse(text);
            case "time" -> LocalTime.parse(text);
            case "timestamp" -> LocalDateTime.parse(text);
            case "timestamptz" -> OffsetDateTime.parse(text);
            case "instant" -> Instant.parse(text);
            case "uuid" -> UUID.fromString(text);
            case "bytes" -> HexFormat.of().parseHex(text);
            default -> throw new RowferryException(ErrorKind.USAGE, "the checkpoint key type " + tag + " is unknown");
        };
    }
}
