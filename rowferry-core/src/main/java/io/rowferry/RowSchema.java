package io.rowferry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a row, in order. One instance is shared by every row of a stream, so a row costs only
 * its values. Lookups by name are case-insensitive, as SQL identifiers usually are.
 */
public final class RowSchema {
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;
    private final Map<String, Integer> indexByLooseName;

    public RowSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.indexByName = new HashMap<>();
        this.indexByLooseName = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            String lower = this.columns.get(i).name().toLowerCase(Locale.ROOT);
            indexByName.putIfAbsent(lower, i);
            indexByLooseName.putIfAbsent(lower.replace("_", ""), i);
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The position of the named column, or -1 when there is none. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name.toLowerCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    /**
     * The position of the named column, or -1; with {@code ignoreUnderscores}, {@code orderid} also finds
     * {@code order_id} (used to map columns onto Java property names).
     */
    public int indexOf(String name, boolean ignoreUnderscores) {
        if (!ignoreUnderscores) {
            return indexOf(name);
        }
        Integer index = indexByLooseName.get(name.toLowerCase(Locale.ROOT).replace("_", ""));
        return index == null ? -1 : index;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
