package io.rowferry;

import java.util.Objects;

/**
 * A table name as the user wrote it: {@code orders}, {@code sales.orders} or {@code db.sales.orders}.
 * Rowferry resolves it against the database's metadata before use (see {@code TableResolver}), so the
 * parts here are what was typed, not necessarily the stored case.
 *
 * <p>Parts are split on dots outside double quotes; quotes are removed ({@code "my.table"} is one part).
 */
public record TableRef(String catalog, String schema, String name) {

    public TableRef {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new RowferryException(ErrorKind.USAGE, "table name is empty");
        }
    }

    public static TableRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RowferryException(ErrorKind.USAGE, "table name is empty");
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new RowferryException(ErrorKind.USAGE, "unbalanced quote in table name " + text);
        }
        parts.add(current.toString());
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new RowferryException(ErrorKind.USAGE, "empty part in table name " + text);
            }
        }
        return switch (parts.size()) {
            case 1 -> new TableRef(null, null, parts.get(0));
            case 2 -> new TableRef(null, parts.get(0), parts.get(1));
            case 3 -> new TableRef(parts.get(0), parts.get(1), parts.get(2));
            default -> throw new RowferryException(ErrorKind.USAGE, "too many dots in table name " + text);
        };
    }

    /** The name as typed, for messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (catalog != null) {
            text.append(catalog).append('.');
        }
        if (schema != null) {
            text.append(schema).append('.');
        }
        return text.append(name).toString();
    }
}
