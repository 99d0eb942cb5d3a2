package io.rowferry.source;

import io.rowferry.dialect.ColumnBinder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Values bound to the {@code ?} placeholders of a read's filter (an incremental copy's bounds), so that a timestamp
 * or a text is compared as the column's own type instead of as a literal spelled per database.
 *
 * @param values the values, in placeholder order
 * @param binders how to bind each one
 */
public record FilterValues(List<Object> values, List<ColumnBinder> binders) {
    public static final FilterValues NONE = new FilterValues(List.of(), List.of());

    public FilterValues {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        binders = List.copyOf(binders);
    }

    /** Binds the values from parameter {@code first} on; returns the next free parameter index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            binders.get(i).bind(statement, first + i, values.get(i));
        }
        return first + values.size();
    }
}
