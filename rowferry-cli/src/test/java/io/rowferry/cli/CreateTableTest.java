package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rowferry copy --create}, {@code --if-exists} and {@code --type-map}, on embedded databases. */
class CreateTableTest {

    @TempDir
    Path dir;

    private static List<String> names(List<Fixtures.ColumnInfo> columns) {
        return columns.stream().map(column -> column.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static Fixtures.ColumnInfo column(List<Fixtures.ColumnInfo> columns, String name) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    @Test
    void createMakesTheMissingTableFromTheSourceDefinitionAndCopiesEveryRow() {
        String source = Fixtures.h2Orders(dir, 1_234);
        String target = Fixtures.sqlite(dir, "target");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.errLines()).singleElement().asString().startsWith("copied 1,234 rows from table orders");
        assertThat(Fixtures.count(target, "orders")).isEqualTo(1_234);
        List<Fixtures.ColumnInfo> columns = Fixtures.columns(target, "orders");
        assertThat(names(columns)).containsExactly("id", "name", "amount", "created", "note");
        assertThat(column(columns, "name").nullable()).isFalse();
        assertThat(column(columns, "note").nullable()).isTrue();
        assertThat(Fixtures.primaryKey(target, "orders")).singleElement().asString().isEqualToIgnoringCase("id");
        List<String> row = Fixtures.query(target, "SELECT id, name, amount, note FROM orders WHERE id = 3").get(0);
        assertThat(row.subList(0, 2)).containsExactly("3", "customer 3");
        assertThat(new BigDecimal(row.get(2))).isEqualByComparingTo("3.75");
        assertThat(row.get(3)).isNull();
    }

    @Test
    void createIntoAnExistingTableFailsWithExitTwoInOneLineAndLeavesTheTableAlone() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqliteOrders(dir);
        Fixtures.execute(target, "INSERT INTO orders VALUES (99, 'already here', 0, '2020-01-01 00:00:00', NULL)");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("rowferry: error: ")
                .contains("orders", "already exists", "--if-exists")
                .doesNotContain("\tat ");
        assertThat(Fixtures.count(target, "orders")).isEqualTo(1);
    }

    @Test
    void ifExistsTruncateRemovesTheRowsFirstAndKeepsTheDefinition() {
        String source = Fixtures.h2Orders(dir, 20);
        String target = Fixtures.sqliteOrders(dir);
        Fixtures.execute(target, "INSERT INTO orders VALUES (1, 'already here', 0, '2020-01-01 00:00:00', NULL)",
                "INSERT INTO orders VALUES (500, 'not in the source', 0, '2020-01-01 00:00:00', NULL)");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--if-exists", "truncate");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Fixtures.count(target, "orders")).isEqualTo(20);
        assertThat(Fixtures.query(target, "SELECT name FROM orders WHERE id = 1").get(0)).containsExactly("customer 1");
        assertThat(Fixtures.columns(target, "orders")).extracting(Fixtures.ColumnInfo::typeName)
                .as("the table's own definition stays").contains("TEXT");
    }

    @Test
    void ifExistsTruncateWithCreateCreatesAMissingTable() {
        String source = Fixtures.h2Orders(dir, 20);
        String target = Fixtures.sqlite(dir, "target");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--if-exists", "truncate");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Fixtures.count(target, "orders")).isEqualTo(20);
    }

    @Test
    void ifExistsReplaceDropsTheTableAndCreatesItFromTheSource() {
        String source = Fixtures.h2Orders(dir, 20);
        String target = Fixtures.sqlite(dir, "target");
        Fixtures.execute(target, "CREATE TABLE orders (id INTEGER PRIMARY KEY, legacy TEXT)",
                "INSERT INTO orders VALUES (1, 'old')");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--if-exists", "replace");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(names(Fixtures.columns(target, "orders"))).containsExactly("id", "name", "amount", "created", "note");
        assertThat(Fixtures.count(target, "orders")).isEqualTo(20);
        assertThat(Fixtures.query(target, "SELECT name FROM orders WHERE id = 1").get(0)).containsExactly("customer 1");
    }

    @Test
    void typeMapSetsOneColumnsTypeCommaAndAllWhileTheOthersKeepTheirMappedTypes() {
        String source = Fixtures.h2Orders(dir, 50);
        String target = Fixtures.duckdb(dir, "target");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--type-map", "amount=DECIMAL(18,4)", "--type-map", "NOTE = VARCHAR");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Fixtures.count(target, "orders")).isEqualTo(50);
        List<List<String>> types = Fixtures.query(target, "SELECT lower(column_name), data_type, numeric_precision,"
                + " numeric_scale FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position");
        assertThat(types.get(2)).containsExactly("amount", "DECIMAL(18,4)", "18", "4");
        assertThat(types.get(0)).startsWith("id", "BIGINT");
        assertThat(types.get(4)).startsWith("note", "VARCHAR");
        assertThat(new BigDecimal(Fixtures.query(target, "SELECT amount FROM orders WHERE id = 7").get(0).get(0)))
                .isEqualByComparingTo("8.75");
    }

    @Test
    void typeMapNamingAColumnTheSourceLacksIsNotFound() {
        String source = Fixtures.h2Orders(dir, 5);
        String target = Fixtures.sqlite(dir, "target");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--type-map", "amuont=numeric(12,2)");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
        assertThat(result.errLines()).singleElement().asString().startsWith("rowferry: error: ").contains("amuont");
        assertThat(Fixtures.tableExists(target, "orders")).isFalse();
    }
}
