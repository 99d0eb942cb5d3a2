package io.rowferry.source;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a table in pages, each one short statement in autocommit mode, so nothing (no transaction, snapshot
 * or cursor) is held on the server between pages. A page shorter than its limit is the last one. Subclasses
 * say how a page's statement is made.
 */
abstract class PagedReader implements RowReader {
    protected final ReadPlan plan;
    protected final Dialect dialect;
    private final Connection connection;
    private final FetchSizer fetchSizer;
    private int limit;
    private PreparedStatement statement;
    private String statementSql;
    private ResultSet page;
    private int rowsInPage;
    private boolean lastPage;
    private boolean closed;
    private RowDecoder decoder;

    PagedReader(ReadPlan plan) {
        this.plan = plan;
        this.dialect = plan.database().dialect();
        this.fetchSizer = new FetchSizer(plan.fetchSize(), plan.fetchBytes());
        this.limit = fetchSizer.initial();
        this.connection = plan.database().connect();
    }

    /** Runs the first page, so a bad table, column or filter fails at open, not at the first row. */
    final PagedReader start() {
        try {
            if (plan.snapshot() != null) {
                dialect.joinSnapshot(connection, plan.snapshot());
            } else {
                connection.setAutoCommit(true);
            }
            openPage();
            return this;
        } catch (SQLException | RuntimeException e) {
            close();
            if (e instanceof SQLException sql) {
                throw plan.database().failure("cannot read " + plan.sourceName(), sql);
            }
            throw (RuntimeException) e;
        }
    }

    /** The SQL of a page of {@code limit} rows. */
    protected abstract String pageSql(int limit);

    /** Binds the page's parameters (the last key, for keyset pages). */
    protected abstract void bindPage(PreparedStatement statement) throws SQLException;

    /** Called for each row read, with the full result row (key columns included). */
    protected abstract void afterRow(ResultSet resultSet, RowDecoder decoder) throws SQLException;

    /** Called when a page is exhausted with the number of rows it held. */
    protected void afterPage(int rows) {}

    private void openPage() throws SQLException {
        String sql = pageSql(limit);
        if (!sql.equals(statementSql)) {
            // The first keyset page has no "after" predicate, and the limit changes once rows are measured.
            if (statement != null) {
                statement.close();
            }
            statement = connection.prepareStatement(sql);
            statementSql = sql;
        }
        bindPage(statement);
        page = statement.executeQuery();
        rowsInPage = 0;
        if (decoder == null) {
            RowSchema columns = TableResolver.schemaOf(page.getMetaData());
            decoder = new RowDecoder(dialect, columns, plan.columns().size());
        }
    }

    @Override
    public RowSchema schema() {
        return decoder.schema();
    }

    @Override
    public Row next() throws SQLException {
        while (!closed) {
            if (page == null) {
                if (lastPage) {
                    close();
                    return null;
                }
                openPage();
            }
            if (page.next()) {
                rowsInPage++;
                Row row = decoder.decode(page);
                afterRow(page, decoder);
                if (fetchSizer.sampledRows() < FetchSizer.PROBE_ROWS) {
                    fetchSizer.sample(row.sizeBytes());
                }
                return row;
            }
            page.close();
            page = null;
            afterPage(rowsInPage);
            lastPage = rowsInPage < limit;
            limit = fetchSizer.tuned();
        }
        return null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Exception failure = new Closer()
                .add(() -> {
                    if (page != null) {
                        page.close();
                    }
                })
                .add(() -> {
                    if (statement != null) {
                        statement.close();
                    }
                })
                .add(() -> {
                    if (plan.snapshot() != null && !connection.isClosed()) {
                        connection.rollback(); // ends the read-only snapshot transaction
                    }
                })
                .add(connection::close)
                .closeAll();
        if (failure != null) {
            org.slf4j.LoggerFactory.getLogger(PagedReader.class)
                    .debug("closing the read of {} failed: {}", plan.sourceName(), failure.toString());
        }
    }
}
