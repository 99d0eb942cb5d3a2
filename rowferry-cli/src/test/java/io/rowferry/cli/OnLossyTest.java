package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --on-lossy}: H2 rows whose note (300 characters) and amount (4 fraction digits) do not fit an existing
 * H2 table with VARCHAR(10) and DECIMAL(12,2) columns.
 */
class OnLossyTest {

    @TempDir
    Path dir;

    String source;
    String target;

    @BeforeEach
    void createDatabases() {
        source = Fixtures.h2WideValues(dir);
        target = Fixtures.h2NarrowTarget(dir);
    }

    @Test
    void failIsTheDefaultAndStopsWithExitSevenNamingColumnKeyAndValue() {
        Cli.Result result = Cli.run("copy", "--from", source, "--table", "t", "--to", target);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(7);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("rowferry: error: value 'xxxxxxxxxx")
                .containsIgnoringCase("column note")
                .containsIgnoringCase("id=2")
                .contains("300")
                .doesNotContain("\tat ");
        assertThat(Fixtures.count(target, "t")).as("the batch holding it is not written").isZero();
    }

    @Test
    void allowWritesTheNearestValuesAndTheSummaryCountsThem() {
        Cli.Result result = Cli.run("copy", "--from", source, "--table", "t", "--to", target, "--on-lossy", "allow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.errLines()).as("no warnings with allow").singleElement().asString()
                .startsWith("copied 3 rows")
                .contains("), 3 values written not exactly (")
                .containsIgnoringCase("note: 2")
                .containsIgnoringCase("amount: 1");
        List<List<String>> rows = Fixtures.query(target, "SELECT id, note, amount FROM t ORDER BY id");
        assertThat(rows.get(1).subList(0, 2)).containsExactly("2", "xxxxxxxxxx");
        assertThat(new BigDecimal(rows.get(1).get(2))).isEqualByComparingTo("2.12");
        assertThat(rows.get(2).get(1)).isEqualTo("yyyyyyyyyy");
        assertThat(rows.get(0).get(1)).isEqualTo("short");
    }

    @Test
    void warnAlsoWarnsOncePerColumn() {
        Cli.Result result = Cli.run("copy", "--from", source, "--table", "t", "--to", target, "--on-lossy", "warn");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.errLines()).hasSize(3);
        assertThat(result.errLines().subList(0, 2)).allSatisfy(line -> assertThat(line)
                .startsWith("rowferry: warning: column "));
        assertThat(result.errLines().get(2)).contains("3 values written not exactly");
        assertThat(Fixtures.count(target, "t")).isEqualTo(3);
    }

    @Test
    void outputJsonCountsLossyValuesPerColumn() {
        Cli.Result result = Cli.run("copy", "--from", source, "--table", "t", "--to", target, "--on-lossy", "allow",
                "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(summary.get("status").asString()).isEqualTo("ok");
        JsonNode lossy = summary.get("lossyValues");
        assertThat(lossy.isObject()).isTrue();
        assertThat(lossy.size()).isEqualTo(2);
        lossy.properties().forEach(entry -> assertThat(entry.getValue().asLong())
                .isEqualTo(entry.getKey().equalsIgnoreCase("note") ? 2 : 1));
    }

    @Test
    void valuesThatFitAreNotCounted() {
        Cli.Result result = Cli.run("copy", "--from", source, "--table", "t", "--to", target, "--where", "id = 1",
                "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(result.out());
        assertThat(summary.get("lossyValues").isObject()).isTrue();
        assertThat(summary.get("lossyValues").isEmpty()).isTrue();
    }
}
