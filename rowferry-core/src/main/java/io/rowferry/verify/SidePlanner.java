package io.rowferry.verify;

import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import io.rowferry.schema.ColumnDefinition;
import io.rowferry.schema.SqlType;
import io.rowferry.source.ReadPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves both tables before anything is hashed: the key (the source's primary key unless named, and unique NOT NULL
 * there), the compared columns (the key's first, then the others in the source's order), their stored names on each
 * side and their types as each database describes them.
 */
final class SidePlanner {
    private SidePlanner() {}

    /** The two sides, source first, each with an open connection. */
    static VerifySide[] plan(VerifySpec spec) {
        ReadPlan source = sourcePlan(spec);
        List<String> keys = source.keyNames();
        List<String> columns = new ArrayList<>(keys);
        for (String column : source.columnNames()) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        ReadPlan target;
        try {
            target = Rowferry.read(spec.target()).table(spec.targetTable()).columns(columns.toArray(String[]::new))
                    .cursor().plan();
        } catch (RowferryException e) {
            throw new RowferryException(e.kind(), "target " + e.getMessage() + " (on " + spec.target().describe() + ")",
                    e);
        }
        List<SqlType> sourceTypes = types(spec.source(), source, spec.sourceTable(), columns);
        List<SqlType> targetTypes = types(spec.target(), target, spec.targetTable(), target.columnNames());
        RowEncoding encoding = RowEncoding.of(sourceTypes, targetTypes, keys.size());
        VerifySide sourceSide = new VerifySide("source", spec.source(), source.table(), source.tableRef(),
                spec.sourceTable(), columns, sourceTypes, keys.size(), spec.filter(), encoding);
        try {
            VerifySide targetSide = new VerifySide("target", spec.target(), target.table(), target.tableRef(),
                    spec.targetTable(), target.columnNames(), targetTypes, keys.size(), spec.filter(), encoding);
            return new VerifySide[] {sourceSide, targetSide};
        } catch (RuntimeException e) {
            sourceSide.close();
            throw e;
        }
    }

    private static ReadPlan sourcePlan(VerifySpec spec) {
        var read = Rowferry.read(spec.source()).table(spec.sourceTable()).keyset();
        if (!spec.key().isEmpty()) {
            read.key(spec.key().toArray(String[]::new));
        }
        if (!spec.columns().isEmpty()) {
            List<String> columns = new ArrayList<>(spec.key());
            spec.columns().stream().filter(c -> !spec.key().contains(c)).forEach(columns::add);
            read.columns(columns.toArray(String[]::new));
        }
        try {
            return read.plan();
        } catch (RowferryException e) {
            if (e.kind() == ErrorKind.NOT_FOUND && e.getMessage().contains("no primary key")) {
                throw new RowferryException(ErrorKind.NOT_FOUND, "table " + spec.sourceTable() + " on "
                        + spec.source().describe() + " has no primary key or unique NOT NULL key to match rows by;"
                        + " name one with --key", e);
            }
            if (e.getMessage() != null && e.getMessage().contains("--strategy cursor")) {
                // the read planner's hint is for copies; a verification has no cursor strategy to fall back on
                throw new RowferryException(e.kind(), e.getMessage().replace(" or --strategy cursor", "")
                        .replace(" or use --strategy cursor", ""), e);
            }
            throw e;
        }
    }

    private static List<SqlType> types(Database database, ReadPlan plan, String typedTable, List<String> columns) {
        Map<String, SqlType> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Connection connection = database.connect()) {
            for (ColumnDefinition column : database.dialect().describeTable(connection, plan.tableRef())) {
                types.putIfAbsent(column.name(), column.type());
            }
        } catch (SQLException e) {
            throw database.failure("cannot read the columns of table " + typedTable, e);
        }
        List<SqlType> columnTypes = new ArrayList<>();
        for (String column : columns) {
            SqlType type = types.get(column);
            if (type == null) {
                throw new RowferryException(ErrorKind.NOT_FOUND, "column " + column + " of table " + typedTable
                        + " on " + database.describe() + " has no type in its metadata");
            }
            columnTypes.add(type);
        }
        return columnTypes;
    }
}
