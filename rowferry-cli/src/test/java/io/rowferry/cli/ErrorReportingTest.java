package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with exactly one line {@code rowferry: error: ...} on stderr, the documented exit code, nothing on
 * stdout and no stack trace.
 */
class ErrorReportingTest {

    @TempDir
    Path dir;

    String source;
    String target;

    @BeforeEach
    void createDatabases() {
        source = Fixtures.h2Orders(dir, 20);
        target = Fixtures.sqliteOrders(dir);
    }

    private static void assertOneErrorLine(Cli.Result result, int exitCode, String... fragments) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("rowferry: error: ")
                .contains(fragments)
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void unknownTableIsNotFound() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "no_such_table", "--to", target), 5,
                "table no_such_table not found");
    }

    @Test
    void unknownColumnIsNotFound() {
        assertOneErrorLine(Cli.run("export", "--from", source, "--table", "orders", "--columns", "id,no_such_column",
                "--format", "csv", "--out", dir.resolve("x.csv").toString()), 5, "column no_such_column not found");
    }

    @Test
    void malformedUrlIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", "postgres://x", "--table", "orders", "--to", target), 2,
                "not a JDBC URL: postgres://x", "try 'rowferry copy --help'");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders"), 2,
                "Missing required option", "--to", "try 'rowferry copy --help'");
    }

    @Test
    void missingTableAndQueryIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--to", target), 2, "--table", "--query");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertOneErrorLine(Cli.run(), 2, "Missing subcommand", "plan", "try 'rowferry --help'");
    }

    @Test
    void unknownStrategyIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--strategy", "fastest"), 2, "expected one of auto, cursor, keyset, offset but was 'fastest'");
    }

    @Test
    void unknownOptionSuggestsTheRightOne() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--tabel", "orders", "--to", target), 2,
                "Unknown options: '--tabel'", "did you mean --table");
    }

    @Test
    void badBufferSizeIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--buffer", "12x"),
                2, "--buffer", "'12x' is not a size");
    }

    @Test
    void queryWithoutTargetTableIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--query", "SELECT id FROM orders", "--to", target), 2,
                "--query needs --target-table");
    }

    @Test
    void typeMapWithoutEqualsIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--type-map", "amount"), 2, "--type-map expects COLUMN=TYPE", "'amount'", "try 'rowferry copy --help'");
    }

    @Test
    void typeMapWithAnEmptyTypeIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--type-map", "amount="), 2, "--type-map expects COLUMN=TYPE", "'amount='");
    }

    @Test
    void typeMapNamingAColumnTwiceIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--type-map", "amount=numeric(12,2)", "--type-map", "AMOUNT=real"), 2, "--type-map", "AMOUNT twice");
    }

    @Test
    void typeMapWithoutCreateIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--type-map", "amount=numeric(12,2)"), 2, "--type-map needs --create");
    }

    @Test
    void ifExistsReplaceWithoutCreateIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--if-exists", "replace"), 2, "--if-exists replace needs --create", "try 'rowferry copy --help'");
        assertThat(Fixtures.count(target, "orders")).isZero();
    }

    @Test
    void ifExistsFailWithoutCreateIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--if-exists", "fail"), 2, "--if-exists fail needs --create");
    }

    @Test
    void unknownIfExistsAndOnLossyValuesAreUsageErrors() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target, "--create",
                "--if-exists", "overwrite"), 2, "expected one of fail, append, truncate, replace but was 'overwrite'");
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--on-lossy", "ignore"), 2, "expected one of fail, warn, allow but was 'ignore'");
    }

    @Test
    void planTakesTheSameChecks() {
        assertOneErrorLine(Cli.run("plan", "--from", source, "--table", "orders", "--to", target,
                "--if-exists", "replace"), 2, "--if-exists replace needs --create", "try 'rowferry plan --help'");
        assertOneErrorLine(Cli.run("plan", "--from", source, "--query", "SELECT id FROM orders", "--to", target), 2,
                "--query needs --target-table");
        assertOneErrorLine(Cli.run("plan", "--from", source, "--table", "orders", "--to", target,
                "--progress", "never"), 2, "Unknown option", "--progress");
    }

    @Test
    void exportIntoAMissingDirectoryIsAnIoError() {
        Path out = dir.resolve("no/such/dir/orders.csv");
        assertOneErrorLine(Cli.run("export", "--from", source, "--table", "orders", "--format", "csv",
                "--out", out.toString()), 9, "does not exist");
    }

    @Test
    void missingPasswordFileIsAUsageError() {
        assertOneErrorLine(Cli.run("copy", "--from", source, "--table", "orders", "--to", target,
                "--to-password-file", dir.resolve("nope").toString()), 2, "--to-password-file", "no such file");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result result = Cli.run("copy", "-v", "--from", source, "--table", "no_such_table", "--to", target);

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("\tat ");
        assertThat(result.errLines().get(result.errLines().size() - 1))
                .startsWith("rowferry: error: table no_such_table not found");
    }

    @Test
    void versionAndHelpEndWithZero() {
        Cli.Result version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("rowferry ");

        Cli.Result help = Cli.run("copy", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--from=URL", "--target-table=TABLE", "Exit codes:", "130");
        assertThat(help.out()).contains("--create", "--if-exists=ACTION", "--type-map=COLUMN=TYPE",
                "--on-lossy=POLICY");

        Cli.Result planHelp = Cli.run("plan", "--help");
        assertThat(planHelp.exitCode()).isZero();
        assertThat(planHelp.out()).contains("--create", "--type-map=COLUMN=TYPE", "--output=FORMAT", "Exit codes:")
                .doesNotContain("--progress=");
    }

    @Test
    void helpNeverShowsPasswordsFromTheEnvironment() throws IOException {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "file-secret-4711\n");
        Map<String, String> environment = Map.of("ROWFERRY_FROM_PASSWORD", "env-secret-0815",
                "ROWFERRY_TO_PASSWORD", "env-secret-0816");

        for (String command : new String[] {"copy", "plan", "export"}) {
            Cli.Result help = Cli.run(environment, command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.all()).doesNotContain("env-secret", "file-secret");
        }
    }
}
