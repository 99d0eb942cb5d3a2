package io.rowferry;

import java.util.List;

/** A row both tables hold with different values: its key and the columns whose values differ, in column order. */
public record ChangedRow(RowKey key, List<String> columns) {

    public ChangedRow {
        columns = List.copyOf(columns);
    }

    @Override
    public String toString() {
        return key + " (" + String.join(", ", columns) + ")";
    }
}
