package io.rowferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rowferry demo} end to end on its embedded databases. */
class DemoCommandTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void generatesCopiesAndExportsEveryRow() throws IOException {
        Cli.Result result = Cli.run("demo", "--rows", String.valueOf(ROWS), "--dir", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Rowferry demo in " + dir.toAbsolutePath(),
                "COUNT(*) in the target: 20,000", "The heap stayed bounded");
        assertThat(Fixtures.count("jdbc:sqlite:" + dir.resolve("target.sqlite"), "orders")).isEqualTo(ROWS);
        // CSV records end with CRLF; notes hold bare LFs inside quotes, so count records, not lines.
        String csv = Files.readString(dir.resolve("orders.csv"), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n", -1)).hasSize(1 + ROWS + 1);
        assertThat(csv).startsWith(
                "order_id,customer_id,status,amount,tax,currency,created_at,shipped_at,note,email\r\n1,");
    }
}
