package io.rowferry.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column's value from the current row, chosen once per column so rows are not type-switched. */
@FunctionalInterface
public interface ColumnReader {
    Object read(ResultSet resultSet, int index) throws SQLException;
}
