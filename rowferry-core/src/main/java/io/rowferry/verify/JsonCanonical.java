package io.rowferry.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON in one text per value: object keys sorted, no whitespace, numbers as their decimal value without trailing
 * zeros. PostgreSQL's jsonb sorts keys (shortest first) and drops whitespace, MariaDB's JSON keeps the text as written;
 * both mean the same document, and no database function gives the same text for it on both (docs/verify.md). Text
 * that is not JSON is kept as it is.
 */
final class JsonCanonical {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonCanonical() {}

    static String of(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return text;
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            write(value, out);
            return out.toString();
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new TreeMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next));
                }
                return array;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                BigDecimal number = new BigDecimal(parser.getString());
                return new Number(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
            }
            case VALUE_STRING:
                return parser.getString();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** A number's canonical digits, written without quotes. */
    private record Number(String digits) {}

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(entry.getKey().toString(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Number number) {
            out.append(number.digits());
        } else if (value instanceof String string) {
            quote(string, out);
        } else {
            out.append(value);
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
