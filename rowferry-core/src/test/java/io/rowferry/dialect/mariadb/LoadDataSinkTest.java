package io.rowferry.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.Column;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.conformance.MariaDbTestDatabase;
import io.rowferry.conformance.TestDatabase;
import io.rowferry.sink.AutoBulkSink;
import io.rowferry.sink.BulkUnavailableException;
import io.rowferry.sink.JdbcTableSink;
import io.rowferry.sink.RowSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LOAD DATA LOCAL INFILE sink against the MariaDB server, through MariaDB Connector/J and through MySQL
 * Connector/J: escaping of every byte and every tricky string, extremes of DECIMAL(65,30) and DATETIME(6), and values
 * the column cannot hold, which must fail the batch instead of being truncated (LOCAL loads only warn).
 */
class LoadDataSinkTest {
    private static final List<String> TRICKY = List.of("", "plain", "tab\there", "line\nbreak", "cr\rlf\r\n",
            "back\\slash", "\\", "\\\\", "ends with \\", "\\N", "N", "NULL", "\\t", "nul\u0000byte", "\u0000",
            "quote\"s and 'single'", "comma,semi;colon|pipe", "emoji \uD83D\uDE00 and ünïcödé", "\u0001ctrl\u001f\u001a",
            "trailing space ", " ", "x".repeat(300), "\t", "\n", "\r", "\t\n\r\\\u0000");

    private static TestDatabase server(boolean mysqlDriver) {
        return new MariaDbTestDatabase("rowferry_test2", mysqlDriver);
    }

    private static RowSchema schema(Column... columns) {
        return new RowSchema(List.of(columns));
    }

    private static Row row(RowSchema schema, Object... values) {
        return new Row(schema, values);
    }

    /** Writes the batches with the dialect's bulk sink; returns it for its counters. */
    private static LoadDataSink load(Database database, String table, List<List<Row>> batches) {
        LoadDataSink sink = (LoadDataSink) database.dialect().bulkSink(database, TableRef.parse(table)).orElseThrow();
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

    private static void insert(Database database, String table, List<Row> batch) {
        try (RowSink sink = new JdbcTableSink(database, TableRef.parse(table))) {
            sink.open(batch.get(0).schema());
            sink.write(batch);
            sink.finish();
        }
    }

    /** Every value of the table ordered by id, binary as hex, read with MariaDB Connector/J. */
    private static List<List<Object>> contents(TestDatabase db, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = db.adminConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = switch (meta.getColumnType(i)) {
                        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                            byte[] bytes = result.getBytes(i);
                            yield bytes == null ? null : "0x" + HexFormat.of().formatHex(bytes);
                        }
                        case Types.TIMESTAMP -> result.getObject(i, LocalDateTime.class);
                        case Types.DATE -> result.getObject(i, LocalDate.class);
                        case Types.TIME -> result.getObject(i, LocalTime.class);
                        case Types.DECIMAL, Types.NUMERIC -> result.getBigDecimal(i);
                        default -> {
                            Object object = result.getObject(i);
                            yield object instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : object;
                        }
                    };
                    values.add(value);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void everyByteAndEveryTrickyStringArriveExactly(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String table = "rf_load_escaping";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, bin VARBINARY(300), blb BLOB, txt VARCHAR(300),"
                + " longtxt TEXT) ENGINE=InnoDB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("bin", Types.VARBINARY),
                Column.of("blb", Types.BLOB), Column.of("txt", Types.VARCHAR), Column.of("longtxt", Types.VARCHAR));
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] everyByteBackwards = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByteBackwards[i] = (byte) (255 - i);
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(schema, 1, everyByte, everyByteBackwards, null, null));
        rows.add(row(schema, 2, new byte[0], new byte[0], "", "")); // empty, not NULL
        rows.add(row(schema, 3, null, null, null, null));
        for (int b = 0; b < 256; b++) { // each byte alone, and between two others
            rows.add(row(schema, 100 + b, new byte[] {(byte) b}, new byte[] {'a', (byte) b, 'z'}, null, null));
        }
        for (int i = 0; i < TRICKY.size(); i++) {
            rows.add(row(schema, 1000 + i, TRICKY.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                    TRICKY.get(i), TRICKY.get(i) + "|" + TRICKY.get(i)));
        }
        LoadDataSink sink = load(db.database(), table, List.of(rows.subList(0, 100), rows.subList(100, rows.size())));
        assertThat(sink.batchesLoaded).as("batches written by LOAD DATA").isEqualTo(2);
        assertThat(sink.batchesInserted).isZero();

        List<List<Object>> loaded = contents(db, table);
        assertThat(loaded).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] expected = rows.get(i).values();
            List<Object> actual = loaded.get(i);
            assertThat(actual.get(0)).isEqualTo(expected[0]);
            for (int c = 1; c <= 2; c++) {
                byte[] bytes = (byte[]) expected[c];
                assertThat(actual.get(c)).as("row %s column %s", expected[0], c)
                        .isEqualTo(bytes == null ? null : "0x" + HexFormat.of().formatHex(bytes));
            }
            assertThat(actual.get(3)).as("row %s txt", expected[0]).isEqualTo(expected[3]);
            assertThat(actual.get(4)).as("row %s longtxt", expected[0]).isEqualTo(expected[4]);
        }
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void extremesOfDecimalsAndTimestampsAndEveryTypeMatchWhatInsertsWrite(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String ddl = " (id INT PRIMARY KEY, d DECIMAL(65,30), ts DATETIME(6), dt DATE, tm TIME(6), i BIGINT,"
                + " u BIGINT UNSIGNED, f FLOAT, dbl DOUBLE, flag TINYINT(1), b1 BIT(1), b8 BIT(8), uuid CHAR(36),"
                + " ti TINYINT) ENGINE=InnoDB";
        String loadTable = "rf_load_types";
        String insertTable = "rf_load_types_insert";
        for (String table : List.of(loadTable, insertTable)) {
            db.dropTable(table);
            db.execute("CREATE TABLE " + table + ddl);
        }
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("d", Types.DECIMAL),
                Column.of("ts", Types.TIMESTAMP), Column.of("dt", Types.DATE), Column.of("tm", Types.TIME),
                Column.of("i", Types.BIGINT), Column.of("u", Types.BIGINT), Column.of("f", Types.REAL),
                Column.of("dbl", Types.DOUBLE), Column.of("flag", Types.BOOLEAN), Column.of("b1", Types.BIT),
                Column.of("b8", Types.BIT), Column.of("uuid", Types.CHAR), Column.of("ti", Types.TINYINT));
        String nines = "9".repeat(35) + "." + "9".repeat(30);
        List<Row> rows = List.of(
                row(schema, 1, new BigDecimal(nines), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                        LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_000), Long.MAX_VALUE,
                        new BigInteger("18446744073709551615"), 0.1f, Double.MAX_VALUE, true, true, new byte[] {(byte) 0xAA},
                        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), (byte) 127),
                row(schema, 2, new BigDecimal("-" + nines), LocalDateTime.of(1000, 1, 1, 0, 0),
                        LocalDate.of(1000, 1, 1), LocalTime.MIDNIGHT, Long.MIN_VALUE, BigInteger.ZERO, -1.5e38f,
                        Double.MIN_VALUE, false, false, new byte[] {0}, UUID.randomUUID(), (short) -128),
                row(schema, 3, new BigDecimal("0." + "0".repeat(29) + "1"), LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000),
                        LocalDate.of(1970, 1, 1), LocalTime.of(12, 0, 0, 1_000), 0L, 42, 1.5f, -1e-300, 1, 1L, 255L,
                        "not a uuid but text", 0),
                row(schema, 4, new BigDecimal("-1E+5"), LocalDateTime.of(1970, 1, 1, 0, 0), null, null, null, null,
                        null, 1.0 / 3, null, null, null, null, null),
                row(schema, 5, null, null, null, null, null, null, null, null, null, null, null, null, null));
        LoadDataSink sink = load(db.database(), loadTable, List.of(rows));
        assertThat(sink.batchesLoaded).isEqualTo(1);
        insert(db.database(), insertTable, rows);

        List<List<Object>> loaded = contents(db, loadTable);
        assertThat(loaded).isEqualTo(contents(db, insertTable));
        assertThat(loaded.get(0).get(1)).isEqualTo(new BigDecimal(nines));
        assertThat(loaded.get(1).get(1)).isEqualTo(new BigDecimal("-" + nines));
        assertThat(loaded.get(2).get(1)).isEqualTo(new BigDecimal("0." + "0".repeat(29) + "1"));
        assertThat(loaded.get(0).get(2)).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(loaded.get(1).get(2)).isEqualTo(LocalDateTime.of(1000, 1, 1, 0, 0));
        assertThat(loaded.get(2).get(2)).isEqualTo(LocalDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_000));
        assertThat(loaded.get(4).subList(1, 14)).containsOnlyNulls();
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void aValueTheColumnCannotHoldFailsTheBatchInsteadOfBeingTruncated(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String table = "rf_load_refused";
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("s", Types.VARCHAR),
                Column.of("n", Types.TINYINT), Column.of("d", Types.DECIMAL), Column.of("nn", Types.INTEGER));
        List<Row> good = List.of(row(schema, 1, "ok", 1, new BigDecimal("1.00"), 1), row(schema, 2, "ok", 2, null, 2));
        record Case(Row bad, ErrorKind kind) {}
        List<Case> cases = List.of(
                new Case(row(schema, 12, "far too long", 1, null, 1), ErrorKind.DATA),
                new Case(row(schema, 12, "ok", 300, null, 1), ErrorKind.DATA),
                new Case(row(schema, 12, "ok", -129, null, 1), ErrorKind.DATA),
                new Case(row(schema, 12, "ok", 1, new BigDecimal("1000.00"), 1), ErrorKind.DATA),
                new Case(row(schema, 12, "ok", 1, null, null), ErrorKind.CONSTRAINT), // NULL into NOT NULL
                new Case(row(schema, 1, "ok", 1, null, 1), ErrorKind.CONSTRAINT)); // duplicate of a committed row
        for (Case bad : cases) {
            db.dropTable(table);
            db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, s VARCHAR(5), n TINYINT, d DECIMAL(5,2),"
                    + " nn INT NOT NULL DEFAULT 7) ENGINE=InnoDB");
            List<Row> failing = List.of(row(schema, 11, "fine", 3, null, 3), bad.bad(), row(schema, 13, "fine", 4, null, 4));
            assertThatThrownBy(() -> load(db.database(), table, List.of(good, failing)))
                    .as("%s", bad.bad())
                    .isInstanceOf(RowferryException.class)
                    .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(bad.kind()))
                    .hasMessageContaining("rejected the row with id=" + bad.bad().get(0))
                    .hasMessageContaining(table);
            // the first batch is committed; nothing of the refused one, not even its good rows
            assertThat(contents(db, table)).extracting(r -> r.get(0)).as("%s", bad.bad()).containsExactly(1, 2);
        }
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void aDuplicateInsideOneBatchFailsItNamingTheRow(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String table = "rf_load_duplicate";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, s VARCHAR(20)) ENGINE=InnoDB");
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("s", Types.VARCHAR));
        List<Row> batch = List.of(row(schema, 1, "a"), row(schema, 2, "b"), row(schema, 1, "again"));
        assertThatThrownBy(() -> load(db.database(), table, List.of(batch)))
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("rejected the row with id=1")
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.CONSTRAINT));
        assertThat(db.count(table)).isZero();
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void whatInsertAcceptsWithANoteIsWrittenAsInsertWritesIt(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String table = "rf_load_rounding";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, d DECIMAL(5,2)) ENGINE=InnoDB");
        RowSchema schema = schema(Column.of("id", Types.INTEGER), Column.of("d", Types.DECIMAL));
        LoadDataSink sink = load(db.database(), table, List.of(
                List.of(row(schema, 1, new BigDecimal("1.50"))),
                List.of(row(schema, 2, new BigDecimal("1.234"))), // rounded with a note, by INSERT too
                List.of(row(schema, 3, new BigDecimal("2.50")))));
        assertThat(sink.batchesLoaded).isEqualTo(1);
        assertThat(sink.batchesInserted).as("the rounded batch and the ones after it").isEqualTo(2);
        assertThat(contents(db, table)).extracting(r -> r.get(1))
                .containsExactly(new BigDecimal("1.50"), new BigDecimal("1.23"), new BigDecimal("2.50"));
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void aSourceWithFewerColumnsLeavesTheDefaults(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String table = "rf_load_defaults";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, s VARCHAR(20) DEFAULT 'dflt', n INT,"
                + " c INT AUTO_INCREMENT UNIQUE) ENGINE=InnoDB");
        RowSchema schema = schema(Column.of("ID", Types.INTEGER));
        LoadDataSink sink = load(db.database(), table, List.of(List.of(row(schema, 1), row(schema, 2))));
        assertThat(sink.batchesLoaded).isEqualTo(1);
        assertThat(contents(db, table)).containsExactly(Arrays.asList(1, "dflt", null, 1), Arrays.asList(2, "dflt", null, 2));
    }

    @ParameterizedTest(name = "mysqlDriver={0}")
    @ValueSource(booleans = {false, true})
    void aTableThatCannotRollBackIsRefusedByBulkAndWrittenWithInsertsByAuto(boolean mysqlDriver) throws Exception {
        TestDatabase db = server(mysqlDriver);
        String table = "rf_load_myisam";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY) ENGINE=MyISAM");
        RowSchema schema = schema(Column.of("id", Types.INTEGER));
        // write mode BULK: the bulk sink alone, which says why it cannot load this table
        assertThatThrownBy(() -> load(db.database(), table, List.of(List.of(row(schema, 1)))))
                .isInstanceOf(BulkUnavailableException.class)
                .hasMessageContaining("LOAD DATA LOCAL cannot write table " + table)
                .hasMessageContaining("MyISAM, not InnoDB")
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE));
        assertThat(db.count(table)).isZero();
        // write mode AUTO: the same sink behind AutoBulkSink writes the copy with INSERTs
        Database database = db.database();
        RowSink bulk = database.dialect().bulkSink(database, TableRef.parse(table)).orElseThrow();
        try (RowSink auto = new AutoBulkSink(bulk, () -> new JdbcTableSink(database, TableRef.parse(table)))) {
            auto.open(schema);
            auto.write(List.of(row(schema, 1), row(schema, 2)));
            auto.finish();
        }
        assertThat(db.count(table)).isEqualTo(2);
    }

    /**
     * Connector/J sends any file the server asks for while {@code allowLoadLocalInfile} is true; Rowferry's connections
     * announce LOCAL INFILE support with an empty {@code allowLoadLocalInfileInPath}, which refuses every file, and
     * the sink allows its own stream only around its own statement.
     */
    @org.junit.jupiter.api.Test
    void theServerCannotReadLocalFilesThroughRowferrysMySqlConnections() throws Exception {
        TestDatabase db = server(true);
        String table = "rf_load_file";
        db.dropTable(table);
        db.execute("CREATE TABLE " + table + " (line TEXT) ENGINE=InnoDB");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("rowferry-secret", ".txt");
        try {
            java.nio.file.Files.writeString(file, "secret\n");
            try (Connection connection = db.database().connect(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                        "LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + table)).isInstanceOf(SQLException.class);
            }
            // and the bulk sink still loads its own rows through such a connection
            RowSchema schema = schema(Column.of("line", Types.VARCHAR));
            assertThat(load(db.database(), table, List.of(List.of(row(schema, "mine")))).batchesLoaded).isEqualTo(1);
            assertThat(db.count(table)).isEqualTo(1);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
