package io.rowferry.dialect.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.sink.JdbcTableSink;
import io.rowferry.sink.RowSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB appender sink against an embedded DuckDB file: transactions, conversions, defaults, refused rows. */
class DuckDbAppenderSinkTest {
    @TempDir
    Path directory;

    private String url;
    private Database database;

    @BeforeEach
    void setUp() {
        url = "jdbc:duckdb:" + directory.resolve("appender.duckdb");
        database = Database.url(url);
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<List<Object>> contents(String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    if (value instanceof byte[] bytes) {
                        value = HexFormat.of().formatHex(bytes);
                    } else if (value instanceof java.sql.Blob blob) {
                        value = HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
                    } else if (value != null && !(value instanceof Number || value instanceof String
                            || value instanceof Boolean)) {
                        value = value.toString();
                    }
                    values.add(value);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static RowSchema schema(Column... columns) {
        return new RowSchema(List.of(columns));
    }

    private DuckDbAppenderSink append(String table, List<List<Row>> batches) {
        DuckDbAppenderSink sink = (DuckDbAppenderSink) database.dialect().bulkSink(database, TableRef.parse(table))
                .orElseThrow();
        try (sink) {
            sink.open(batches.get(0).get(0).schema());
            for (List<Row> batch : batches) {
                sink.write(batch);
            }
            sink.finish();
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        return sink;
    }

    private void insert(String table, List<Row> batch) {
        try (RowSink sink = new JdbcTableSink(database, TableRef.parse(table))) {
            sink.open(batch.get(0).schema());
            sink.write(batch);
            sink.finish();
        }
    }

    @Test
    void everyTypeLeavesWhatInsertsLeave() throws Exception {
        String ddl = " (id INTEGER PRIMARY KEY, b BIGINT, d DECIMAL(12,2), h DECIMAL(38,10), v VARCHAR, bl BLOB,"
                + " ts TIMESTAMP, tz TIMESTAMPTZ, dt DATE, tm TIME, u UUID, f FLOAT, db DOUBLE, bo BOOLEAN,"
                + " ti TINYINT, ut UTINYINT, ub UBIGINT, hi HUGEINT)";
        execute("CREATE TABLE appended" + ddl, "CREATE TABLE inserted" + ddl);
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("b", Types.BIGINT),
                Column.of("d", Types.DECIMAL), Column.of("h", Types.DECIMAL), Column.of("v", Types.VARCHAR),
                Column.of("bl", Types.BLOB), Column.of("ts", Types.TIMESTAMP),
                Column.of("tz", Types.TIMESTAMP_WITH_TIMEZONE), Column.of("dt", Types.DATE), Column.of("tm", Types.TIME),
                Column.of("u", Types.OTHER), Column.of("f", Types.REAL), Column.of("db", Types.DOUBLE),
                Column.of("bo", Types.BOOLEAN), Column.of("ti", Types.TINYINT), Column.of("ut", Types.SMALLINT),
                Column.of("ub", Types.BIGINT), Column.of("hi", Types.NUMERIC));
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        List<Row> rows = List.of(
                new Row(schema, new Object[] {1, 7, new BigDecimal("9999999999.99"), new BigDecimal("1.5"),
                        "tab\tnew\nline \\N \uD83D\uDE00", everyByte, LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000),
                        OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(5)), LocalDate.of(1, 1, 1),
                        LocalTime.of(23, 59, 59, 999_999_000), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                        0.1f, Double.MIN_VALUE, true, (byte) -128, 255, new BigInteger("18446744073709551615"),
                        new BigInteger("-170141183460469231731687303715884105728")}),
                new Row(schema, new Object[] {2, Long.MIN_VALUE, new BigDecimal("-0.01"), new BigDecimal("12345678901234567890.1234567890"),
                        "", new byte[0], LocalDateTime.of(1970, 1, 1, 0, 0), OffsetDateTime.of(1969, 12, 31, 23, 59, 59,
                        999_999_000, ZoneOffset.UTC), LocalDate.of(9999, 12, 31), LocalTime.MIDNIGHT, UUID.randomUUID(),
                        -3.4028235e38f, -1e300, 0, 127L, (short) 0, 0, BigInteger.ONE}),
                new Row(schema, new Object[] {3, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null}),
                new Row(schema, new Object[] {4, 42L, 5, new BigDecimal("2.500"), 42, null, null, null, null, null, null,
                        7, 3, 1L, true, new BigDecimal("200"), 3.0, (short) 5}));
        DuckDbAppenderSink sink = append("appended", List.of(rows));
        assertThat(sink.batchesAppended).isEqualTo(1);
        insert("inserted", rows);
        assertThat(contents("appended")).isEqualTo(contents("inserted")).hasSize(4);
    }

    @Test
    void valuesThatNeedARoundingCastAreWrittenByDuckDbItself() throws Exception {
        execute("CREATE TABLE appended (id INTEGER PRIMARY KEY, d DECIMAL(12,2), i INTEGER)",
                "CREATE TABLE inserted (id INTEGER PRIMARY KEY, d DECIMAL(12,2), i INTEGER)");
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("d", Types.DECIMAL),
                Column.of("i", Types.INTEGER));
        List<Row> exact = List.of(new Row(schema, new Object[] {1, new BigDecimal("1.5"), 1}));
        List<Row> rounded = List.of(new Row(schema, new Object[] {2, 1.005, 2.5}),
                new Row(schema, new Object[] {3, new BigDecimal("1.235"), "17"}));
        DuckDbAppenderSink sink = append("appended", List.of(exact, rounded));
        assertThat(sink.batchesAppended).isEqualTo(1);
        assertThat(sink.batchesInserted).isEqualTo(1);
        insert("inserted", exact);
        insert("inserted", rounded);
        assertThat(contents("appended")).isEqualTo(contents("inserted"));
    }

    @Test
    void missingColumnsGetTheirDefaultsAndExpressionDefaultsGoThroughInserts() throws Exception {
        execute("CREATE SEQUENCE seq START 100",
                "CREATE TABLE constant_defaults (id INTEGER PRIMARY KEY, s VARCHAR DEFAULT 'dflt', n INTEGER DEFAULT 42,"
                        + " d DECIMAL(5,2) DEFAULT 1.25, x INTEGER)",
                "CREATE TABLE sequence_default (id INTEGER PRIMARY KEY, k BIGINT DEFAULT nextval('seq'))");
        RowSchema schema = schema(Column.of("ID", Types.INTEGER));
        List<Row> rows = List.of(new Row(schema, new Object[] {1}), new Row(schema, new Object[] {2}));
        DuckDbAppenderSink constant = append("constant_defaults", List.of(rows));
        assertThat(constant.batchesAppended).isEqualTo(1);
        assertThat(contents("constant_defaults")).containsExactly(
                Arrays.asList(1, "dflt", 42, new BigDecimal("1.25"), null),
                Arrays.asList(2, "dflt", 42, new BigDecimal("1.25"), null));
        DuckDbAppenderSink sequence = append("sequence_default", List.of(rows));
        assertThat(sequence.batchesAppended).isZero();
        assertThat(contents("sequence_default")).containsExactly(Arrays.asList(1, 100L), Arrays.asList(2, 101L));
    }

    @Test
    void aRefusedRowFailsItsWholeBatchAndKeepsTheCommittedOnes() throws Exception {
        execute("CREATE TABLE refused (id INTEGER PRIMARY KEY, t TINYINT, s VARCHAR NOT NULL)");
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("t", Types.INTEGER),
                Column.of("s", Types.VARCHAR));
        List<Row> first = new ArrayList<>();
        for (int id = 1; id <= 3000; id++) { // more than one appender chunk (2,048 rows)
            first.add(new Row(schema, new Object[] {id, 1, "ok"}));
        }
        record Case(Row bad, ErrorKind kind) {}
        List<Case> cases = List.of(
                new Case(new Row(schema, new Object[] {2500, 1, "duplicate of a committed row"}), ErrorKind.CONSTRAINT),
                new Case(new Row(schema, new Object[] {5000, 1, "duplicate inside the batch"}), ErrorKind.CONSTRAINT),
                new Case(new Row(schema, new Object[] {5001, 300, "out of range"}), ErrorKind.DATA),
                new Case(new Row(schema, new Object[] {5002, 1, null}), ErrorKind.CONSTRAINT));
        for (Case bad : cases) {
            execute("DELETE FROM refused");
            List<Row> second = new ArrayList<>();
            for (int id = 4001; id <= 7000; id++) { // the refused row sits after the first chunk was flushed
                second.add(new Row(schema, new Object[] {id, 2, "ok"}));
            }
            second.add(bad.bad());
            assertThatThrownBy(() -> append("refused", List.of(first, second)))
                    .as("%s", bad.bad())
                    .isInstanceOf(RowferryException.class)
                    .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(bad.kind()))
                    .hasMessageContaining("rejected the row with id=" + bad.bad().get(0));
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*), max(id) FROM refused")) {
                result.next();
                assertThat(result.getLong(1)).as("%s", bad.bad()).isEqualTo(3000);
                assertThat(result.getLong(2)).isEqualTo(3000);
            }
        }
    }
}
