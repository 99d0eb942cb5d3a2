package io.rowferry.source;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.ReadStrategy;
import io.rowferry.RowferryException;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a read before it starts, on a short-lived metadata connection of its own (MySQL Connector/J refuses
 * any statement on a connection with an open streaming result, and MariaDB Connector/J would buffer the rest
 * of it): finds the table and columns, the key, and the strategy.
 */
public final class ReadPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(ReadPlanner.class);

    private ReadPlanner() {}

    public static ReadPlan plan(ReadSpec spec) {
        if ((spec.table() == null) == (spec.query() == null)) {
            throw new RowferryException(ErrorKind.USAGE, "read needs exactly one of a table or a query");
        }
        if (spec.fetchSize() < 1) {
            throw new RowferryException(ErrorKind.USAGE, "fetch size must be at least 1, was " + spec.fetchSize());
        }
        Database database = spec.database();
        Dialect dialect = database.dialect();
        if (spec.query() != null) {
            return planQuery(spec, database);
        }
        try (Connection connection = database.connect()) {
            ResolvedTable table = new TableResolver(database).resolve(connection, spec.table());
            List<String> names = spec.columns().isEmpty() ? table.columns().names() : table.columnNames(spec.columns());
            List<String> quoted = names.stream().map(dialect::quoteIdentifier).toList();
            KeyResolver keys = new KeyResolver(connection, table, dialect);
            ReadStrategy strategy = spec.strategy();
            List<String> key = List.of();
            if (strategy == ReadStrategy.KEYSET || strategy == ReadStrategy.OFFSET || !spec.keyColumns().isEmpty()) {
                key = spec.keyColumns().isEmpty()
                        ? keys.findKey().orElseThrow(() -> new RowferryException(ErrorKind.NOT_FOUND,
                                "table " + table.table() + " has no primary key or unique NOT NULL key for "
                                        + spec.strategy().name().toLowerCase(java.util.Locale.ROOT)
                                        + " pages; name one with --key or use --strategy cursor"))
                        : keys.validate(spec.keyColumns());
                if (strategy == ReadStrategy.AUTO) {
                    strategy = ReadStrategy.KEYSET;
                }
            } else if (strategy == ReadStrategy.AUTO) {
                Optional<List<String>> found = keys.findKey();
                strategy = found.isPresent() ? ReadStrategy.KEYSET : ReadStrategy.CURSOR;
                key = found.orElse(List.of());
            }
            if (strategy == ReadStrategy.CURSOR) {
                key = List.of();
            }
            if (strategy == ReadStrategy.OFFSET) {
                LOG.warn("offset pages rescan every earlier row: reading {} this way slows down as it goes;"
                        + " use keyset or cursor for real work", table.table());
            }
            if ((spec.startAfter() != null || spec.endAt() != null) && strategy != ReadStrategy.KEYSET) {
                throw new RowferryException(ErrorKind.USAGE, "a key range (start after, end at) needs the keyset strategy");
            }
            checkKeyLength("start-after", spec.startAfter(), key);
            checkKeyLength("end-at", spec.endAt(), key);
            List<ColumnBinder> binders = new ArrayList<>();
            for (String keyColumn : key) {
                Column column = table.columns().column(table.columns().indexOf(keyColumn));
                binders.add(dialect.columnBinder(column));
            }
            String cursorSql = strategy == ReadStrategy.CURSOR
                    ? dialect.selectSql(table.qualifiedName(), quoted, spec.filter()) : null;
            List<String> read = new ArrayList<>(names);
            key.stream().filter(part -> !read.contains(part)).forEach(read::add); // keyset pages also read the key
            boolean bulkRead = (strategy == ReadStrategy.CURSOR
                            || strategy == ReadStrategy.KEYSET && inlinable(spec.filter(), read, table.qualifiedName()))
                    && dialect.canBulkRead(connection, new io.rowferry.RowSchema(
                            read.stream().map(n -> table.columns().column(table.columns().indexOf(n))).toList()));
            return new ReadPlan(database, strategy, "table " + table.table(), table.table(), table.qualifiedName(),
                    names, quoted,
                    key.stream().map(dialect::quoteIdentifier).toList(), key, binders, spec.filter(), FilterValues.NONE,
                    cursorSql, spec.startAfter(), spec.endAt(), spec.fetchSize(), spec.fetchBytes(), null, bulkRead);
        } catch (SQLException e) {
            throw database.failure("cannot plan the read of table " + spec.table(), e);
        }
    }

    private static ReadPlan planQuery(ReadSpec spec, Database database) {
        if (spec.strategy() == ReadStrategy.KEYSET || spec.strategy() == ReadStrategy.OFFSET) {
            throw new RowferryException(ErrorKind.USAGE, spec.strategy().name().toLowerCase(java.util.Locale.ROOT)
                    + " pages need a table (--table); a query is read with the cursor strategy");
        }
        if (!spec.columns().isEmpty() || spec.filter() != null || !spec.keyColumns().isEmpty()) {
            throw new RowferryException(ErrorKind.USAGE,
                    "columns, filter and key apply to a table; put them in the query instead");
        }
        String query = spec.query().strip();
        while (query.endsWith(";")) {
            // pgjdbc treats a statement with a semicolon as several statements, which do not stream
            query = query.substring(0, query.length() - 1).strip();
        }
        return new ReadPlan(database, ReadStrategy.CURSOR, "query", null, null, null, null, List.of(), List.of(), List.of(),
                null, FilterValues.NONE, query, null, null, spec.fetchSize(), spec.fetchBytes(), null, false);
    }

    /**
     * Whether a bulk keyset read's pages can hold their values as literals (COPY takes no parameters): no {@code ?}
     * in the user's filter or the names, even quoted, where it could be mistaken for a placeholder. (A bulk cursor
     * read has no values to put in: its statement is the user's filter as it is.)
     */
    private static boolean inlinable(String filter, List<String> columns, String table) {
        return (filter == null || filter.indexOf('?') < 0) && table.indexOf('?') < 0
                && columns.stream().noneMatch(column -> column.indexOf('?') >= 0);
    }

    private static void checkKeyLength(String what, Object[] values, List<String> key) {
        if (values != null && values.length != key.size()) {
            throw new RowferryException(ErrorKind.USAGE, what + " key has " + values.length
                    + " values but the key " + key + " has " + key.size() + " columns");
        }
    }
}
