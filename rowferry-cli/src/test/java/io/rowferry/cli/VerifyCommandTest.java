package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code rowferry verify} between an embedded H2 file and a SQLite copy of it: the report, JSON and exit codes. */
class VerifyCommandTest {
    private static final int ROWS = 5_000;

    @TempDir
    Path dir;

    /** H2 stores the unquoted names of the fixture in upper case; the report shows the source's stored names. */
    @Test
    void identicalTablesExitZeroAndDifferencesExitTenWithTheKeys() {
        String source = Fixtures.h2Orders(dir, ROWS);
        String target = Fixtures.sqliteOrders(dir);
        assertThat(Cli.run("copy", "--from", source, "--table", "orders", "--to", target).exitCode()).isZero();

        Cli.Result same = Cli.run("verify", "--from", source, "--to", target, "--table", "orders");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("identical: 5,000 rows in table orders on " + source
                + " and table orders on " + target + " (");

        Fixtures.execute(target, "DELETE FROM orders WHERE id IN (7, 8)", "UPDATE orders SET note = 'changed'"
                + " WHERE id = 9", "UPDATE orders SET amount = amount + 1, name = 'x' WHERE id = 4000");
        Cli.Result differ = Cli.run("verify", "--from", source, "--to", target, "--table", "orders",
                "--max-diffs", "1");
        assertThat(differ.exitCode()).as(differ.err()).isEqualTo(10);
        assertThat(differ.out().lines().toList()).containsExactly(
                differ.out().lines().findFirst().orElseThrow(),
                "missing  ID=7",
                "... and 1 more missing (--max-diffs 1)",
                "changed  ID=9 (NOTE)",
                "... and 1 more changed (--max-diffs 1)");
        assertThat(differ.out()).startsWith("different: 2 missing in the target, 0 extra in the target, 2 changed;"
                + " 5,000 rows in table orders on " + source + ", 4,998 in table orders on " + target);

        Cli.Result json = Cli.run("verify", "--from", source, "--to", target, "--table", "orders", "--output", "json");
        assertThat(json.exitCode()).isEqualTo(10);
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        assertThat(report.get("command").asString()).isEqualTo("verify");
        assertThat(report.get("status").asString()).isEqualTo("different");
        assertThat(report.get("missingCount").asLong()).isEqualTo(2);
        assertThat(report.get("missing").toString()).isEqualTo("[{\"ID\":7},{\"ID\":8}]");
        assertThat(report.get("changed").toString()).isEqualTo("[{\"key\":{\"ID\":9},\"columns\":[\"NOTE\"]},"
                + "{\"key\":{\"ID\":4000},\"columns\":[\"NAME\",\"AMOUNT\"]}]");
    }

    @Test
    void progressAlwaysPrintsAPlainLineAtEachPassAndNeverOtherwise() {
        String source = Fixtures.h2Orders(dir, ROWS);
        String target = Fixtures.sqliteOrders(dir);
        assertThat(Cli.run("copy", "--from", source, "--table", "orders", "--to", target).exitCode()).isZero();
        Fixtures.execute(target, "UPDATE orders SET note = 'changed' WHERE id = 9");

        Cli.Result shown = Cli.run("verify", "--from", source, "--to", target, "--table", "orders",
                "--progress", "always");
        assertThat(shown.exitCode()).as(shown.err()).isEqualTo(10);
        java.util.List<String> progress = shown.errLines().stream()
                .filter(line -> line.startsWith("rowferry: progress: ")).toList();
        assertThat(progress).as(shown.err()).isNotEmpty();
        assertThat(progress.get(0)).startsWith("rowferry: progress: hashing every row: ");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("comparing rows of differing buckets"));
        assertThat(shown.err()).doesNotContain("\r").doesNotContain("\033");
        assertThat(shown.out()).startsWith("different: 0 missing in the target, 0 extra in the target, 1 changed;");

        Cli.Result quiet = Cli.run("verify", "--from", source, "--to", target, "--table", "orders",
                "--progress", "never");
        assertThat(quiet.exitCode()).isEqualTo(10);
        assertThat(quiet.err()).doesNotContain("progress");
    }

    @Test
    void aMissingTargetTableIsOneLineWithExitFive() {
        String source = Fixtures.h2Orders(dir, 10);
        String target = Fixtures.sqlite(dir, "empty");
        Cli.Result result = Cli.run("verify", "--from", source, "--to", target, "--table", "orders");
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("rowferry: error: target table orders not found"));
    }

    @Test
    void aBadMaxDiffsIsAUsageError() {
        Cli.Result result = Cli.run("verify", "--from", "jdbc:h2:mem:x", "--to", "jdbc:h2:mem:y", "--table", "t",
                "--max-diffs", "-1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line).contains("--max-diffs"));
    }

    @Test
    void copyWithVerifyReportsTheCopyIdentical() {
        String source = Fixtures.h2Orders(dir, ROWS);
        String target = Fixtures.sqliteOrders(dir);
        Cli.Result result = Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--verify");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line).startsWith("copied 5,000 rows"));
        assertThat(result.out()).startsWith("identical: 5,000 rows in table orders on " + source);
    }

    @Test
    void copyWithVerifyOfAQueryIsAUsageError() {
        Cli.Result result = Cli.run("copy", "--from", "jdbc:h2:mem:x", "--query", "SELECT 1", "--target-table", "t",
                "--to", "jdbc:h2:mem:y", "--verify");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().satisfies(line -> assertThat(line).contains("--verify needs --table"));
    }

    @Test
    void aTableWithoutKeyAndABadConditionAreOneLineErrors() {
        String source = Fixtures.h2(dir, "nokey");
        Fixtures.execute(source, "CREATE TABLE loose (a INT, b VARCHAR(10))", "INSERT INTO loose VALUES (1, 'x')");
        Cli.Result noKey = Cli.run("verify", "--from", source, "--to", source, "--table", "loose");
        assertThat(noKey.exitCode()).isEqualTo(5);
        assertThat(noKey.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("rowferry: error: table loose on " + source)
                .endsWith("has no primary key or unique NOT NULL key to match rows by; name one with --key"));

        Cli.Result notUnique = Cli.run("verify", "--from", source, "--to", source, "--table", "loose", "--key", "b");
        assertThat(notUnique.exitCode()).isEqualTo(5);
        assertThat(notUnique.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("rowferry: error: ").contains("LOOSE", "nullable").doesNotContain("--strategy"));

        Servers.prepare();
        String postgres = Servers.postgres(Servers.DATABASE);
        Fixtures.execute(postgres, "DROP TABLE IF EXISTS rf_verify_cli", "CREATE TABLE rf_verify_cli (a int PRIMARY KEY)");
        Cli.Result badWhere = Cli.run("verify", "--from", postgres, "--to", postgres, "--table", "rf_verify_cli",
                "--where", "a = = 1");
        assertThat(badWhere.exitCode()).isEqualTo(2);
        assertThat(badWhere.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("rowferry: error: cannot count the rows of table rf_verify_cli on " + postgres + ": ERROR: syntax error"));
    }
}
