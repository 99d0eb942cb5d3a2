package io.rowferry.source;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Streams one statement through the driver's streaming mode, which the dialect sets up (autocommit off and a
 * fetch size on PostgreSQL, {@code Integer.MIN_VALUE} on MySQL Connector/J, lazy execution on H2, ...).
 */
final class CursorReader implements RowReader {
    private final ReadPlan plan;
    private final Dialect dialect;
    private final Connection connection;
    private final FetchSizer fetchSizer;
    private PreparedStatement statement;
    private ResultSet resultSet;
    private RowDecoder decoder;
    private boolean tuned;
    private boolean exhausted;
    private boolean closed;

    private CursorReader(ReadPlan plan) {
        this.plan = plan;
        this.dialect = plan.database().dialect();
        this.fetchSizer = new FetchSizer(plan.fetchSize(), plan.fetchBytes());
        this.connection = plan.database().connect();
    }

    static CursorReader open(ReadPlan plan) {
        CursorReader reader = new CursorReader(plan);
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

    private void start() throws SQLException {
        statement = dialect.prepareStreamingRead(connection, plan.cursorSql(), fetchSizer.initial());
        plan.filterValues().bind(statement, 1);
        resultSet = statement.executeQuery();
        RowSchema columns = TableResolver.schemaOf(resultSet.getMetaData());
        decoder = new RowDecoder(dialect, columns, columns.size());
    }

    @Override
    public RowSchema schema() {
        return decoder.schema();
    }

    @Override
    public Row next() throws SQLException {
        if (closed) {
            return null;
        }
        if (!resultSet.next()) {
            exhausted = true;
            close();
            return null;
        }
        Row row = decoder.decode(resultSet);
        if (!tuned) {
            fetchSizer.sample(row.sizeBytes());
            if (fetchSizer.sampledRows() >= fetchSizer.initial()) {
                dialect.adjustFetchSize(resultSet, fetchSizer.tuned());
                tuned = true;
            }
        }
        return row;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Exception failure = new Closer()
                .add(() -> {
                    if (statement != null && resultSet != null && !exhausted) {
                        dialect.abandonStreamingRead(statement);
                    }
                })
                .add(() -> {
                    if (resultSet != null) {
                        resultSet.close();
                    }
                })
                .add(() -> {
                    if (statement != null) {
                        statement.close();
                    }
                })
                .add(() -> dialect.finishStreamingRead(connection))
                .add(connection::close)
                .closeAll();
        if (failure != null) {
            org.slf4j.LoggerFactory.getLogger(CursorReader.class)
                    .debug("closing the read of {} failed: {}", plan.sourceName(), failure.toString());
        }
    }
}
