package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.ReadStrategy;
import io.rowferry.Row;
import io.rowferry.RowStream;
import io.rowferry.Rowferry;
import io.rowferry.source.ReadPlan;
import io.rowferry.source.RowReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's binary {@code COPY TO STDOUT} reader must give exactly the rows the JDBC cursor gives: the same
 * schema, and for every value the same Java class and an equal value (BigDecimal scale, NaN and infinities,
 * BC dates, 24:00, padding of char(n) included). It is chosen for cursor reads of tables whose columns it can
 * decode, and closing it early leaves nothing running on the server.
 */
class PostgresCopyReadTest {
    private static final PostgresTestDatabase DB = new PostgresTestDatabase();

    private static final String TYPES_DDL = "CREATE TABLE copy_read_types (id int4 PRIMARY KEY, b bool, i2 int2,"
            + " i8 int8, f4 float4, f8 float8, n numeric, n2 numeric(12,2), n0 numeric(20,0), t text, vc varchar(10),"
            + " c char(5), by bytea, d date, tm time, ts timestamp, tsz timestamptz, u uuid, j json, jb jsonb)";

    private static final List<String> TYPE_ROWS = List.of(
            "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL)",
            "(2, true, -32768, -9223372036854775808, '-Infinity', 'NaN', 'NaN', -9999999999.99, 0, '', '', '',"
                    + " '\\x', '-infinity', '00:00', '-infinity', '-infinity', '00000000-0000-0000-0000-000000000000',"
                    + " '{}', '{}')",
            "(3, false, 32767, 9223372036854775807, 'Infinity', 'Infinity', 'Infinity', 9999999999.99,"
                    + " 99999999999999999999, 'ünïcödé \uD83D\uDE00 tab\there', 'abcdefghij', 'ab', '\\x00ff10',"
                    + " 'infinity', '24:00:00', 'infinity', 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff',"
                    + " '{\"a\": [1, 2.50]}', '{\"b\": 1, \"a\": \"x\"}')",
            "(4, true, 0, 0, 0.1, 0.1, '-Infinity', 0.01, -1, 'x', 'y', 'abcde', '\\x00',"
                    + " '0044-03-15 BC', '23:59:59.999999', '0044-03-15 10:00:00.5 BC', '4713-01-01 00:00:00+00 BC',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '[1, \"two\", null]', '[1, \"two\", null]')",
            "(5, false, 1, 1, 3.4028235e38, 1.7976931348623157e308, 123456789012345678901234567890.123456789,"
                    + " 0.00, 12345678901234567890, 'quote\"s', 'z', ' ', '\\xdeadbeef', '1999-12-31',"
                    + " '12:34:56.000001', '1999-12-31 23:59:59.999999', '2024-03-31 02:30:00.123456+02',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '\"s\"', '\"s\"')",
            "(6, true, -1, -1, -0.0, 4.9e-324, 1.500000, -0.5, 5, 'line\nbreak', 'back\\slash', 'x', '\\x',"
                    + " '2000-01-01', '00:00:00.000001', '2000-01-01 00:00:00', '2000-01-01 00:00:00.000001+00',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', 'null', 'null')",
            "(7, false, 2, 2, 1, 1, 0.0000000001, -0.01, -99999999999999999999, 'y', 'v', 'w', '\\x01',"
                    + " '5874897-12-31', '12:00', '294276-12-31 23:59:59.999999', '1970-01-01 00:00:00+00',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14', '{\"deep\": {\"x\": 1e3}}', '{\"deep\": {\"x\": 1e3}}')",
            "(8, true, 3, 3, 2, 2, -12345678901234567.8901, 1.10, 7, 'z', 'u', 'v', '\\x02', '4713-01-01 BC',"
                    + " '01:02:03', '4713-01-01 00:00:00 BC', '294276-12-31 23:59:59.999999+00',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15', '1', '1')");

    private static List<Row> readAll(ReadPlan plan) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = plan.open()) {
            Row row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Reads the plan by COPY and by the cursor and checks the two agree exactly; returns how many rows. */
    private static int assertSameRows(ReadPlan plan) throws Exception {
        assertThat(plan.bulkRead()).as("planned as a COPY read").isTrue();
        List<Row> copied = readAll(plan);
        ReadPlan cursorPlan = plan.withBulkRead(false);
        List<Row> cursor = readAll(cursorPlan);
        try (RowReader copy = plan.open(); RowReader jdbc = cursorPlan.open()) {
            assertThat(copy.schema().columns()).isEqualTo(jdbc.schema().columns());
        }
        assertThat(copied).hasSameSizeAs(cursor);
        for (int r = 0; r < cursor.size(); r++) {
            Object[] expected = cursor.get(r).values();
            Object[] actual = copied.get(r).values();
            for (int c = 0; c < expected.length; c++) {
                String where = "row " + (r + 1) + ", column " + cursor.get(r).schema().column(c).name();
                if (expected[c] == null) {
                    assertThat(actual[c]).as(where).isNull();
                    continue;
                }
                assertThat(actual[c]).as(where).isNotNull();
                assertThat(actual[c].getClass()).as(where + " class").isEqualTo(expected[c].getClass());
                if (expected[c] instanceof byte[] bytes) {
                    assertThat(Arrays.equals((byte[]) actual[c], bytes)).as(where).isTrue();
                } else {
                    assertThat(actual[c]).as(where).isEqualTo(expected[c]);
                }
            }
        }
        return cursor.size();
    }

    @Test
    void everyDecodedTypeGivesTheCursorsValues() throws Exception {
        DB.dropTable("copy_read_types");
        DB.execute(TYPES_DDL, "INSERT INTO copy_read_types VALUES " + String.join(", ", TYPE_ROWS));
        ReadPlan plan = Rowferry.read(DB.database()).table("copy_read_types").cursor().plan();
        assertThat(assertSameRows(plan)).isEqualTo(TYPE_ROWS.size());
    }

    @Test
    void keysetPagesByCopyGiveTheJdbcPagesValues() throws Exception {
        DB.dropTable("copy_read_types");
        DB.execute(TYPES_DDL, "INSERT INTO copy_read_types VALUES " + String.join(", ", TYPE_ROWS));
        ReadPlan plan = Rowferry.read(DB.database()).table("copy_read_types").keyset().fetchSize(3).plan();
        assertThat(assertSameRows(plan)).isEqualTo(TYPE_ROWS.size());
        // a composite text key of awkward values, a range inside it, and a column subset without the key
        DB.dropTable("copy_read_keys");
        DB.execute("CREATE TABLE copy_read_keys (k1 text, k2 timestamptz, v int4, PRIMARY KEY (k1, k2))",
                "INSERT INTO copy_read_keys SELECT CASE i % 4 WHEN 0 THEN 'it''s' WHEN 1 THEN 'back\\slash'"
                        + " WHEN 2 THEN 'ünï ' ELSE '' END || (i % 50), TIMESTAMPTZ '2001-02-03 04:05:06.789012+00'"
                        + " + i * INTERVAL '1.5 microseconds', i FROM generate_series(1, 3000) i");
        assertThat(assertSameRows(Rowferry.read(DB.database()).table("copy_read_keys").keyset().fetchSize(97)
                .plan())).isEqualTo(3_000);
        Object[] after;
        Object[] until;
        try (RowReader reader = Rowferry.read(DB.database()).table("copy_read_keys").keyset().fetchSize(500).plan()
                .open()) {
            for (int i = 0; i < 700; i++) {
                reader.next();
            }
            after = reader.lastKey();
            for (int i = 0; i < 1_500; i++) {
                reader.next();
            }
            until = reader.lastKey();
        }
        assertThat(assertSameRows(Rowferry.read(DB.database()).table("copy_read_keys").columns("v").keyset()
                .startAfter(after).endAt(until).fetchSize(200).plan())).isEqualTo(1_500);
    }

    @Test
    void trickyRowsGiveTheCursorsValues() throws Exception {
        int rows = TrickyRows.create(DB, "copy_read_tricky");
        assertThat(assertSameRows(Rowferry.read(DB.database()).table("copy_read_tricky").cursor().plan()))
                .isEqualTo(rows);
    }

    @Test
    void aFilterAndAColumnSubsetAreCopiedAsSelected() throws Exception {
        DB.createSample("copy_read_filtered", 5_000);
        ReadPlan plan = Rowferry.read(DB.database()).table("copy_read_filtered").columns("note", "id", "created")
                .where("id % 7 = 0").cursor().plan();
        assertThat(assertSameRows(plan)).isEqualTo(5_000 / 7);
    }

    @Test
    void tablesWithATypeWithoutDecoderAndKeysetFiltersWithAQuestionMarkUseJdbc() throws Exception {
        DB.dropTable("copy_read_interval");
        DB.execute("CREATE TABLE copy_read_interval (id int4 PRIMARY KEY, span interval)",
                "INSERT INTO copy_read_interval VALUES (1, '1 day 02:00'), (2, NULL)");
        ReadPlan plan = Rowferry.read(DB.database()).table("copy_read_interval").cursor().plan();
        assertThat(plan.bulkRead()).isFalse();
        assertThat(readAll(plan)).extracting(row -> row.get(1)).containsExactly("1 day 02:00:00", null);
        ReadPlan decodable = Rowferry.read(DB.database()).table("copy_read_interval").columns("id").cursor().plan();
        assertThat(decodable.bulkRead()).isTrue();
        assertThat(decodable.holds()).contains("COPY");
        ReadPlan keyset = Rowferry.read(DB.database()).table("copy_read_interval").strategy(ReadStrategy.KEYSET).plan();
        assertThat(keyset.bulkRead()).isFalse();
        assertThat(readAll(keyset)).extracting(row -> row.get(1)).containsExactly("1 day 02:00:00", null);
        ReadPlan withMark = Rowferry.read(DB.database()).table("copy_read_interval").columns("id")
                .where("'?' <> 'x'").strategy(ReadStrategy.KEYSET).plan();
        assertThat(withMark.bulkRead()).as("a ? in the filter keeps JDBC, whose placeholders it could be taken for")
                .isFalse();
        assertThat(readAll(withMark)).extracting(row -> row.get(0)).containsExactly(1, 2);
        ReadPlan cursorWithMark = Rowferry.read(DB.database()).table("copy_read_interval").columns("id")
                .where("'?' <> 'x'").cursor().plan();
        assertThat(cursorWithMark.bulkRead()).as("a COPY of the whole read puts no values into its statement").isTrue();
        assertThat(readAll(cursorWithMark)).extracting(row -> row.get(0)).containsExactlyInAnyOrder(1, 2);
        assertThat(Rowferry.read(DB.database()).query("SELECT 1 AS one").plan().bulkRead()).isFalse();
    }

    @Test
    void closingEarlyCancelsTheCopy() throws Exception {
        DB.createSample("copy_read_early", 300_000);
        try (RowStream rows = Rowferry.read(DB.database()).table("copy_read_early").cursor().open()) {
            assertThat(rows.plan().bulkRead()).isTrue();
            for (int i = 0; i < 10; i++) {
                assertThat(rows.nextRow()).isNotNull();
            }
            assertThat(DB.queryLong("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT%copy_read_early%'"
                    + " AND state = 'active' AND pid <> pg_backend_pid()")).as("COPY running while read").isEqualTo(1);
        }
        assertThat(DB.awaitNoRowferrySessions()).isZero();
        assertThat(DB.queryLong("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT%copy_read_early%'"
                + " AND state = 'active' AND pid <> pg_backend_pid()")).as("COPY left running").isZero();
    }
}
