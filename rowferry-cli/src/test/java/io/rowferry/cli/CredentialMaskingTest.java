package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords never appear in any output, even when the failure comes from the driver. Runs against the local
 * PostgreSQL server (127.0.0.1:5432): the database and the role do not exist, so the server refuses the login;
 * if no server listens there, the connection is refused instead. Either way the run fails with 3 or 4.
 */
class CredentialMaskingTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/nonexistent_db";
    private static final String PASSWORD = "S3cr3t-Pa55word-4711";

    @TempDir
    Path dir;

    private void assertFailsWithoutPassword(Cli.Result result) {
        assertThat(result.exitCode()).as(result.err()).isIn(3, 4);
        assertThat(result.all()).doesNotContain(PASSWORD);
        assertThat(result.err()).contains("rowferry: error: ").contains("127.0.0.1:5432/nonexistent_db");
    }

    @Test
    void passwordFromAFile() throws IOException {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", URL, "--from-user", "rowferry_nobody",
                "--from-password-file", passwordFile.toString(), "--table", "orders", "--to", target);

        assertFailsWithoutPassword(result);
        assertThat(result.errLines()).singleElement();
    }

    @Test
    void passwordFromTheEnvironmentAlsoInJsonAndVerboseOutput() {
        Map<String, String> environment =
                Map.of("ROWFERRY_FROM_USER", "rowferry_nobody", "ROWFERRY_FROM_PASSWORD", PASSWORD);

        Cli.Result result = Cli.run(environment, "export", "-v", "--from", URL, "--table", "orders",
                "--format", "jsonl", "--out", dir.resolve("orders.jsonl").toString(), "--output", "json");

        assertFailsWithoutPassword(result);
        assertThat(result.out()).contains("\"status\":\"error\"");
    }

    @Test
    void passwordInsideTheUrlAlsoInVerboseStackTraces() {
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--verbose", "--from", URL + "?user=rowferry_nobody&password=" + PASSWORD,
                "--table", "orders", "--to", target);

        assertFailsWithoutPassword(result);
        assertThat(result.err()).contains("\tat ");
    }

    @Test
    void passwordInsideTheUrl() {
        String target = Fixtures.sqliteOrders(dir);

        Cli.Result result = Cli.run("copy", "--from", URL + "?user=rowferry_nobody&password=" + PASSWORD,
                "--table", "orders", "--to", target, "--output", "json");

        assertFailsWithoutPassword(result);
        assertThat(result.errLines()).singleElement().asString().contains("&password=***: ");
    }
}
