package io.rowferry.source;

import io.rowferry.ErrorKind;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A table found in the database: its stored name, its quoted qualified name for SQL, and its columns.
 */
public record ResolvedTable(TableRef table, String qualifiedName, RowSchema columns) {

    /** The stored names of the columns the user listed (any case), or a NOT_FOUND error naming the first unknown one. */
    public List<String> columnNames(List<String> typed) {
        List<String> names = new ArrayList<>();
        for (String name : typed) {
            int index = columns.indexOf(name.trim());
            if (index < 0) {
                throw new RowferryException(ErrorKind.NOT_FOUND,
                        "column " + name.trim() + " not found in table " + table + "; it has " + columns);
            }
            names.add(columns.column(index).name());
        }
        return names;
    }
}
