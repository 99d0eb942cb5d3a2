package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code rowferry plan} on embedded databases: what a copy would do, and that it writes nothing. */
class PlanCommandTest {

    @TempDir
    Path dir;

    /** The cells of the column table's row for this column (cells are separated by two or more spaces). */
    static List<String> columnRow(String out, String column) {
        Optional<String> line = out.lines()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith(column.toLowerCase(java.util.Locale.ROOT) + " "))
                .findFirst();
        assertThat(line).as("row of column %s in%n%s", column, out).isPresent();
        return Arrays.asList(line.get().split(" {2,}"));
    }

    /** The value of a {@code Label   value} line. */
    static String field(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label + " ")).findFirst().map(l -> l.substring(label.length()).strip())
                .orElseThrow(() -> new AssertionError("no line " + label + " in\n" + out));
    }

    @Test
    void aCreateIsPlannedWithTheReadTheStatementAndEveryColumnAndNothingIsWritten() {
        String source = Fixtures.h2Orders(dir, 100);
        String target = Fixtures.sqlite(dir, "target");

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "orders", "--to", target, "--create");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String out = result.out();
        assertThat(field(out, "Source")).isEqualTo("table orders on " + source);
        assertThat(field(out, "Read")).startsWith("keyset").contains("5,000 rows", "(ID)");
        assertThat(field(out, "Holds")).contains("nothing is held between pages");
        assertThat(field(out, "Target")).isEqualTo("table orders on " + target);
        assertThat(field(out, "Table")).startsWith("create");
        assertThat(field(out, "Create")).startsWith("CREATE TABLE").contains("PRIMARY KEY");
        assertThat(field(out, "Write")).contains("5,000 rows per batch");
        assertThat(field(out, "On lossy")).startsWith("fail");
        assertThat(columnRow(out, "COLUMN")).containsExactly("COLUMN", "SOURCE TYPE", "TARGET TYPE", "VALUES", "NOTE");
        Map<String, String> sourceTypes = Map.of("ID", "BIGINT", "NAME", "CHARACTER VARYING(50)",
                "AMOUNT", "DECIMAL(12,2)", "CREATED", "TIMESTAMP", "NOTE", "CHARACTER VARYING(100)");
        sourceTypes.forEach((column, type) -> {
            List<String> cells = columnRow(out, column);
            assertThat(cells.get(0)).isEqualTo(column);
            assertThat(cells.get(1)).isEqualTo(type);
            assertThat(cells.get(2)).as("target type of %s", column).isNotBlank();
            assertThat(cells.get(3)).as("values of %s", column).matches("lossless|lossy: .+");
        });
        assertThat(out.lines().filter(l -> l.startsWith("Nothing was written."))).hasSize(1);
        assertThat(Fixtures.tableExists(target, "orders")).as("plan creates nothing").isFalse();
    }

    /** sqlite-jdbc reports DECIMAL(10,2) as DECIMAL with a size of 12; the plan shows the declared type. */
    @Test
    void sqliteColumnsArePlannedWithTheirDeclaredPrecisionAndLength() {
        String source = Fixtures.sqlite(dir, "declared");
        Fixtures.execute(source, "CREATE TABLE prices (id INTEGER PRIMARY KEY, price DECIMAL(10,2),"
                + " exact DECIMAL_TEXT(38,10), name VARCHAR(40))");
        String target = Fixtures.h2(dir, "declared_target");

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "prices", "--to", target, "--create");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(columnRow(out, "price").subList(0, 4)).containsExactly("price", "DECIMAL(10,2)", "NUMERIC(10,2)",
                "lossless");
        assertThat(columnRow(out, "exact").subList(0, 4)).containsExactly("exact", "DECIMAL_TEXT(38,10)",
                "NUMERIC(38,10)", "lossless");
        assertThat(columnRow(out, "name").subList(0, 4)).containsExactly("name", "VARCHAR(40)", "VARCHAR(40)",
                "lossless");
    }

    @Test
    void lossyColumnsAreMarkedWithTheirReasonAndThePlanStillEndsWithZero() {
        String source = Fixtures.h2WideValues(dir);
        String target = Fixtures.h2NarrowTarget(dir);

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "t", "--to", target);

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(field(out, "Table")).startsWith("append");
        assertThat(out).doesNotContain("CREATE TABLE");
        assertThat(columnRow(out, "ID")).containsExactly("ID", "INTEGER", "INTEGER", "lossless");
        List<String> note = columnRow(out, "NOTE");
        assertThat(note.subList(0, 3)).containsExactly("NOTE", "CHARACTER VARYING(400)", "CHARACTER VARYING(10)");
        assertThat(note.get(3)).startsWith("lossy: ");
        List<String> amount = columnRow(out, "AMOUNT");
        assertThat(amount.subList(0, 3)).containsExactly("AMOUNT", "DECIMAL(12,4)", "DECIMAL(12,2)");
        assertThat(amount.get(3)).startsWith("lossy: ");
        assertThat(out).contains("2 of 3 columns can get values they cannot hold exactly",
                "the copy stops at the first such value (--on-lossy fail)");
    }

    @Test
    void aQueryIsPlannedAsACursorReadWithItsSql() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.duckdb(dir, "target");

        Cli.Result result = Cli.run("plan", "--from", source, "--query", "SELECT id, name FROM orders WHERE id <= 7",
                "--target-table", "names", "--to", target, "--create", "--on-lossy", "allow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(field(out, "Source")).isEqualTo("query on " + source);
        assertThat(field(out, "Read")).startsWith("cursor");
        assertThat(field(out, "SQL")).isEqualTo("SELECT id, name FROM orders WHERE id <= 7");
        assertThat(field(out, "Holds")).contains("one connection");
        assertThat(field(out, "Target")).isEqualTo("table names on " + target);
        assertThat(field(out, "On lossy")).startsWith("allow");
        assertThat(columnRow(out, "ID").subList(0, 2)).containsExactly("ID", "BIGINT");
        assertThat(columnRow(out, "NAME").subList(0, 2)).containsExactly("NAME", "CHARACTER VARYING");
        assertThat(Fixtures.tableExists(target, "names")).isFalse();
    }

    @Test
    void truncateAndReplaceArePlannedWithoutTouchingTheTable() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqliteOrders(dir);
        Fixtures.execute(target, "INSERT INTO orders VALUES (99, 'already here', 0, '2020-01-01 00:00:00', NULL)");

        Cli.Result truncate = Cli.run("plan", "--from", source, "--table", "orders", "--to", target,
                "--if-exists", "truncate");
        Cli.Result replace = Cli.run("plan", "--from", source, "--table", "orders", "--to", target, "--create",
                "--if-exists", "replace");

        assertThat(truncate.exitCode()).as(truncate.err()).isZero();
        assertThat(field(truncate.out(), "Table")).startsWith("truncate");
        assertThat(replace.exitCode()).as(replace.err()).isZero();
        assertThat(field(replace.out(), "Table")).startsWith("replace");
        assertThat(field(replace.out(), "Create")).startsWith("CREATE TABLE");
        assertThat(Fixtures.count(target, "orders")).isEqualTo(1);
    }

    @Test
    void typeMappedColumnsAreShownWithTheirTypeAsNotChecked() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.duckdb(dir, "target");

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "orders", "--to", target, "--create",
                "--type-map", "amount=DECIMAL(18,4)");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(columnRow(result.out(), "AMOUNT").subList(0, 4))
                .containsExactly("AMOUNT", "DECIMAL(12,2)", "DECIMAL(18,4)", "not checked (--type-map)");
        assertThat(field(result.out(), "Create")).contains("DECIMAL(18,4)");
        assertThat(result.out()).contains("Types from --type-map are not checked here");
    }

    @Test
    void aTypeMapForATableThatExistsAndIsKeptIsRefused() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "orders", "--to", target, "--create",
                "--if-exists", "truncate", "--type-map", "amount=REAL");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("already exists, so the type map would change nothing")
                .contains("--if-exists replace");
    }

    @Test
    void outputJsonIsOneObjectWithTheSameContent() {
        String source = Fixtures.h2WideValues(dir);
        String target = Fixtures.h2NarrowTarget(dir);

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "t", "--to", target, "--output", "json",
                "--batch-size", "100");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).hasSize(1);
        JsonNode plan = JsonMapper.builder().build().readTree(result.out());
        assertThat(plan.get("command").asString()).isEqualTo("plan");
        assertThat(plan.get("status").asString()).isEqualTo("ok");
        assertThat(plan.get("source").asString()).isEqualTo("table t on " + source);
        assertThat(plan.get("read").get("strategy").asString()).isEqualTo("keyset");
        assertThat(plan.get("read").get("key").get(0).asString()).isEqualTo("ID");
        assertThat(plan.get("read").get("sql").isNull()).isTrue();
        assertThat(plan.get("read").get("holds").asString()).isNotBlank();
        assertThat(plan.get("target").asString()).isEqualTo("table t on " + target);
        assertThat(plan.get("table").get("exists").asBoolean()).isTrue();
        assertThat(plan.get("table").get("action").asString()).isEqualTo("append");
        assertThat(plan.get("table").get("createSql").isNull()).isTrue();
        assertThat(plan.get("writeMode").asString()).isNotBlank();
        assertThat(plan.get("batchSize").asInt()).isEqualTo(100);
        assertThat(plan.get("onLossy").asString()).isEqualTo("fail");
        JsonNode columns = plan.get("columns");
        assertThat(columns.size()).isEqualTo(3);
        assertThat(columns.get(0).get("name").asString()).isEqualTo("ID");
        assertThat(columns.get(0).get("lossless").asBoolean()).isTrue();
        assertThat(columns.get(1).get("sourceType").asString()).isEqualTo("CHARACTER VARYING(400)");
        assertThat(columns.get(1).get("targetType").asString()).isEqualTo("CHARACTER VARYING(10)");
        assertThat(columns.get(1).get("lossless").asBoolean()).isFalse();
        assertThat(columns.get(1).get("loss").asString()).isNotBlank();
        assertThat(plan.get("lossyColumns").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingTargetTableWithoutCreateEndsWithExitFiveInOneLine() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqlite(dir, "target");

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "orders", "--to", target);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("rowferry: error: ")
                .contains("orders", "not found", "--create");
    }

    @Test
    void createOverAnExistingTableEndsWithExitTwo() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "orders", "--to", target, "--create");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("rowferry: error: ")
                .contains("already exists", "try 'rowferry plan --help'");
    }

    @Test
    void outputJsonOnFailureCarriesTheErrorKindAndExitCode() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("plan", "--from", source, "--table", "missing", "--to", target, "--output", "json");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.errLines()).singleElement().asString().startsWith("rowferry: error: table missing not found");
        JsonNode plan = JsonMapper.builder().build().readTree(result.out());
        assertThat(plan.get("command").asString()).isEqualTo("plan");
        assertThat(plan.get("status").asString()).isEqualTo("error");
        assertThat(plan.get("errorKind").asString()).isEqualTo("NOT_FOUND");
        assertThat(plan.get("exitCode").asInt()).isEqualTo(5);
        assertThat(plan.get("message").asString()).startsWith("table missing not found");
    }
}
