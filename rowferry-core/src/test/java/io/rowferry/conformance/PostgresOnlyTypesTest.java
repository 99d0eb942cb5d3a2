package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.IfExists;
import io.rowferry.Rowferry;
import io.rowferry.WriteMode;
import io.rowferry.schema.ColumnPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL's arrays, intervals, money and bit strings in databases that lack them (docs/types.md): arrays and
 * intervals arrive as PostgreSQL's own text, money as DECIMAL(19,2), bit strings as BIT(n) in MariaDB and as text of
 * binary digits elsewhere (through MariaDB's INSERT batches and its LOAD DATA alike); the plan says so; and copied back into a PostgreSQL table of the original types, which
 * parses its own text, every value is what it was.
 */
class PostgresOnlyTypesTest {
    private static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase(ServerSettings.TYPES_DATABASE);
    private static final String SOURCE = "rt_pgonly_src";
    private static final String TYPES = "ia int[], ta text[], iv interval, m money, bt bit(5), vb varbit(20)";

    @TempDir
    static Path directory;

    @BeforeAll
    static void createSource() throws Exception {
        POSTGRES.dropTable(SOURCE);
        POSTGRES.execute("CREATE TABLE " + SOURCE + " (id int PRIMARY KEY, " + TYPES + ")",
                "INSERT INTO " + SOURCE + " VALUES (1, '{1,2,NULL,-3}', '{\"a b\",\"c,d\",NULL}',"
                        + " '1 year 2 mons 3 days 04:05:06.789', 1234.56, B'10110', B'101'),"
                        + " (2, '{{1,2},{3,4}}', '{}', '-00:00:00.000001', -92233720368547758.08, B'00000', B''),"
                        + " (3, NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    /** Per target: the created type and the stored text of row 1, per column (bit strings as their digits). */
    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("mariadb", WriteMode.INSERT, Map.of("ia", "LONGTEXT", "ta", "LONGTEXT",
                        "iv", "VARCHAR(100)", "m", "DECIMAL(19,2)", "bt", "BIT(5)", "vb", "LONGTEXT"), "BIN(bt)"),
                Arguments.of("mariadb", WriteMode.BULK, Map.of("ia", "LONGTEXT", "ta", "LONGTEXT",
                        "iv", "VARCHAR(100)", "m", "DECIMAL(19,2)", "bt", "BIT(5)", "vb", "LONGTEXT"), "BIN(bt)"),
                Arguments.of("sqlite", WriteMode.AUTO, Map.of("ia", "TEXT", "ta", "TEXT", "iv", "TEXT",
                        "m", "DECIMAL_TEXT(19,2)", "bt", "TEXT", "vb", "TEXT"), "bt"),
                Arguments.of("h2", WriteMode.AUTO, Map.of("ia", "CHARACTER LARGE OBJECT", "ta", "CHARACTER LARGE OBJECT",
                        "iv", "CHARACTER LARGE OBJECT", "m", "NUMERIC(19,2)", "bt", "CHARACTER LARGE OBJECT",
                        "vb", "CHARACTER LARGE OBJECT"), "bt"),
                Arguments.of("duckdb", WriteMode.AUTO, Map.of("ia", "VARCHAR", "ta", "VARCHAR", "iv", "VARCHAR",
                        "m", "DECIMAL(19,2)", "bt", "VARCHAR", "vb", "VARCHAR"), "bt"));
    }

    @ParameterizedTest(name = "postgresql -> {0} ({1}) -> postgresql")
    @MethodSource("targets")
    void arriveAsDocumentedAndComeBackIdentical(String targetId, WriteMode mode, Map<String, String> types,
            String bitDigits) throws Exception {
        TestDatabase target = RichTables.ALL.stream().filter(t -> t.id().equals(targetId)).findFirst().orElseThrow()
                .database(directory);
        String there = target.database().dialect().normalizeIdentifier("rt_pgonly_in_" + targetId);

        List<ColumnPlan> plan = Rowferry.copy()
                .from(Rowferry.read(POSTGRES.database()).table(SOURCE))
                .to(target.database(), there)
                .create(true)
                .ifExists(IfExists.REPLACE)
                .plan()
                .table()
                .columns();
        Map<String, String> planned = new LinkedHashMap<>();
        for (ColumnPlan column : plan) {
            if (!column.name().equals("id")) {
                planned.put(column.name(), column.targetType());
                assertThat(column.loss()).as("%s into %s", column.name(), targetId).isNull();
            }
        }
        assertThat(planned).isEqualTo(types);
        assertThat(plan).filteredOn(c -> c.name().equals("m")).singleElement()
                .satisfies(c -> assertThat(c.sourceType()).isEqualTo("money"));

        Rowferry.copy()
                .from(Rowferry.read(POSTGRES.database()).table(SOURCE))
                .to(target.database(), there)
                .create(true)
                .ifExists(IfExists.REPLACE)
                .writeMode(mode)
                .run();
        assertThat(row1(target, there, bitDigits)).containsExactly("{1,2,NULL,-3}", "{\"a b\",\"c,d\",NULL}",
                "1 year 2 mons 3 days 04:05:06.789", "1234.56", "10110", "101");

        // back into a table of the original types: PostgreSQL reads its own text
        String back = "rt_pgonly_back_" + targetId + "_" + mode.name().toLowerCase(java.util.Locale.ROOT);
        POSTGRES.dropTable(back);
        POSTGRES.execute("CREATE TABLE " + back + " (id int PRIMARY KEY, " + TYPES + ")");
        Rowferry.copy()
                .from(Rowferry.read(target.database()).table(there))
                .to(POSTGRES.database(), back)
                .run();
        for (String column : List.of("ia", "ta", "iv", "m", "bt", "vb")) {
            assertThat(POSTGRES.queryLong("SELECT COUNT(*) FROM " + SOURCE + " a JOIN " + back + " b ON a.id = b.id"
                    + " WHERE a." + column + " IS NOT DISTINCT FROM b." + column)).as(column).isEqualTo(3);
        }
    }

    private static List<String> row1(TestDatabase target, String table, String bitDigits) throws Exception {
        try (Connection connection = target.adminConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT ia, ta, iv, m, " + bitDigits + ", vb FROM " + table
                        + " WHERE id = 1")) {
            row.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                values.add(row.getString(i));
            }
            return values;
        }
    }
}
