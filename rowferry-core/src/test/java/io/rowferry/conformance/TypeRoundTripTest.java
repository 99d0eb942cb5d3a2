package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyResult;
import io.rowferry.ErrorKind;
import io.rowferry.IfExists;
import io.rowferry.OnLossy;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The type-fidelity contract on the richest MariaDB table: copied to PostgreSQL with a created table and back to
 * MariaDB with another, every value must be what it was, compared by MariaDB itself ({@code <=>}, column by column).
 * Runs twice in the build: in the tests' default zone and in Asia/Kathmandu (+05:45), to catch time-zone leaks.
 */
class TypeRoundTripTest {
    private static final MariaDbTestDatabase MARIADB = new MariaDbTestDatabase(ServerSettings.DATABASE, false);
    private static final PostgresTestDatabase POSTGRES = new PostgresTestDatabase(ServerSettings.DATABASE);
    private static final int SIXTEEN_MB = 16 * 1024 * 1024;

    private static final List<String> COLUMNS = List.of("i8", "u8", "i16", "u16", "i24", "u24", "i32", "u32", "i64",
            "u64", "d38", "d65", "f32", "f64", "flag", "bit1", "d", "t", "dt", "ts", "ch", "vc", "tx", "bl", "lb", "js",
            "uu", "en", "st", "yr");

    @BeforeAll
    static void createRichTable() throws Exception {
        MARIADB.dropTable("rf_rich_src");
        MARIADB.execute("CREATE TABLE rf_rich_src (id INT NOT NULL PRIMARY KEY,"
                + " i8 TINYINT, u8 TINYINT UNSIGNED, i16 SMALLINT, u16 SMALLINT UNSIGNED, i24 MEDIUMINT,"
                + " u24 MEDIUMINT UNSIGNED, i32 INT, u32 INT UNSIGNED, i64 BIGINT, u64 BIGINT UNSIGNED,"
                + " d38 DECIMAL(38,10), d65 DECIMAL(65,30), f32 FLOAT, f64 DOUBLE, flag BOOLEAN, bit1 BIT(1),"
                + " d DATE, t TIME(6), dt DATETIME(6), ts TIMESTAMP(6) NULL, ch CHAR(5), vc VARCHAR(100), tx TEXT,"
                + " bl BLOB, lb LONGBLOB, js JSON, uu UUID, en ENUM('new','paid','it''s'), st SET('a','b','c'),"
                + " yr YEAR) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        MARIADB.execute("SET time_zone = '+00:00'",
                "INSERT INTO rf_rich_src VALUES (1, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,"
                        + " 9223372036854775807, 18446744073709551615, 9999999999999999999999999999.9999999999,"
                        + " 99999999999999999999999999999999999.999999999999999999999999999999, 3.40282e38,"
                        + " 1.7976931348623157e308, 1, b'1', '9999-12-31', '23:59:59.999999', '9999-12-31 23:59:59.999999',"
                        + " '2038-01-19 03:14:07.999999', 'ab', 'emoji \uD83D\uDE00 ünï \\\\ \\t tab', REPEAT('long text ', 1000),"
                        + " x'', NULL, '{\"b\": 1, \"a\": [1, 2.50, \"x\"]}', '123e4567-e89b-12d3-a456-426614174000',"
                        + " 'it''s', 'a,c', 2155)",
                "INSERT INTO rf_rich_src VALUES (2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0,"
                        + " -9223372036854775808, 0, -9999999999999999999999999999.9999999999,"
                        + " -99999999999999999999999999999999999.999999999999999999999999999999, -1.17549e-38,"
                        + " 4.9e-324, 0, b'0', '1000-01-01', '00:00:00', '1000-01-01 00:00:00', '1970-01-01 00:00:01',"
                        + " '', '', '', x'00ff', x'', '[]', '00000000-0000-0000-0000-000000000000', 'new', '', 1901)",
                "INSERT INTO rf_rich_src VALUES (3, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0.0000000001,"
                        + " 0.000000000000000000000000000001, 0.5, 0.1, 1, b'1', '2024-02-29', '12:00:00.5',"
                        + " '2024-03-31 02:30:00.123456', '2024-03-31 01:30:00.123456', 'abcde', 'x', 'y', x'0a0d09',"
                        + " x'01', '{}', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'paid', 'a,b,c', 2024)");
        MARIADB.execute("INSERT INTO rf_rich_src (id) VALUES (4)");
        // a 16 MB value, bound rather than written as a literal
        try (Connection connection = MARIADB.adminConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE rf_rich_src SET lb = ? WHERE id = 1")) {
            byte[] large = new byte[SIXTEEN_MB];
            for (int i = 0; i < large.length; i++) {
                large[i] = (byte) (i * 31);
            }
            update.setBytes(1, large);
            update.executeUpdate();
        }
    }

    @Test
    void mariadbToPostgresAndBackKeepsEveryValue() throws Exception {
        CopyResult there = Rowferry.copy()
                .from(Rowferry.read(MARIADB.database()).table("rf_rich_src"))
                .to(POSTGRES.database(), "rf_rich_pg")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .run();
        assertThat(there.rowsWritten()).isEqualTo(4);
        // PostgreSQL's own text of a few values on the way
        assertThat(text(POSTGRES, "SELECT u64::text FROM rf_rich_pg WHERE id = 1")).isEqualTo("18446744073709551615");
        assertThat(text(POSTGRES, "SELECT js::text FROM rf_rich_pg WHERE id = 1"))
                .isEqualTo("{\"b\": 1, \"a\": [1, 2.50, \"x\"]}");
        assertThat(text(POSTGRES, "SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM rf_rich_pg"
                + " WHERE id = 3")).isEqualTo("2024-03-31 01:30:00.123456");
        assertThat(text(POSTGRES, "SELECT dt::text FROM rf_rich_pg WHERE id = 3")).isEqualTo("2024-03-31 02:30:00.123456");
        assertThat(text(POSTGRES, "SELECT length(lb)::text FROM rf_rich_pg WHERE id = 1"))
                .isEqualTo(String.valueOf(SIXTEEN_MB));

        CopyResult back = Rowferry.copy()
                .from(Rowferry.read(POSTGRES.database()).table("rf_rich_pg"))
                .to(MARIADB.database(), "rf_rich_back")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .run();
        assertThat(back.rowsWritten()).isEqualTo(4);
        try (Connection connection = MARIADB.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            for (String column : COLUMNS) {
                try (ResultSet differing = statement.executeQuery("SELECT COUNT(*) FROM rf_rich_src a JOIN rf_rich_back b"
                        + " ON a.id = b.id WHERE NOT (a." + column + " <=> b." + column + ")")) {
                    differing.next();
                    assertThat(differing.getInt(1)).as("rows whose %s changed", column).isZero();
                }
            }
        }
        assertThat(MARIADB.count("rf_rich_back")).isEqualTo(4);
    }

    @Test
    void aValueTheTargetCannotHoldStopsTheCopyOrIsCountedWhenAllowed() throws Exception {
        POSTGRES.dropTable("rf_lossy_src");
        POSTGRES.execute("CREATE TABLE rf_lossy_src (id int PRIMARY KEY, n numeric, f double precision)",
                "INSERT INTO rf_lossy_src VALUES (1, 1.5, 1.5), (2, 'NaN', 'Infinity'), (3, 2.25, 0)");
        assertThatThrownBy(() -> Rowferry.copy()
                        .from(Rowferry.read(POSTGRES.database()).table("rf_lossy_src"))
                        .to(MARIADB.database(), "rf_lossy_dst")
                        .create(true)
                        .ifExists(IfExists.REPLACE)
                        .run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.DATA))
                .hasMessageContaining("value NaN of column n in the row with id=2")
                .hasMessageContaining("rf_lossy_dst");
        assertThat(MARIADB.count("rf_lossy_dst")).isZero(); // the batch holding the row was not written

        CopyResult allowed = Rowferry.copy()
                .from(Rowferry.read(POSTGRES.database()).table("rf_lossy_src"))
                .to(MARIADB.database(), "rf_lossy_dst")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .onLossy(OnLossy.ALLOW)
                .run();
        assertThat(allowed.rowsWritten()).isEqualTo(3);
        assertThat(allowed.lossyValues()).containsEntry("n", 1L).containsEntry("f", 1L);
        assertThat(MARIADB.queryLong("SELECT COUNT(*) FROM rf_lossy_dst WHERE id = 2 AND n IS NULL AND f IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void zeroDatesArriveAsTheyWereInMariadbAndAreNeverSilentlyNullElsewhere() throws Exception {
        MARIADB.dropTable("rf_zero_src");
        MARIADB.execute("CREATE TABLE rf_zero_src (id INT PRIMARY KEY, d DATE, dt DATETIME(6), t TIME(6))",
                "INSERT INTO rf_zero_src VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '838:59:59'),"
                        + " (2, '2024-00-10', '2024-02-00 10:00:00.5', '-01:00:00'), (3, '2024-01-31', NULL, '10:00:00')");
        for (boolean mysqlDriver : new boolean[] {false, true}) {
            MariaDbTestDatabase source = new MariaDbTestDatabase(ServerSettings.DATABASE, mysqlDriver);
            Rowferry.copy()
                    .from(Rowferry.read(source.database()).table("rf_zero_src"))
                    .to(MARIADB.database(), "rf_zero_copy")
                    .create(true)
                    .ifExists(IfExists.REPLACE)
                    .run();
            for (String column : List.of("d", "dt", "t")) {
                assertThat(MARIADB.queryLong("SELECT COUNT(*) FROM rf_zero_src a JOIN rf_zero_copy b ON a.id = b.id"
                        + " WHERE NOT (CAST(a." + column + " AS CHAR) <=> CAST(b." + column + " AS CHAR))"))
                        .as("%s through %s", column, source.id())
                        .isZero();
            }
        }
        assertThatThrownBy(() -> Rowferry.copy()
                        .from(Rowferry.read(MARIADB.database()).table("rf_zero_src"))
                        .to(POSTGRES.database(), "rf_zero_pg")
                        .create(true)
                        .ifExists(IfExists.REPLACE)
                        .run())
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("value 0000-00-00 of column d in the row with id=1");
        CopyResult allowed = Rowferry.copy()
                .from(Rowferry.read(MARIADB.database()).table("rf_zero_src"))
                .to(POSTGRES.database(), "rf_zero_pg")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .onLossy(OnLossy.ALLOW)
                .run();
        assertThat(allowed.lossyValues()).containsEntry("d", 2L).containsEntry("dt", 2L).containsEntry("t", 2L);
        assertThat(text(POSTGRES, "SELECT d::text || ' ' || t::text FROM rf_zero_pg WHERE id = 3"))
                .isEqualTo("2024-01-31 10:00:00");
    }

    private static String text(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.adminConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
