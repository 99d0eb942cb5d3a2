package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code rowferry export} from an embedded DuckDB file, whose types are exact (DECIMAL, TIMESTAMP, BOOLEAN). */
class ExportCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    String source;

    @BeforeEach
    void createSource() {
        source = Fixtures.duckdb(dir, "source");
        Fixtures.execute(source,
                "CREATE TABLE things (id INTEGER PRIMARY KEY, label VARCHAR, amount DECIMAL(10,2), flag BOOLEAN,"
                        + " created TIMESTAMP, big BIGINT)",
                "INSERT INTO things VALUES"
                        + " (1, 'plain', 1.50, true, TIMESTAMP '2024-03-31 02:30:00.123456', 9007199254740993),"
                        + " (2, '', NULL, false, NULL, NULL),"
                        + " (3, NULL, 1000.00, NULL, TIMESTAMP '2024-01-01 00:00:00', -1),"
                        + " (4, 'a,b', -0.01, true, TIMESTAMP '1999-12-31 23:59:59.5', 0),"
                        + " (5, 'say \"hi\"', 0.00, false, TIMESTAMP '2024-02-29 12:00:00.000001', 42),"
                        + " (6, 'line1' || chr(10) || 'line2', 12345678.90, true, TIMESTAMP '2024-06-01 08:00:00', 7)");
    }

    @Test
    void csvHasAHeaderQuotesWhatNeedsItAndKeepsNullApartFromEmpty() throws IOException {
        Path out = dir.resolve("things.csv");

        Cli.Result result = Cli.run("export", "--from", source, "--table", "things", "--format", "csv",
                "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("exported 6 rows from table things on " + source + " to CSV " + out + " in ");
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n", -1)).containsExactly(
                "id,label,amount,flag,created,big",
                "1,plain,1.50,true,2024-03-31 02:30:00.123456,9007199254740993",
                "2,\"\",,false,,",
                "3,,1000.00,,2024-01-01 00:00:00,-1",
                "4,\"a,b\",-0.01,true,1999-12-31 23:59:59.5,0",
                "5,\"say \"\"hi\"\"\",0.00,false,2024-02-29 12:00:00.000001,42",
                "6,\"line1\nline2\",12345678.90,true,2024-06-01 08:00:00,7",
                "");
        assertThat(dir.resolve(".things.csv.partial")).doesNotExist();
    }

    @Test
    void jsonLinesHasOneObjectPerLineWithJsonTypesAndExactNumbers() throws IOException {
        Path out = dir.resolve("things.jsonl");

        Cli.Result result = Cli.run("export", "--from", source, "--table", "things", "--format", "jsonl",
                "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("{\"id\":1,\"label\":\"plain\",\"amount\":1.50,\"flag\":true,"
                + "\"created\":\"2024-03-31 02:30:00.123456\",\"big\":9007199254740993}");
        assertThat(lines.get(1)).isEqualTo(
                "{\"id\":2,\"label\":\"\",\"amount\":null,\"flag\":false,\"created\":null,\"big\":null}");
        JsonNode third = JSON.readTree(lines.get(2));
        assertThat(third.get("id").isIntegralNumber()).isTrue();
        assertThat(third.get("label").isNull()).isTrue();
        assertThat(third.get("amount").isNumber()).isTrue();
        assertThat(third.get("flag").isNull()).isTrue();
        assertThat(third.get("created").isString()).isTrue();
        assertThat(JSON.readTree(lines.get(4)).get("label").asString()).isEqualTo("say \"hi\"");
        assertThat(JSON.readTree(lines.get(5)).get("label").asString()).isEqualTo("line1\nline2");
        assertThat(JSON.readTree(lines.get(5)).get("amount").decimalValue()).isEqualByComparingTo("12345678.90");
    }

    @Test
    void dashWritesTheDataToStdoutAndEverythingElseToStderr() throws IOException {
        Path file = dir.resolve("things.csv");
        Cli.run("export", "--from", source, "--table", "things", "--format", "csv", "--out", file.toString());

        Cli.Result result = Cli.run("export", "--from", source, "--table", "things", "--format", "csv", "--out", "-",
                "--progress", "always", "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode summary = JSON.readTree(result.errLines().get(result.errLines().size() - 1));
        assertThat(summary.get("command").asString()).isEqualTo("export");
        assertThat(summary.get("target").asString()).isEqualTo("CSV standard output");
        assertThat(summary.get("rowsWritten").asLong()).isEqualTo(6);
    }

    @Test
    void aQueryCanBeExported() throws IOException {
        Path out = dir.resolve("big.csv");

        Cli.Result result = Cli.run("export", "--from", source, "--query",
                "SELECT id, big FROM things WHERE big > 0 ORDER BY id", "--format", "csv", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo("id,big\r\n1,9007199254740993\r\n5,42\r\n6,7\r\n");
    }
}
