package io.rowferry.verify;

import io.rowferry.Database;
import io.rowferry.RowSchema;
import io.rowferry.dialect.BucketQuery;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.ColumnReader;
import io.rowferry.dialect.Dialect;
import io.rowferry.schema.SqlType;
import io.rowferry.source.TableResolver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the two tables being compared, with the connection its statements run on: its compared columns (stored
 * names, in the order of the other side's), their types as this database describes them, and the SQL of the key's and
 * the row's canonical texts in this database's dialect. Not thread-safe: one thread works one side.
 */
final class VerifySide implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VerifySide.class);
    private final String name;
    private final Database database;
    private final Dialect dialect;
    private final String table;
    private final io.rowferry.TableRef tableRef;
    private final String describedTable;
    private final List<String> columns;
    private final List<SqlType> types;
    private final List<String> keyColumns;
    private final String filter;
    private final String keyText;
    private final String rowText;
    private final String integerKey;
    private final Connection connection;

    /**
     * @param name {@code source} or {@code target}, for messages
     * @param table the qualified, quoted table
     * @param describedTable the table as the user named it, for messages
     * @param columns the stored names of the compared columns, the key's first
     * @param types their types, in the same order
     * @param keySize how many of the first columns are the key
     * @param encoding how each column's field is written into the row text, and how rows are put into buckets; the
     *     same on both sides
     */
    VerifySide(String name, Database database, String table, io.rowferry.TableRef tableRef, String describedTable,
            List<String> columns, List<SqlType> types, int keySize, String filter, RowEncoding encoding) {
        this.name = name;
        this.database = database;
        this.dialect = database.dialect();
        this.table = table;
        this.tableRef = tableRef;
        this.describedTable = describedTable;
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
        this.filter = filter;
        List<String> quoted = columns.stream().map(dialect::quoteIdentifier).toList();
        this.keyColumns = quoted.subList(0, keySize);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            texts.add(dialect.canonicalTextSql(quoted.get(i), types.get(i)));
        }
        this.keyText = dialect.rowTextSql(texts.subList(0, keySize), encoding.delimited().subList(0, keySize));
        this.rowText = dialect.rowTextSql(texts, encoding.delimited());
        this.integerKey = encoding.integerBuckets() ? keyColumns.get(0) : null;
        this.connection = database.connect();
        try {
            dialect.prepareVerify(connection);
        } catch (SQLException e) {
            close();
            throw database.failure("cannot prepare the verification of table " + describedTable, e);
        }
    }

    /** The same side on a connection of its own, for a share of a pass run at the same time as this one's. */
    private VerifySide(VerifySide other) {
        this.name = other.name;
        this.database = other.database;
        this.dialect = other.dialect;
        this.table = other.table;
        this.tableRef = other.tableRef;
        this.describedTable = other.describedTable;
        this.columns = other.columns;
        this.types = other.types;
        this.filter = other.filter;
        this.keyColumns = other.keyColumns;
        this.keyText = other.keyText;
        this.rowText = other.rowText;
        this.integerKey = other.integerKey;
        this.connection = database.connect();
        try {
            dialect.prepareVerify(connection);
        } catch (SQLException e) {
            close();
            throw database.failure("cannot prepare the verification of table " + describedTable, e);
        }
    }

    /** Another connection to this side's table, with the same SQL. */
    VerifySide another() {
        return new VerifySide(this);
    }

    String describe() {
        return "table " + describedTable + " on " + database.describe();
    }

    List<String> columns() {
        return columns;
    }

    List<SqlType> types() {
        return types;
    }

    Dialect dialect() {
        return dialect;
    }

    String keyTextSql() {
        return keyText;
    }

    String rowTextSql() {
        return rowText;
    }

    /** The table's row count as the database's statistics have it, else counted (with the filter). */
    long estimatedRows() {
        try {
            java.util.OptionalLong estimate = dialect.estimatedRowCount(connection, tableRef);
            if (estimate.isPresent() && estimate.getAsLong() > 0) {
                return estimate.getAsLong();
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table
                    + (filter == null ? "" : " WHERE " + filter));
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw database.failure("cannot count the rows of table " + describedTable, e);
        }
    }

    /** Row count and hash sum per bucket of {@code prefixLength} digits, within the parents (none: every row). */
    Map<String, BucketStats> aggregate(int prefixLength, List<String> parents) {
        return aggregate(prefixLength, parents, 0);
    }

    /**
     * Row count and hash sum per bucket of {@code prefixLength} digits, within the parents of {@code parentLength}
     * digits (0: one fewer than {@code prefixLength}).
     */
    Map<String, BucketStats> aggregate(int prefixLength, List<String> parents, int parentLength) {
        String sql = dialect.bucketAggregateSql(new BucketQuery(table, keyText, rowText, filter, prefixLength,
                parents.size(), integerKey, parentLength));
        Map<String, BucketStats> buckets = new HashMap<>();
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, parents);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    BigDecimal sum = result.getBigDecimal(3);
                    buckets.put(result.getString(1).toLowerCase(java.util.Locale.ROOT),
                            new BucketStats(result.getLong(2), sum == null ? java.math.BigInteger.ZERO
                                    : sum.toBigIntegerExact()));
                }
            }
        } catch (SQLException e) {
            throw database.failure("cannot compute the row hashes of table " + describedTable, e);
        }
        LOG.debug("{}: {} buckets of {} digits in {} ms: {}", name, buckets.size(), prefixLength,
                (System.nanoTime() - started) / 1_000_000, sql);
        return buckets;
    }

    /** The rows of these buckets (each named by {@code prefixLength} digits): key text, row hash and key values. */
    List<LeafRow> rows(int prefixLength, List<String> buckets) {
        String sql = dialect.bucketRowsSql(
                new BucketQuery(table, keyText, rowText, filter, prefixLength, buckets.size(), integerKey), keyColumns);
        List<LeafRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, buckets);
            try (ResultSet result = statement.executeQuery()) {
                ColumnReader[] readers = readers(TableResolver.schemaOf(result.getMetaData()), 2, keyColumns.size());
                while (result.next()) {
                    Object[] key = new Object[readers.length];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = readers[i].read(result, i + 3);
                    }
                    rows.add(new LeafRow(result.getString(1), result.getLong(2), key));
                }
            }
        } catch (SQLException e) {
            throw database.failure("cannot read the row hashes of table " + describedTable, e);
        }
        return rows;
    }

    /** The compared columns' values of the rows with these keys, by key text. */
    Map<String, Object[]> fetch(List<LeafRow> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> quoted = columns.stream().map(dialect::quoteIdentifier).toList();
        String sql = "SELECT " + keyText + ", " + String.join(", ", quoted) + " FROM " + table + " WHERE "
                + keyLookup(keys.size());
        Map<String, Object[]> rows = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            RowSchema keySchema = keySchema();
            ColumnBinder[] binders = new ColumnBinder[keyColumns.size()];
            for (int i = 0; i < binders.length; i++) {
                binders[i] = dialect.columnBinder(keySchema.column(i));
            }
            int index = 1;
            for (LeafRow row : keys) {
                for (int i = 0; i < binders.length; i++) {
                    binders[i].bind(statement, index++, row.key()[i]);
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                ColumnReader[] readers = readers(TableResolver.schemaOf(result.getMetaData()), 1, columns.size());
                while (result.next()) {
                    Object[] values = new Object[readers.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = readers[i].read(result, i + 2);
                    }
                    rows.put(result.getString(1), values);
                }
            }
        } catch (SQLException e) {
            throw database.failure("cannot read rows of table " + describedTable + " by key", e);
        }
        return rows;
    }

    /** {@code k IN (?, ?)} for a one-column key, {@code (a = ? AND b = ?) OR ...} otherwise. */
    private String keyLookup(int count) {
        if (keyColumns.size() == 1) {
            return keyColumns.get(0) + " IN (" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
        }
        String one = "(" + String.join(" AND ", keyColumns.stream().map(k -> k + " = ?").toList()) + ")";
        return String.join(" OR ", java.util.Collections.nCopies(count, one));
    }

    private RowSchema keySchema;

    /** The key columns as the driver describes them, for binding key values back. */
    private RowSchema keySchema() throws SQLException {
        if (keySchema == null) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + String.join(", ", keyColumns) + " FROM " + table + " WHERE 1 = 0");
                    ResultSet empty = statement.executeQuery()) {
                keySchema = TableResolver.schemaOf(empty.getMetaData());
            }
        }
        return keySchema;
    }

    private ColumnReader[] readers(RowSchema schema, int skip, int count) {
        ColumnReader[] readers = new ColumnReader[count];
        for (int i = 0; i < count; i++) {
            readers[i] = dialect.columnReader(schema.column(skip + i));
        }
        return readers;
    }

    /** Bucket names: hex digits, or for integer buckets the remainder, bound as a number. */
    private void bindAll(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            if (integerKey != null) {
                statement.setLong(i + 1, Long.parseLong(values.get(i)));
            } else {
                statement.setString(i + 1, values.get(i));
            }
        }
    }

    /** Whether buckets are key remainders (named by a number) rather than MD5 digits. */
    boolean integerBuckets() {
        return integerKey != null;
    }

    /** The most digits a bucket name can have: 32 hex digits of an MD5, or 16^15 as the largest modulus. */
    int maxDigits() {
        return integerKey != null ? 15 : 32;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort; the verification's outcome is already decided
        }
    }
}
