package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.IfExists;
import io.rowferry.Rowferry;
import io.rowferry.WriteMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dates before year 1 into and out of DuckDB, through its appender and through INSERTs: DuckDB's driver reads
 * 4713 BC as 4713 AD and binds a {@code LocalDate} of 4713 BC as 4713 AD.
 */
class DuckDbDatesTest {
    @TempDir
    static Path directory;

    @ParameterizedTest
    @EnumSource(value = WriteMode.class, names = {"INSERT", "BULK"})
    void datesBeforeYearOneArriveAndAreReadAsTheyAre(WriteMode mode) throws Exception {
        TestDatabase h2 = new EmbeddedTestDatabase.H2(directory, "bc_" + mode);
        TestDatabase duckdb = new EmbeddedTestDatabase.DuckDb(directory, "bc_" + mode);
        h2.execute("CREATE TABLE rt_bc (id INTEGER PRIMARY KEY, d DATE)",
                "INSERT INTO rt_bc VALUES (1, DATE '-4712-01-01'), (2, DATE '0000-02-29'), (3, DATE '0001-01-01'),"
                        + " (4, DATE '2024-02-29')");

        Rowferry.copy()
                .from(Rowferry.read(h2.database()).table("RT_BC"))
                .to(duckdb.database(), "rt_bc")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .writeMode(mode)
                .run();
        assertThat(texts(duckdb, "SELECT CAST(d AS VARCHAR) FROM rt_bc ORDER BY id"))
                .containsExactly("4713-01-01 (BC)", "0001-02-29 (BC)", "0001-01-01", "2024-02-29");

        Rowferry.copy()
                .from(Rowferry.read(duckdb.database()).table("rt_bc"))
                .to(h2.database(), "RT_BC_BACK")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .run();
        assertThat(h2.queryLong("SELECT COUNT(*) FROM RT_BC a JOIN RT_BC_BACK b ON a.ID = b.ID WHERE a.D = b.D"))
                .isEqualTo(4);
    }

    private static List<String> texts(TestDatabase db, String sql) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection connection = db.adminConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
