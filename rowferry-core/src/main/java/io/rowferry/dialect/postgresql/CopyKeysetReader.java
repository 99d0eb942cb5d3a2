package io.rowferry.dialect.postgresql;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.dialect.KeysetSql;
import io.rowferry.dialect.PageQuery;
import io.rowferry.source.ReadPlan;
import io.rowferry.source.RowReader;
import io.rowferry.source.TableResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * Keyset pages read with binary {@code COPY (SELECT ... WHERE key > last ORDER BY key LIMIT n) TO STDOUT}: the
 * same pages, in the same order, as the JDBC keyset reader, each its own short statement, but in the server's binary
 * encoding, which costs far less to produce and to take apart than result rows (and can be written into another
 * PostgreSQL table unchanged, see {@link CopyTuple}).
 *
 * <p>COPY takes no parameters, so the page's values (the last key, the range's end, the filter's values) go into
 * the statement as literals; the server writes them ({@code quote_nullable(value::text)} of each value bound as the
 * JDBC reader binds it), so every type reads back as the value it was. The planner chooses this reader only when
 * the filter and the names hold no {@code ?}, so every {@code ?} in a page's statement is a placeholder.
 */
final class CopyKeysetReader implements RowReader {
    private final ReadPlan plan;
    private final Connection connection;
    private final List<String> selected;
    private final int[] keyPositions;
    private final int limit;
    private CopyManager copyManager;
    private RowSchema schema;
    private FieldDecoder[] decoders;
    private FieldDecoder[] keyDecoders;
    private Object[] lastKey;
    private CopyOut copy;
    private BinaryCopyStream tuples;
    private int rowsInPage;
    private boolean lastPage;
    private boolean closed;

    private CopyKeysetReader(ReadPlan plan) {
        this.plan = plan;
        this.selected = plan.pageColumns();
        this.keyPositions = plan.keyColumns().stream().mapToInt(selected::indexOf).toArray();
        this.limit = plan.fetchSize();
        this.lastKey = plan.startAfter() == null ? null : plan.startAfter().clone();
        this.connection = plan.database().connect();
    }

    static CopyKeysetReader open(ReadPlan plan) {
        CopyKeysetReader reader = new CopyKeysetReader(plan);
        try {
            reader.start();
            return reader;
        } catch (SQLException | RuntimeException e) {
            reader.close();
            if (e instanceof SQLException sql) {
                throw plan.database().failure("cannot read " + plan.sourceName(), sql);
            }
            throw (RuntimeException) e;
        }
    }

    /** Runs the first page, so a bad table, column or filter fails at open, not at the first row. */
    private void start() throws SQLException {
        if (plan.snapshot() != null) {
            plan.database().dialect().joinSnapshot(connection, plan.snapshot());
        } else {
            connection.setAutoCommit(true);
        }
        copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        KeysetSql page = pageSql();
        // the columns exactly as the JDBC keyset reader reports them: its statement, described without running it
        RowSchema all;
        try (PreparedStatement describe = connection.prepareStatement(page.sql())) {
            all = TableResolver.schemaOf(describe.getMetaData());
        }
        FieldDecoder[] allDecoders = CopyOutReader.decodersOf(all);
        schema = new RowSchema(all.columns().subList(0, plan.columns().size()));
        decoders = java.util.Arrays.copyOf(allDecoders, schema.size());
        keyDecoders = new FieldDecoder[keyPositions.length];
        for (int k = 0; k < keyPositions.length; k++) {
            keyDecoders[k] = allDecoders[keyPositions[k]];
        }
        openPage(page);
    }

    private KeysetSql pageSql() {
        return plan.database().dialect().keysetPageSql(new PageQuery(plan.table(), selected, plan.keyColumns(),
                plan.filter(), lastKey != null, limit, plan.endAt() != null));
    }

    private void openPage(KeysetSql page) throws SQLException {
        String sql = inline(page.sql(), literals(page));
        copy = copyManager.copyOut("COPY (" + sql + ") TO STDOUT (FORMAT binary)");
        tuples = new BinaryCopyStream(copy, selected.size(), decoders);
        rowsInPage = 0;
    }

    /** The page's values in placeholder order, as SQL literals the server wrote. */
    private List<String> literals(KeysetSql page) throws SQLException {
        int count = plan.filterValues().values().size() + (lastKey == null ? 0 : page.parameterKeyIndexes().length)
                + page.upperKeyIndexes().length;
        List<String> literals = new ArrayList<>(count);
        if (count == 0) {
            return literals;
        }
        StringBuilder query = new StringBuilder("SELECT ");
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? "" : ", ").append("quote_nullable(?::text)");
        }
        try (PreparedStatement statement = connection.prepareStatement(query.toString())) {
            int parameter = plan.filterValues().bind(statement, 1);
            if (lastKey != null) {
                for (int keyPart : page.parameterKeyIndexes()) {
                    plan.keyBinders().get(keyPart).bind(statement, parameter++, lastKey[keyPart]);
                }
            }
            for (int keyPart : page.upperKeyIndexes()) {
                plan.keyBinders().get(keyPart).bind(statement, parameter++, plan.endAt()[keyPart]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                for (int i = 1; i <= count; i++) {
                    literals.add(result.getString(i));
                }
            }
        }
        return literals;
    }

    /** {@code sql} with its {@code ?} placeholders replaced, in order, by {@code literals}. */
    static String inline(String sql, List<String> literals) {
        StringBuilder out = new StringBuilder(sql.length() + 32 * literals.size());
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c != '?') {
                out.append(c);
            } else if (next < literals.size()) {
                out.append(literals.get(next++));
            } else {
                throw new IllegalStateException("the page statement has more placeholders than values: " + sql);
            }
        }
        if (next != literals.size()) {
            throw new IllegalStateException("the page statement has " + next + " placeholders for "
                    + literals.size() + " values: " + sql);
        }
        return out.toString();
    }

    @Override
    public RowSchema schema() {
        return schema;
    }

    @Override
    public Object[] lastKey() {
        return lastKey;
    }

    @Override
    public Row next() throws SQLException {
        while (!closed) {
            if (tuples == null) {
                if (lastPage) {
                    close();
                    return null;
                }
                openPage(pageSql());
            }
            CopyTuple tuple = tuples.next();
            if (tuple != null) {
                rowsInPage++;
                Object[] key = new Object[keyPositions.length];
                for (int k = 0; k < key.length; k++) {
                    key[k] = tuple.field(keyPositions[k], keyDecoders[k]);
                }
                lastKey = key;
                return Row.encoded(schema, tuple, tuple.sizeBytes());
            }
            tuples = null;
            copy = null;
            lastPage = rowsInPage < limit;
        }
        return null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            CopyOutReader.end(copy, connection, plan.snapshot() != null, plan.sourceName());
        }
    }
}
