package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyResult;
import io.rowferry.Rowferry;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.file.CsvSink;
import io.rowferry.sink.file.FileTarget;
import io.rowferry.sink.file.JsonLinesSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An export that fails part-way keeps its unfinished file and a state file beside it; resumed, it produces exactly
 * the file an uninterrupted export produces (byte for byte with one range; the same lines with several).
 */
class ExportResumeTest {
    private static final int ROWS = 30_000;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}, parallel {1}")
    @CsvSource({"csv, 1", "jsonl, 1", "csv, 3"})
    void aResumedExportEqualsAnUninterruptedOne(String format, int parallel) throws Exception {
        TestDatabase source = new PostgresTestDatabase();
        source.createSample("rf_export_resume", ROWS);
        Function<Path, RowSink> sinkFor = path -> format.equals("csv") ? new CsvSink(FileTarget.file(path))
                : new JsonLinesSink(FileTarget.file(path));
        Path reference = directory.resolve("reference." + format);
        Rowferry.copy().from(Rowferry.read(source.database()).table("rf_export_resume")).to(sinkFor.apply(reference))
                .batchSize(1_000).run();

        Path out = directory.resolve("orders." + format);
        assertThatThrownBy(() -> Rowferry.copy().from(Rowferry.read(source.database()).table("rf_export_resume"))
                        .to(sinkFor.apply(out)).batchSize(1_000).parallel(parallel)
                        .transform(row -> {
                            if (((Number) row.get("id")).longValue() == 21_234) {
                                throw new IllegalStateException("stopped at 21234");
                            }
                            return row;
                        })
                        .run())
                .hasMessageContaining("stopped at 21234");
        assertThat(out).doesNotExist();
        assertThat(directory.resolve("." + out.getFileName() + ".partial")).exists();
        assertThat(directory.resolve("." + out.getFileName() + ".rowferry-state")).exists();

        CopyResult resumed = Rowferry.copy().from(Rowferry.read(source.database()).table("rf_export_resume"))
                .to(sinkFor.apply(out)).batchSize(1_000).resume(true).run();

        assertThat(resumed.rowsBefore()).isPositive();
        assertThat(resumed.rowsBefore() + resumed.rowsWritten()).isEqualTo(ROWS);
        if (parallel == 1) {
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(reference));
        } else {
            List<String> expected = Files.readAllLines(reference);
            List<String> actual = Files.readAllLines(out);
            assertThat(actual.get(0)).isEqualTo(expected.get(0)); // the header, once
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(directory.resolve("." + out.getFileName() + ".partial")).doesNotExist();
        assertThat(directory.resolve("." + out.getFileName() + ".rowferry-state")).doesNotExist();
    }
}
