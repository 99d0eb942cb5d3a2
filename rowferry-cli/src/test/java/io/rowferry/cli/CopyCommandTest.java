package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code rowferry copy} from an embedded H2 file into an embedded SQLite file. */
class CopyCommandTest {
    private static final int ROWS = 12_345;

    @TempDir
    Path dir;

    @Test
    void copiesEveryRowWithItsValuesAndReportsOneSummaryLine() {
        String source = Fixtures.h2Orders(dir, ROWS);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--batch-size", "1000");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("copied 12,345 rows from table orders on " + source + " to table orders on " + target + " in ")
                .contains("rows/s", "MB/s", "peak heap", "strategy keyset"));
        assertThat(Fixtures.count(target, "orders")).isEqualTo(ROWS);
        List<List<String>> rows = Fixtures.query(target, "SELECT id, name, amount, created, note FROM orders"
                + " WHERE id IN (1, 3, 12345) ORDER BY id");
        assertThat(rows.get(0)).containsExactly("1", "customer 1", "1.25", "2024-01-01 00:00:01.000001", "note 1");
        assertThat(rows.get(1)).containsExactly("3", "customer 3", "3.75", "2024-01-01 00:00:03.000003", null);
        assertThat(rows.get(2).subList(0, 2)).containsExactly("12345", "customer 12345");
        assertThat(new BigDecimal(rows.get(2).get(2))).isEqualByComparingTo("15431.25");
        assertThat(rows.get(2).get(3)).isEqualTo("2024-01-01 03:25:45.012345");
    }

    @Test
    void copiesSelectedColumnsAndRowsWithTheCursorStrategy() {
        String source = Fixtures.h2Orders(dir, 100);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--columns", "id,name,amount,created", "--where", "id > 90", "--strategy", "cursor");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("copied 10 rows", "strategy cursor");
        assertThat(Fixtures.query(target, "SELECT MIN(id), MAX(id), COUNT(note) FROM orders").get(0))
                .containsExactly("91", "100", "0");
    }

    @Test
    void copiesAQueryIntoTheNamedTargetTable() {
        String source = Fixtures.h2Orders(dir, 50);
        String target = Fixtures.sqlite(dir, "names");
        Fixtures.execute(target, "CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");

        Cli.Result result = Cli.run("copy", "--from", source, "--query", "SELECT id, name FROM orders WHERE id <= 7",
                "--to", target, "--target-table", "names");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("copied 7 rows from query on " + source + " to table names on " + target);
        assertThat(Fixtures.query(target, "SELECT name FROM names WHERE id = 7").get(0)).containsExactly("customer 7");
    }

    @Test
    void outputJsonPrintsOneParsableObjectOnStdout() {
        String source = Fixtures.h2Orders(dir, 2_000);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).hasSize(1);
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(summary.get("command").asString()).isEqualTo("copy");
        assertThat(summary.get("status").asString()).isEqualTo("ok");
        assertThat(summary.get("source").asString()).isEqualTo("table orders on " + source);
        assertThat(summary.get("target").asString()).isEqualTo("table orders on " + target);
        assertThat(summary.get("strategy").asString()).isEqualTo("keyset");
        assertThat(summary.get("rowsRead").asLong()).isEqualTo(2_000);
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(2_000);
        assertThat(summary.get("rowsDropped").asLong()).isZero();
        assertThat(summary.get("bytes").asLong()).isPositive();
        assertThat(summary.get("batches").asLong()).isPositive();
        assertThat(summary.get("elapsedSeconds").isNumber()).isTrue();
        assertThat(summary.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(summary.get("megabytesPerSecond").isNumber()).isTrue();
        assertThat(summary.get("peakHeapBytes").asLong()).isPositive();
        assertThat(summary.get("lossyValues").isObject()).isTrue();
        assertThat(summary.get("lossyValues").isEmpty()).isTrue();
        assertThat(summary.has("errorKind")).isFalse();
    }

    @Test
    void outputJsonOnFailureCarriesTheErrorKindAndExitCode() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "missing", "--to", target, "--output", "json");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.errLines()).singleElement().asString().startsWith("rowferry: error: table missing not found");
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(summary.get("status").asString()).isEqualTo("error");
        assertThat(summary.get("errorKind").asString()).isEqualTo("NOT_FOUND");
        assertThat(summary.get("exitCode").asInt()).isEqualTo(5);
        assertThat(summary.get("message").asString()).startsWith("table missing not found");
        assertThat(summary.get("rowsWritten").asLong()).isZero();
        assertThat(summary.get("lossyValues").isNull()).as("not known after a failure").isTrue();
    }

    @Test
    void aDuplicateKeyInTheTargetFailsWithExitSixNamingTableAndKeyAndCommitsNothingOfTheBatch() {
        String source = Fixtures.h2Orders(dir, 3_000);
        String target = Fixtures.sqliteOrders(dir);
        Fixtures.execute(target, "INSERT INTO orders VALUES (1234, 'already here', 0, '2020-01-01 00:00:00', NULL)");

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--batch-size", "5000");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("rowferry: error: ")
                .contains("orders", "1234")
                .doesNotContain("\tat ");
        assertThat(Fixtures.count(target, "orders")).as("the failed batch is rolled back").isEqualTo(1);
    }

    @Test
    void offsetStrategyWarnsOnStderrInOneLine() {
        String source = Fixtures.h2Orders(dir, 30);
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--strategy", "offset", "--fetch-size", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.errLines()).anySatisfy(line -> assertThat(line)
                .startsWith("rowferry: warning: offset pages rescan every earlier row"));
        assertThat(result.err()).contains("copied 30 rows", "strategy offset");
        assertThat(Fixtures.count(target, "orders")).isEqualTo(30);
    }
}
