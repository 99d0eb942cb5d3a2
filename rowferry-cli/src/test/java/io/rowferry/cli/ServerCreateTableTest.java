package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code plan} and {@code copy --create} from the local PostgreSQL server into the local MariaDB server: PostgreSQL's
 * {@code numeric} without precision is wider than any MariaDB DECIMAL, so the plan marks it lossy and a value with
 * 31 fraction digits stops the copy unless {@code --on-lossy} allows it.
 */
class ServerCreateTableTest {
    private static final String LONG_FRACTION = "0.1234567890123456789012345678901";

    String postgres;
    String mariadb;
    String table;

    @BeforeEach
    void createSourceTable() {
        Servers.prepare();
        postgres = Servers.postgres(Servers.DATABASE);
        mariadb = Servers.mariadb(Servers.DATABASE);
        table = Servers.uniqueTable("cli_create");
        Fixtures.execute(postgres,
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, amount numeric, price numeric(10,2) NOT NULL,"
                        + " name text)",
                "INSERT INTO " + table + " VALUES (1, 1.5, 3.50, 'one'), (2, " + LONG_FRACTION + ", 4.00, 'two'),"
                        + " (3, 12345678901234567890, 5.25, NULL)");
    }

    @AfterEach
    void dropTables() {
        Fixtures.execute(postgres, "DROP TABLE IF EXISTS " + table);
        Fixtures.execute(mariadb, "DROP TABLE IF EXISTS " + table);
    }

    @Test
    void planMarksNumericWithoutPrecisionAsLossyAndCreatesNothing() {
        Cli.Result result = Cli.run("plan", "--from", postgres, "--table", table, "--to", mariadb, "--create");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(PlanCommandTest.field(out, "Table")).startsWith("create");
        assertThat(PlanCommandTest.field(out, "Create")).startsWith("CREATE TABLE `" + table + "`");
        assertThat(PlanCommandTest.columnRow(out, "id").subList(0, 4)).containsExactly("id", "int8", "BIGINT", "lossless");
        List<String> amount = PlanCommandTest.columnRow(out, "amount");
        assertThat(amount.subList(0, 2)).containsExactly("amount", "numeric");
        assertThat(amount.get(2)).startsWith("DECIMAL(");
        assertThat(amount.get(3)).startsWith("lossy: ");
        assertThat(PlanCommandTest.columnRow(out, "price").subList(0, 4))
                .containsExactly("price", "numeric(10,2)", "DECIMAL(10,2)", "lossless");
        assertThat(PlanCommandTest.columnRow(out, "name").subList(0, 2)).containsExactly("name", "text");
        assertThat(Fixtures.tableExists(mariadb, table)).isFalse();
    }

    @Test
    void aValueWithTooManyFractionDigitsFailsWithExitSevenNamingColumnKeyAndValue() {
        Cli.Result result = Cli.run("copy", "--from", postgres, "--table", table, "--to", mariadb, "--create");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(7);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("rowferry: error: value " + LONG_FRACTION)
                .contains("column amount", "id=2", "--on-lossy");
        assertThat(Fixtures.count(mariadb, table)).isZero();
    }

    @Test
    void createWithATypeMapAndOnLossyAllowCopiesEveryRowAndCountsTheRoundedValue() {
        Cli.Result result = Cli.run("copy", "--from", postgres, "--table", table, "--to", mariadb, "--create",
                "--type-map", "name=varchar(40)", "--on-lossy", "allow", "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(3);
        assertThat(summary.get("lossyValues").get("amount").asLong()).isEqualTo(1);
        assertThat(summary.get("lossyValues").size()).isEqualTo(1);

        List<Fixtures.ColumnInfo> columns = Fixtures.columns(mariadb, table);
        assertThat(columns).extracting(Fixtures.ColumnInfo::name).containsExactly("id", "amount", "price", "name");
        assertThat(columns.get(3).typeName()).isEqualToIgnoringCase("VARCHAR");
        assertThat(columns.get(3).size()).isEqualTo(40);
        assertThat(columns.get(2).typeName()).isEqualToIgnoringCase("DECIMAL");
        assertThat(columns.get(2).size()).isEqualTo(10);
        assertThat(columns.get(2).scale()).isEqualTo(2);
        assertThat(columns.get(2).nullable()).isFalse();
        assertThat(Fixtures.primaryKey(mariadb, table)).containsExactly("id");

        List<List<String>> rows = Fixtures.query(mariadb, "SELECT id, amount, name FROM " + table + " ORDER BY id");
        assertThat(new BigDecimal(rows.get(1).get(1)))
                .isEqualByComparingTo(new BigDecimal(LONG_FRACTION).setScale(30, java.math.RoundingMode.HALF_UP));
        assertThat(new BigDecimal(rows.get(2).get(1))).isEqualByComparingTo("12345678901234567890");
        assertThat(rows.get(0).get(2)).isEqualTo("one");
    }

    @Test
    void ifExistsReplaceOnMariaDbCreatesTheTableAgain() {
        Fixtures.execute(mariadb, "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, legacy TEXT)",
                "INSERT INTO " + table + " VALUES (7, 'old')");

        Cli.Result result = Cli.run("copy", "--from", postgres, "--table", table, "--columns", "id,price,name",
                "--to", mariadb, "--create", "--if-exists", "replace");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("copied 3 rows").doesNotContain("written not exactly");
        assertThat(Fixtures.columns(mariadb, table)).extracting(Fixtures.ColumnInfo::name)
                .containsExactly("id", "price", "name");
        assertThat(Fixtures.query(mariadb, "SELECT id FROM " + table + " ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }
}
