package io.rowferry.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one value to a parameter, chosen once per target column. {@code value} may be null. */
@FunctionalInterface
public interface ColumnBinder {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;
}
