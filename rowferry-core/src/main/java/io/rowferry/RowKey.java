package io.rowferry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The key of one row a verification reports: each key column's name and value, in key order. */
public record RowKey(Map<String, Object> values) {

    public RowKey {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code id=42}, or {@code region=EU, id=7} for a composite key. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ");
        values.forEach((name, value) -> text.add(name + "=" + value));
        return text.toString();
    }
}
