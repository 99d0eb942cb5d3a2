package io.rowferry.source;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The column an incremental copy follows (a last-modified timestamp, an ever-growing id): each run copies the rows
 * whose value is above the previous run's highest and at most this run's, read once at its start, so rows written
 * while a run copies are left for the next one, and none is copied by two runs.
 */
public final class Increment {
    private final Column column;
    private final String quoted;
    private final Database database;

    private Increment(Database database, Column column) {
        this.database = database;
        this.column = column;
        this.quoted = database.dialect().quoteIdentifier(column.name());
    }

    /** The column of the plan's table with this name (any case), or NOT_FOUND. */
    public static Increment resolve(ReadPlan plan, String name) {
        if (plan.tableRef() == null) {
            throw new RowferryException(ErrorKind.USAGE, "an incremental copy reads a table (--table), not a query");
        }
        Database database = plan.database();
        try (Connection connection = database.connect()) {
            ResolvedTable table = new TableResolver(database).resolve(connection, plan.tableRef());
            String stored = table.columnNames(List.of(name)).get(0);
            return new Increment(database, table.columns().column(table.columns().indexOf(stored)));
        } catch (SQLException e) {
            throw database.failure("cannot read the definition of " + plan.tableRef(), e);
        }
    }

    /** The column's stored name. */
    public String name() {
        return column.name();
    }

    /** The column's highest value among the plan's rows above {@code after} (null: all), or null when none. */
    public Object highest(ReadPlan plan, Object after) {
        ReadPlan above = after == null ? plan : plan.withCondition(quoted + " > ?", values(after));
        Dialect dialect = database.dialect();
        String sql = "SELECT MAX(" + quoted + ") AS " + quoted + " FROM " + plan.table()
                + (above.filter() == null ? "" : " WHERE " + above.filter());
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            above.filterValues().bind(statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                // read as the column itself is read, so the value binds back exactly
                return dialect.columnReader(column).read(result, 1);
            }
        } catch (SQLException e) {
            throw database.failure("cannot read the highest " + column.name() + " of " + plan.sourceName(), e);
        }
    }

    /** The read limited to values above {@code after} (null: from the lowest) up to {@code upTo}, included. */
    public ReadPlan limit(ReadPlan plan, Object after, Object upTo) {
        ReadPlan limited = plan.withCondition(quoted + " <= ?", values(upTo));
        return after == null ? limited : limited.withCondition(quoted + " > ?", values(after));
    }

    private FilterValues values(Object value) {
        return new FilterValues(List.of(value), List.of(database.dialect().columnBinder(column)));
    }
}
