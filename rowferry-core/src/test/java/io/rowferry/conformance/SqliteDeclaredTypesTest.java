package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.IfExists;
import io.rowferry.Rowferry;
import io.rowferry.schema.ColumnPlan;
import io.rowferry.schema.SqlType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite columns are planned by their declared types. sqlite-jdbc's metadata names {@code DECIMAL(10,2)} as
 * {@code DECIMAL} with a size of 12 (precision plus scale) and drops VARCHAR lengths; the plan read them from it and
 * reported DECIMAL(12,2), created unbounded decimals and text without length.
 */
class SqliteDeclaredTypesTest {
    @TempDir
    static Path directory;

    @Test
    void planReportsAndCreatesTheDeclaredPrecisionScaleAndLength() throws Exception {
        TestDatabase sqlite = new EmbeddedTestDatabase.Sqlite(directory, "declared");
        sqlite.execute("CREATE TABLE rt_declared (id INTEGER NOT NULL PRIMARY KEY, price DECIMAL(10,2),"
                + " exact DECIMAL_TEXT(38,10), n NUMERIC(5), name VARCHAR(40), code CHAR(3))");
        PostgresTestDatabase postgres = new PostgresTestDatabase(ServerSettings.TYPES_DATABASE);

        List<ColumnPlan> plan = Rowferry.copy()
                .from(Rowferry.read(sqlite.database()).table("rt_declared"))
                .to(postgres.database(), "rt_declared_pg")
                .create(true)
                .ifExists(IfExists.REPLACE)
                .plan()
                .table()
                .columns();

        assertThat(plan).extracting(ColumnPlan::sourceType)
                .containsExactly("INTEGER", "DECIMAL(10,2)", "DECIMAL_TEXT(38,10)", "NUMERIC(5)", "VARCHAR(40)",
                        "CHAR(3)");
        assertThat(plan).extracting(ColumnPlan::type).containsExactly(SqlType.integer(64, false),
                SqlType.decimal(10, 2), SqlType.decimal(38, 10), SqlType.decimal(5, 0),
                SqlType.sized(SqlType.Kind.VARCHAR, 40), SqlType.sized(SqlType.Kind.CHAR, 3));
        assertThat(plan).extracting(ColumnPlan::targetType)
                .containsExactly("bigint", "numeric(10,2)", "numeric(38,10)", "numeric(5,0)", "varchar(40)", "char(3)");
    }

    @Test
    void anExistingTargetColumnIsJudgedByItsDeclaredType() throws Exception {
        TestDatabase sqlite = new EmbeddedTestDatabase.Sqlite(directory, "declared_target");
        sqlite.execute("CREATE TABLE rt_narrow (id INTEGER NOT NULL PRIMARY KEY, amount DECIMAL_TEXT(10,2))");
        PostgresTestDatabase postgres = new PostgresTestDatabase(ServerSettings.TYPES_DATABASE);
        postgres.dropTable("rt_wide_pg");
        postgres.execute("CREATE TABLE rt_wide_pg (id int PRIMARY KEY, amount numeric(12,2))");

        List<ColumnPlan> plan = Rowferry.copy()
                .from(Rowferry.read(postgres.database()).table("rt_wide_pg"))
                .to(sqlite.database(), "rt_narrow")
                .plan()
                .table()
                .columns();

        assertThat(plan.get(1).targetType()).isEqualTo("DECIMAL_TEXT(10,2)");
        assertThat(plan.get(1).loss()).isEqualTo("a DECIMAL(10,2) column cannot hold every DECIMAL(12,2)");
    }
}
