package io.rowferry.source;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds a table the way the user typed it ({@code orders} finds H2's {@code ORDERS} and PostgreSQL's
 * {@code orders}) and reads its columns, so that SQL can quote the stored names exactly and a missing table
 * or column is reported by name before anything runs.
 */
public final class TableResolver {
    private final Database database;
    private final Dialect dialect;

    public TableResolver(Database database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    /** The table as stored, or a NOT_FOUND error naming it. */
    public ResolvedTable resolve(Connection connection, TableRef typed) {
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            String catalog = typed.catalog();
            String schema = typed.schema();
            if (dialect.catalogIsSchema() && catalog == null && schema != null) {
                catalog = schema; // MySQL/MariaDB: db.table names a catalog
                schema = null;
            }
            List<TableRef> found = new ArrayList<>();
            for (String name : candidates(typed.name())) {
                for (String schemaName : schema == null ? java.util.Collections.<String>singletonList(null)
                        : candidates(schema)) {
                    for (String catalogName : catalog == null ? java.util.Collections.<String>singletonList(null)
                            : candidates(catalog)) {
                        collect(metaData, catalogName, schemaName, name, found);
                    }
                }
                if (!found.isEmpty()) {
                    break;
                }
            }
            TableRef table = choose(connection, typed, found);
            RowSchema columns = describeColumns(connection, dialect.qualifiedName(table));
            return new ResolvedTable(table, dialect.qualifiedName(table), columns);
        } catch (SQLException e) {
            throw database.failure("cannot read the metadata of table " + typed, e);
        }
    }

    private static Set<String> candidates(String name) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        names.add(name.toUpperCase(Locale.ROOT));
        names.add(name.toLowerCase(Locale.ROOT));
        return names;
    }

    private void collect(DatabaseMetaData metaData, String catalog, String schema, String name, List<TableRef> found)
            throws SQLException {
        try (ResultSet tables = metaData.getTables(catalog, escape(metaData, schema), escape(metaData, name), null)) {
            while (tables.next()) {
                String type = tables.getString("TABLE_TYPE");
                if (type != null && (type.contains("INDEX") || type.contains("SEQUENCE"))) {
                    continue;
                }
                String foundName = tables.getString("TABLE_NAME");
                if (!foundName.equals(name)) {
                    continue; // a LIKE pattern matched more than the name itself
                }
                found.add(new TableRef(tables.getString("TABLE_CAT"), tables.getString("TABLE_SCHEM"), foundName));
            }
        }
    }

    private static String escape(DatabaseMetaData metaData, String pattern) throws SQLException {
        if (pattern == null) {
            return null;
        }
        String escape = metaData.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return pattern;
        }
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private TableRef choose(Connection connection, TableRef typed, List<TableRef> found) throws SQLException {
        if (found.isEmpty()) {
            throw new RowferryException(ErrorKind.NOT_FOUND, "table " + typed + " not found in " + database.describe());
        }
        List<TableRef> choices = found;
        if (found.size() > 1) {
            // Prefer the connection's current schema (PostgreSQL search_path, H2's PUBLIC) or catalog (MySQL db).
            String currentSchema = connection.getSchema();
            String currentCatalog = connection.getCatalog();
            List<TableRef> current = found.stream()
                    .filter(t -> (t.schema() == null || Objects.equals(t.schema(), currentSchema))
                            && (t.catalog() == null || Objects.equals(t.catalog(), currentCatalog)))
                    .toList();
            if (!current.isEmpty()) {
                choices = current;
            }
        }
        if (choices.size() > 1) {
            throw new RowferryException(ErrorKind.USAGE, "table name " + typed + " is ambiguous in "
                    + database.describe() + ": " + choices + "; qualify it with its schema");
        }
        TableRef table = choices.get(0);
        // Qualify only as far as the user did: an unqualified name keeps working with the current schema.
        String catalog = typed.catalog() != null || (dialect.catalogIsSchema() && typed.schema() != null)
                ? table.catalog() : null;
        String schema = typed.schema() != null && !dialect.catalogIsSchema() ? table.schema() : null;
        return new TableRef(catalog, schema, table.name());
    }

    /** The columns of a query or table, from an empty result's metadata. */
    public RowSchema describeColumns(Connection connection, String qualifiedTable) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("SELECT * FROM " + qualifiedTable + " WHERE 1 = 0")) {
            return schemaOf(empty.getMetaData());
        }
    }

    /** A RowSchema from result-set metadata. */
    public static RowSchema schemaOf(ResultSetMetaData metaData) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            String label = metaData.getColumnLabel(i);
            columns.add(new Column(
                    label == null || label.isEmpty() ? metaData.getColumnName(i) : label,
                    metaData.getColumnType(i),
                    metaData.getColumnTypeName(i),
                    metaData.getPrecision(i),
                    metaData.getScale(i),
                    metaData.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return new RowSchema(columns);
    }
}
