package io.rowferry.dialect.h2;

import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/**
 * H2, embedded or server. By default H2 computes a whole result before returning the first row (spilling to
 * disk beyond {@code MAX_MEMORY_ROWS}); {@code SET LAZY_QUERY_EXECUTION 1} makes it produce rows as they are
 * fetched (https://h2database.com/html/commands.html#set_lazy_query_execution).
 */
public class H2Dialect extends AbstractDialect {

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:h2:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "h2");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.ROW_VALUE_COMPARISON, Capability.STREAMING_CURSOR, Capability.EMBEDDED);
    }

    @Override
    protected String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    /** H2's own {@code MERGE INTO ... KEY (...) VALUES}: an update of the row with that key, or an insert. */
    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                + ") VALUES (" + placeholders + ")";
    }

    @Override
    protected String offsetClause(int limit, long offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    @Override
    public PreparedStatement prepareStreamingRead(Connection connection, String sql, int fetchSize)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION 1");
        }
        return super.prepareStreamingRead(connection, sql, fetchSize);
    }

    @Override
    public void finishStreamingRead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION 0");
        }
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return H2Types.columnType(type);
    }

    /** Unquoted names are folded to upper case here. */
    @Override
    public String normalizeIdentifier(String name) {
        return name.equals(name.toLowerCase(java.util.Locale.ROOT)) ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }
}
