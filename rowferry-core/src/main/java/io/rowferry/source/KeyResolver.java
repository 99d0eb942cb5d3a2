package io.rowferry.source;

import io.rowferry.ErrorKind;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds a key a keyset read can page on: unique and never NULL, so that "after the last key" neither skips nor
 * repeats a row. A non-unique key loses rows at page boundaries (two rows with the same key, one on each
 * side); a nullable one loses the NULL rows, which no comparison matches.
 */
public final class KeyResolver {
    private final Connection connection;
    private final ResolvedTable table;
    private final Dialect dialect;
    private Set<String> notNull;

    public KeyResolver(Connection connection, ResolvedTable table, Dialect dialect) {
        this.connection = connection;
        this.table = table;
        this.dialect = dialect;
    }

    /** The primary key, else the narrowest unique index over NOT NULL columns; empty when there is none. */
    public Optional<List<String>> findKey() throws SQLException {
        List<String> primaryKey = primaryKey();
        if (!primaryKey.isEmpty() && nullableAmong(primaryKey).isEmpty()) {
            return Optional.of(primaryKey);
        }
        List<String> narrowest = null;
        for (List<String> columns : uniqueIndexes()) {
            if (nullableAmong(columns).isEmpty() && (narrowest == null || columns.size() < narrowest.size())) {
                narrowest = columns;
            }
        }
        return Optional.ofNullable(narrowest);
    }

    /** Checks a key the user named: it must exist, be NOT NULL, and cover a primary key or unique index. */
    public List<String> validate(List<String> typedKey) throws SQLException {
        List<String> key = table.columnNames(typedKey);
        TableRef name = table.table();
        List<String> nullable = nullableAmong(key);
        if (!nullable.isEmpty()) {
            throw new RowferryException(ErrorKind.NOT_FOUND, "keyset key " + key + " of table " + name
                    + " has nullable column(s) " + nullable + "; rows with NULL keys would be skipped."
                    + " Use a NOT NULL key or --strategy cursor");
        }
        Set<String> keySet = lower(key);
        List<List<String>> uniques = new ArrayList<>(uniqueIndexes());
        List<String> primaryKey = primaryKey();
        if (!primaryKey.isEmpty()) {
            uniques.add(primaryKey);
        }
        boolean unique = uniques.stream().anyMatch(columns -> keySet.containsAll(lower(columns)));
        if (!unique) {
            throw new RowferryException(ErrorKind.NOT_FOUND, "keyset key " + key + " of table " + name
                    + " is not unique (no primary key or unique index within it); pages would skip rows."
                    + " Use a unique key or --strategy cursor");
        }
        return key;
    }

    private List<String> primaryKey() throws SQLException {
        TableRef name = table.table();
        Map<Integer, String> bySequence = new TreeMap<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet keys = metaData.getPrimaryKeys(name.catalog(), name.schema(), name.name())) {
            while (keys.next()) {
                bySequence.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    private List<List<String>> uniqueIndexes() throws SQLException {
        return dialect.uniqueKeys(connection, table.table());
    }

    /** The columns among these that may hold NULL, by the catalog's IS_NULLABLE ("NO" means never NULL). */
    private List<String> nullableAmong(List<String> columns) throws SQLException {
        Set<String> notNull = notNullColumns();
        List<String> nullable = new ArrayList<>();
        for (String column : columns) {
            if (!notNull.contains(column.toLowerCase(Locale.ROOT))) {
                nullable.add(column);
            }
        }
        return nullable;
    }

    private Set<String> notNullColumns() throws SQLException {
        if (notNull == null) {
            TableRef name = table.table();
            Set<String> columns = new HashSet<>();
            try (ResultSet rows = connection.getMetaData().getColumns(name.catalog(), name.schema(), name.name(), null)) {
                while (rows.next()) {
                    if (!name.name().equals(rows.getString("TABLE_NAME"))) {
                        continue; // the name is a LIKE pattern: "order_s" also matches "orders"
                    }
                    if ("NO".equalsIgnoreCase(rows.getString("IS_NULLABLE"))) {
                        columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            notNull = columns;
        }
        return notNull;
    }

    private static Set<String> lower(List<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
