package io.rowferry.schema;

import java.util.List;

/** A table's columns in order and its primary key: what {@code --create} needs to build the target. */
public record TableDefinition(List<ColumnDefinition> columns, List<String> primaryKey) {

    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }
}
