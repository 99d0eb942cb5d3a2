package io.rowferry.sink;

import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.IfExists;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.dialect.Dialect;
import io.rowferry.schema.ColumnDefinition;
import io.rowferry.schema.ColumnPlan;
import io.rowferry.schema.NativeColumn;
import io.rowferry.schema.TypeChoice;
import io.rowferry.schema.TypeFit;
import io.rowferry.source.ReadPlan;
import io.rowferry.source.TableResolver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prepares the target table of a copy: creates it from the source's definition (columns in order, types mapped
 * across databases, nullability, primary key), or truncates or replaces an existing one, as asked; and says, per
 * column, how the source's type lands in the target's and whether any value can be lost.
 */
public final class TableSetup {
    private final Database target;
    private final TableRef typed;
    private final boolean create;
    private final IfExists ifExists;
    private final Map<String, String> typeMap;

    /**
     * What will happen to the target table, and how each column crosses.
     *
     * @param exists whether the target table exists now
     * @param action what is done before rows are written: "create", "replace", "truncate", "append"
     * @param createSql the CREATE TABLE statement when the table is created, else null
     * @param columns the per-column mapping
     */
    public record Plan(boolean exists, String action, String createSql, List<ColumnPlan> columns) {}

    /**
     * @param create create the table when it does not exist
     * @param ifExists what to do when it does
     * @param typeMap target DDL types for some columns (by name, any case), instead of the mapped ones
     */
    public TableSetup(Database target, TableRef table, boolean create, IfExists ifExists, Map<String, String> typeMap) {
        this.target = target;
        this.typed = table;
        this.create = create;
        this.ifExists = ifExists;
        this.typeMap = new HashMap<>();
        typeMap.forEach((column, type) -> this.typeMap.put(column.toLowerCase(Locale.ROOT), type));
        if (ifExists == IfExists.REPLACE && !create) {
            throw new RowferryException(ErrorKind.USAGE, "replacing the target table needs create (--create)");
        }
        if (!create && !typeMap.isEmpty()) {
            throw new RowferryException(ErrorKind.USAGE, "a type map applies to created tables; add --create");
        }
    }

    /** Reads the definitions and decides, without changing anything. */
    public Plan plan(ReadPlan read) {
        SourceDefinition source = SourceDefinition.of(read);
        for (String column : typeMap.keySet()) {
            if (source.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
                throw new RowferryException(ErrorKind.NOT_FOUND, "type map names column " + column
                        + ", which the source does not have; it has "
                        + source.columns().stream().map(ColumnDefinition::name).toList());
            }
        }
        Dialect dialect = target.dialect();
        try (Connection connection = target.connect()) {
            TableRef existing = find(connection);
            boolean exists = existing != null;
            if (exists && create && ifExists == IfExists.FAIL) {
                throw new RowferryException(ErrorKind.USAGE, "target table " + existing + " already exists on "
                        + target.describe() + "; choose --if-exists append, truncate or replace");
            }
            if (!exists && !create) {
                throw new RowferryException(ErrorKind.NOT_FOUND, "table " + typed + " not found in "
                        + target.describe() + "; create it, or add --create");
            }
            if (exists && ifExists != IfExists.REPLACE && !typeMap.isEmpty()) {
                throw new RowferryException(ErrorKind.USAGE, "target table " + existing + " already exists, so the"
                        + " type map would change nothing; use --if-exists replace to create it again");
            }
            if (exists && ifExists != IfExists.REPLACE) {
                String action = ifExists == IfExists.TRUNCATE ? "truncate" : "append";
                return new Plan(true, action, null, existingColumns(connection, existing, source));
            }
            List<ColumnPlan> columns = createdColumns(source);
            return new Plan(exists, exists ? "replace" : "create", createSql(source, columns), columns);
        } catch (SQLException e) {
            throw target.failure("cannot read the target table " + typed, e);
        }
    }

    /** Carries the plan out: creates, replaces or truncates the table (or leaves it as it is). */
    public Plan apply(ReadPlan read) {
        Plan plan = plan(read);
        List<String> statements = new ArrayList<>();
        String table = target.dialect().qualifiedName(targetName());
        switch (plan.action()) {
            case "create" -> statements.add(plan.createSql());
            case "replace" -> {
                statements.add("DROP TABLE " + target.dialect().qualifiedName(existingName()));
                statements.add(plan.createSql());
            }
            case "truncate" -> statements.add(target.dialect().truncateSql(
                    target.dialect().qualifiedName(existingName())));
            default -> {
                return plan;
            }
        }
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw target.failure("cannot " + plan.action() + " target table " + table, e);
        }
        return plan;
    }

    private TableRef existingName;

    private TableRef existingName() {
        return existingName;
    }

    private TableRef find(Connection connection) {
        try {
            existingName = new TableResolver(target).resolve(connection, typed).table();
            return existingName;
        } catch (RowferryException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** The name a created table gets: as typed, in the target's case for unquoted names. */
    private TableRef targetName() {
        Dialect dialect = target.dialect();
        return new TableRef(typed.catalog(), typed.schema(), dialect.normalizeIdentifier(typed.name()));
    }

    private List<ColumnPlan> createdColumns(SourceDefinition source) {
        List<ColumnPlan> columns = new ArrayList<>();
        for (ColumnDefinition column : source.columns()) {
            String override = typeMap.get(column.name().toLowerCase(Locale.ROOT));
            if (override != null) {
                columns.add(new ColumnPlan(column.name(), column.nativeType(), column.type(), override, null,
                        "set by the type map"));
            } else {
                TypeChoice choice = target.dialect().columnType(column.type());
                String loss = choice.loss() != null ? choice.loss() : limitLoss(column, source);
                columns.add(new ColumnPlan(column.name(), column.nativeType(), column.type(), choice.ddl(), loss,
                        choice.note()));
            }
        }
        return columns;
    }

    /**
     * What the source's values hold beyond their declared type (NaN and infinities in floats and in unbounded
     * decimals, years) is lost in a created column as much as in an existing one, and the copy refuses it per value.
     * Except two rare values: NaN in a decimal with a declared precision (PostgreSQL's numeric(p,s) accepts it) and
     * U+0000 in text (which PostgreSQL's text lacks); reporting every numeric(p,s) and every text column copied into
     * PostgreSQL as lossy would hide the columns that really are. Such a value is still refused when it comes.
     */
    private String limitLoss(ColumnDefinition column, SourceDefinition source) {
        io.rowferry.schema.SqlType type = column.type();
        if (type.kind() == io.rowferry.schema.SqlType.Kind.DECIMAL && type.size() > 0 || type.isText()) {
            return null;
        }
        return TypeFit.limitLoss(type, source.limits(), target.dialect().typeLimits());
    }

    private String createSql(SourceDefinition source, List<ColumnPlan> columns) {
        Dialect dialect = target.dialect();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Boolean> nullable = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            names.add(dialect.quoteIdentifier(dialect.normalizeIdentifier(columns.get(i).name())));
            types.add(columns.get(i).targetType());
            nullable.add(source.columns().get(i).nullable());
        }
        List<String> key = source.primaryKey().stream()
                .map(name -> dialect.quoteIdentifier(dialect.normalizeIdentifier(name)))
                .toList();
        return dialect.createTableSql(dialect.qualifiedName(targetName()), names, types, nullable, key);
    }

    private List<ColumnPlan> existingColumns(Connection connection, TableRef table, SourceDefinition source)
            throws SQLException {
        List<ColumnDefinition> targetColumns = target.dialect().describeTable(connection, table);
        List<ColumnPlan> columns = new ArrayList<>();
        for (ColumnDefinition column : source.columns()) {
            ColumnDefinition into = targetColumns.stream()
                    .filter(c -> c.name().equalsIgnoreCase(column.name()))
                    .findFirst()
                    .orElseThrow(() -> new RowferryException(ErrorKind.NOT_FOUND, "column " + column.name()
                            + " of the source is not in target table " + table + " on " + target.describe()));
            String loss = TypeFit.loss(column.type(), into.type());
            if (loss == null) {
                loss = TypeFit.limitLoss(column.type(), source.limits(), target.dialect().typeLimits());
            }
            columns.add(new ColumnPlan(column.name(), column.nativeType(), column.type(), into.nativeType(), loss,
                    null));
        }
        return columns;
    }

    /** The source's columns (those the read returns, in its order) and its primary key if they include all of it. */
    record SourceDefinition(
            List<ColumnDefinition> columns, List<String> primaryKey, io.rowferry.schema.TypeLimits limits) {

        static SourceDefinition of(ReadPlan read) {
            Database database = read.database();
            try (Connection connection = database.connect()) {
                return read.tableRef() != null ? ofTable(connection, read) : ofQuery(connection, read);
            } catch (SQLException e) {
                throw database.failure("cannot read the definition of the " + read.sourceName(), e);
            }
        }

        private static SourceDefinition ofTable(Connection connection, ReadPlan read) throws SQLException {
            Dialect dialect = read.database().dialect();
            TableRef table = read.tableRef();
            List<ColumnDefinition> all = dialect.describeTable(connection, table);
            List<ColumnDefinition> columns = new ArrayList<>();
            for (String name : read.columnNames()) {
                all.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(columns::add);
            }
            Map<Integer, String> key = new TreeMap<>();
            try (ResultSet keys = connection.getMetaData().getPrimaryKeys(table.catalog(), table.schema(), table.name())) {
                while (keys.next()) {
                    key.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
                }
            }
            List<String> primaryKey = new ArrayList<>(key.values());
            if (!read.columnNames().containsAll(primaryKey)) {
                primaryKey = List.of(); // the key is not among the columns read
            }
            return new SourceDefinition(columns, primaryKey, dialect.typeLimits());
        }

        private static SourceDefinition ofQuery(Connection connection, ReadPlan read) throws SQLException {
            Dialect dialect = read.database().dialect();
            List<ColumnDefinition> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet empty = statement.executeQuery(
                            "SELECT * FROM (" + read.cursorSql() + ") rowferry_query WHERE 1 = 0")) {
                ResultSetMetaData metaData = empty.getMetaData();
                for (int i = 1; i <= metaData.getColumnCount(); i++) {
                    NativeColumn column = new NativeColumn(metaData.getColumnLabel(i), metaData.getColumnType(i),
                            metaData.getColumnTypeName(i), metaData.getPrecision(i), metaData.getScale(i), null,
                            metaData.isNullable(i) != ResultSetMetaData.columnNoNulls);
                    columns.add(new ColumnDefinition(column.name(), dialect.sqlType(column), column.nullable(),
                            column.typeName()));
                }
            }
            return new SourceDefinition(columns, List.of(), dialect.typeLimits());
        }
    }
}
