package io.rowferry.dialect.duckdb;

import io.rowferry.Column;
import io.rowferry.ErrorKind;
import io.rowferry.dialect.AbstractDialect;
import io.rowferry.dialect.Capability;
import io.rowferry.dialect.ColumnBinder;
import io.rowferry.dialect.ColumnReader;
import io.rowferry.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * DuckDB, embedded. Without {@code jdbc_stream_results=true} the driver materialises the whole result in
 * native memory before the first row (10 M rows: 1 GB RSS while the Java heap stays small); the property is a
 * connection option, so Rowferry sets it when it opens the URL, and a caller's own DataSource must set it.
 */
public class DuckDbDialect extends AbstractDialect {

    @Override
    public String id() {
        return "duckdb";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:duckdb:";
    }

    @Override
    public boolean acceptsProduct(String productName) {
        return productContains(productName, "duckdb");
    }

    /**
     * No ROW_VALUE_COMPARISON: DuckDB reads {@code (a, b)} as a STRUCT, and with duckdb_jdbc 2.0.0.1 a prepared
     * {@code (a, b) > (?, ?)} fails with "Parameter index out of bounds" (found by the split planner's composite-key
     * test), so composite keyset pages use the expanded OR form.
     */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.STREAMING_CURSOR, Capability.EMBEDDED,
                Capability.TRANSACTIONAL_DDL);
    }

    @Override
    public Properties defaultConnectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        return properties;
    }

    @Override
    protected String limitClause(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String upsertSql(String table, java.util.List<String> columns, java.util.List<String> keyColumns) {
        return onConflictUpsertSql(table, columns, keyColumns);
    }

    @Override
    protected String randomFractionSql() {
        return "random()";
    }

    @Override
    protected String offsetClause(int limit, long offset) {
        return " LIMIT " + limit + " OFFSET " + offset;
    }

    @Override
    public ColumnReader columnReader(Column column) {
        String type = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        if (type.equals("UUID")) {
            return (rs, i) -> rs.getObject(i, java.util.UUID.class);
        }
        if (type.equals("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            // the driver gives the instant at the JVM zone's offset, which for old dates is local mean time with
            // seconds (+00:53:28); at offset 0 it is the same instant whatever the JVM's zone, as from PostgreSQL
            return (rs, i) -> {
                java.time.OffsetDateTime value = rs.getObject(i, java.time.OffsetDateTime.class);
                return value == null ? null : value.withOffsetSameInstant(java.time.ZoneOffset.UTC);
            };
        }
        if (type.equals("DATE")) {
            // getObject(i, LocalDate.class) turns 4713-01-01 BC into 4713-01-01 AD; getString has the proleptic
            // year (-4712-01-01), and +10000-01-01 beyond year 9999
            return (rs, i) -> {
                String text = rs.getString(i);
                return text == null ? null : java.time.LocalDate.parse(text);
            };
        }
        if (type.equals("HUGEINT") || type.equals("UBIGINT")) {
            return (rs, i) -> {
                java.math.BigDecimal value = rs.getBigDecimal(i);
                return value == null ? null : value.toBigIntegerExact();
            };
        }
        return super.columnReader(column);
    }

    /**
     * Dates before year 1 as DuckDB's text ({@code 4713-01-01 (BC)}): the driver binds a {@code LocalDate} of
     * year -4712 as 4713-01-01 AD. (The appender writes them right; this is the INSERT path.)
     */
    @Override
    public ColumnBinder columnBinder(Column target) {
        ColumnBinder standard = super.columnBinder(target);
        return (statement, index, value) -> {
            if (value instanceof java.time.LocalDate date && date.getYear() <= 0) {
                statement.setString(index, String.format(Locale.ROOT, "%04d-%02d-%02d (BC)", 1 - date.getYear(),
                        date.getMonthValue(), date.getDayOfMonth()));
            } else {
                standard.bind(statement, index, value);
            }
        };
    }

    /**
     * DuckDB's {@code getIndexInfo} does not list UNIQUE constraints, so they are read from its catalog function
     * (https://duckdb.org/docs/current/sql/meta/duckdb_table_functions#duckdb_constraints).
     */
    @Override
    public List<List<String>> uniqueKeys(Connection connection, TableRef table) throws SQLException {
        String sql = "SELECT constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'UNIQUE'"
                + " AND table_name = ? AND schema_name = COALESCE(?, current_schema())"
                + " AND database_name = COALESCE(?, current_database())";
        List<List<String>> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.name());
            statement.setString(2, table.schema());
            statement.setString(3, table.catalog());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] columns = (Object[]) rows.getArray(1).getArray();
                    List<String> key = new ArrayList<>();
                    for (Object column : columns) {
                        key.add(column.toString());
                    }
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** DuckDB's appender, one transaction per batch; see {@link DuckDbAppenderSink} for when it writes with INSERTs. */
    @Override
    public java.util.Optional<io.rowferry.sink.RowSink> bulkSink(io.rowferry.Database database, TableRef table) {
        return java.util.Optional.of(new DuckDbAppenderSink(database, table));
    }

    @Override
    public ErrorKind classify(SQLException exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        // DuckDB reports the error class as a message prefix and sets no SQLState.
        if (message.startsWith("Constraint Error")) {
            return ErrorKind.CONSTRAINT;
        }
        if (message.startsWith("Catalog Error") || message.startsWith("Binder Error")) {
            return ErrorKind.NOT_FOUND;
        }
        if (message.startsWith("Conversion Error") || message.startsWith("Out of Range Error")) {
            return ErrorKind.DATA;
        }
        if (message.startsWith("Parser Error")) {
            return ErrorKind.USAGE;
        }
        if (message.startsWith("IO Error")) {
            return ErrorKind.CONNECTION;
        }
        return super.classify(exception);
    }

    // ---- types ----

    @Override
    public io.rowferry.schema.SqlType sqlType(io.rowferry.schema.NativeColumn column) {
        io.rowferry.schema.SqlType type = DuckDbTypes.sqlType(column);
        return type != null ? type : super.sqlType(column);
    }

    @Override
    public io.rowferry.schema.TypeChoice columnType(io.rowferry.schema.SqlType type) {
        return DuckDbTypes.columnType(type);
    }

    /** Timestamps from 290309 BC to 294247 AD (https://duckdb.org/docs/current/sql/data_types/timestamp). */
    @Override
    public io.rowferry.schema.TypeLimits typeLimits() {
        return new io.rowferry.schema.TypeLimits(-290_308, 294_246, true, true);
    }

    // ---- verification (docs/verify.md) ----

    @Override
    protected String textSql(String expression) {
        return "CAST(" + expression + " AS VARCHAR)";
    }

    @Override
    protected String hexSql(String expression) {
        return "lower(hex(" + expression + "))";
    }

    @Override
    protected String temporalTextSql(String column, io.rowferry.schema.SqlType.Kind kind) {
        return switch (kind) {
            case DATE -> "strftime(" + column + ", '%Y-%m-%d')";
            // strftime takes no TIME: put it on a day
            case TIME -> "strftime(DATE '2000-01-01' + " + column + ", '%H:%M:%S.%f')";
            case TIMESTAMP -> "strftime(" + column + ", '%Y-%m-%d %H:%M:%S.%f')";
            case TIMESTAMP_TZ -> "strftime(timezone('UTC', " + column + "), '%Y-%m-%d %H:%M:%S.%f')";
            default -> textSql(column);
        };
    }

    @Override
    protected String charLengthSql(String text) {
        return "length(" + text + ")";
    }

    @Override
    public String md5HexSql(String text) {
        return "md5(" + text + ")";
    }

    @Override
    public String hash60Sql(String text) {
        return "CAST('0x' || substr(md5(" + text + "), 1, 15) AS BIGINT)";
    }
}
