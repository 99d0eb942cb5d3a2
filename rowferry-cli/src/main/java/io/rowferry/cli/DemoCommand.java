package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import io.rowferry.CopyResult;
import io.rowferry.Database;
import io.rowferry.ErrorKind;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import io.rowferry.TableRef;
import io.rowferry.sink.JdbcTableSink;
import io.rowferry.sink.file.CsvSink;
import io.rowferry.sink.file.FileTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rowferry demo}: shows bounded memory without any server. Generates an {@code orders} table in an embedded
 * DuckDB file, copies it into an embedded SQLite file, exports it to CSV, and reports rows/s and the heap each
 * step took. The files stay, so they can be looked at.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Show a real copy and export on embedded databases; no server needed.",
        description = {
            "Generates N orders in DuckDB (source.duckdb), copies them to SQLite",
            "(target.sqlite), exports them to CSV (orders.csv), and shows rows/s and the",
            "peak heap of each step. The files stay for you to look at.",
            ""
        })
final class DemoCommand implements Callable<Integer> {
    private static final String TABLE = "orders";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Orders to generate.")
    long rows;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Directory for the files (created if missing; earlier demo files in it are replaced)."
                    + " Default: a new temporary directory, kept afterwards.")
    Path dir;

    @Mixin
    PipelineOptions pipeline;

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            defaultValue = "auto",
            converter = LowerCaseEnum.ProgressModes.class,
            completionCandidates = LowerCaseEnum.ProgressModes.class,
            description = "Progress on stderr: ${COMPLETION-CANDIDATES}.")
    ProgressMode progress;

    @Override
    public Integer call() {
        if (rows < 1) {
            throw new ParameterException(spec.commandLine(), "--rows must be at least 1, was " + rows);
        }
        pipeline.validate(spec);
        PrintStream out = main.out;
        Path directory = prepareDirectory();
        Database source = Database.url("jdbc:duckdb:" + directory.resolve("source.duckdb"));
        Database target = Database.url("jdbc:sqlite:" + directory.resolve("target.sqlite"));
        Path csv = directory.resolve("orders.csv");

        out.println("Rowferry demo in " + directory);
        out.println("Maximum heap " + ByteSize.mebibytes(HeapWatch.maxBytes()) + "; rows in flight are limited to "
                + ByteSize.mebibytes(pipeline.effectiveBufferBytes()) + " (--buffer).");
        out.println();

        // Each step's heading is printed before it runs, so the live progress line below it has a context.
        out.println("1. Generate " + Figures.count(rows) + " orders in DuckDB (source.duckdb), one INSERT from range():");
        out.flush();
        Duration generation = generate(source);
        out.println("   " + Figures.duration(generation) + ", " + Figures.rate(rows / seconds(generation)) + " rows/s");

        out.println("2. Copy them to SQLite (target.sqlite):");
        out.flush();
        execute(target, List.of(DemoTables.SQLITE_CREATE));
        CopyRun.Outcome copied = run(pipeline.apply(Rowferry.copy()
                .from(Rowferry.read(source).table(TABLE))
                .to(new JdbcTableSink(target, TableRef.parse(TABLE)))));
        long counted = countRows(target);
        if (counted != rows) {
            throw new RowferryException(ErrorKind.INTERNAL, "the copy reported " + copied.result().rowsWritten()
                    + " rows but the target table holds " + counted + "; expected " + rows);
        }
        printStep(out, copied);
        out.println("   COUNT(*) in the target: " + Figures.count(counted));

        out.println("3. Export them to CSV (orders.csv):");
        out.flush();
        CopyRun.Outcome exported = run(pipeline.apply(Rowferry.copy()
                .from(Rowferry.read(source).table(TABLE))
                .to(new CsvSink(FileTarget.file(csv)))));
        printStep(out, exported);
        out.println("   " + ByteSize.mebibytes(fileSize(csv)) + " of CSV");
        out.println();
        out.println(wrap(conclusion(copied, exported), 78));
        out.println();
        out.println("The files stay in " + directory + " for you to look at.");
        out.flush();
        return ExitCodes.OK;
    }

    private CopyRun.Outcome run(CopyBuilder copy) {
        CopyRun.Outcome outcome = CopyRun.run(main, copy, progress.display(main.err, main.environment));
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
        return outcome;
    }

    private static void printStep(PrintStream out, CopyRun.Outcome outcome) {
        CopyResult result = outcome.result();
        out.println("   " + Figures.count(result.rowsWritten()) + " rows in " + Figures.duration(result.elapsed()) + ": "
                + Figures.rate(result.rowsPerSecond()) + " rows/s, "
                + Figures.megabytesPerSecond(result.megabytesPerSecond()) + " MB/s (strategy "
                + Summary.strategyName(result.strategy()) + ")");
        out.println("   peak heap " + ByteSize.mebibytes(outcome.peakHeapBytes()) + " in use, "
                + ByteSize.mebibytes(outcome.peakHeapAfterGcBytes()) + " after garbage collection");
    }

    /** The closing paragraph, from this run's own numbers. */
    private String conclusion(CopyRun.Outcome copied, CopyRun.Outcome exported) {
        long peak = Math.max(copied.peakHeapBytes(), exported.peakHeapBytes());
        long peakAfterGc = Math.max(copied.peakHeapAfterGcBytes(), exported.peakHeapAfterGcBytes());
        long rowBytes = copied.result().bytesRead() + exported.result().bytesRead();
        return "The heap stayed bounded: " + Figures.count(rows) + " rows went through it twice (about "
                + ByteSize.mebibytes(rowBytes) + " of row data in all, a batch at a time) while the heap in use"
                + " peaked at " + ByteSize.mebibytes(peak) + " of " + ByteSize.mebibytes(HeapWatch.maxBytes())
                + ", and at " + ByteSize.mebibytes(peakAfterGc) + " right after garbage collection. Rows in flight"
                + " never take more than the " + ByteSize.mebibytes(pipeline.effectiveBufferBytes())
                + " buffer, whatever the table's size: run it again with --rows " + (rows * 10)
                + " and compare the peaks.";
    }

    /** Breaks a paragraph into lines of at most {@code width} characters, at spaces. */
    static String wrap(String paragraph, int width) {
        StringBuilder lines = new StringBuilder();
        int lineStart = 0;
        for (String word : paragraph.split(" ")) {
            if (lines.length() > lineStart && lines.length() - lineStart + 1 + word.length() > width) {
                lines.append(System.lineSeparator());
                lineStart = lines.length();
            } else if (lines.length() > lineStart) {
                lines.append(' ');
            }
            lines.append(word);
        }
        return lines.toString();
    }

    private Path prepareDirectory() {
        try {
            if (dir == null) {
                return Files.createTempDirectory("rowferry-demo-").toAbsolutePath();
            }
            Path directory = Files.createDirectories(dir).toAbsolutePath();
            for (String name : List.of("source.duckdb", "source.duckdb.wal", "target.sqlite", "target.sqlite-journal",
                    "target.sqlite-wal", "target.sqlite-shm", "orders.csv")) {
                Files.deleteIfExists(directory.resolve(name));
            }
            return directory;
        } catch (IOException e) {
            throw new RowferryException(ErrorKind.IO, "cannot prepare the demo directory "
                    + (dir == null ? "(temporary)" : dir) + ": " + e.getMessage(), e);
        }
    }

    private Duration generate(Database source) {
        long start = System.nanoTime();
        execute(source, List.of(DemoTables.DUCKDB_CREATE, DemoTables.duckDbInsert(rows)));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void execute(Database database, List<String> statements) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw database.failure("preparing the demo table", e);
        }
    }

    private static long countRows(Database database) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw database.failure("counting the rows of " + TABLE, e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new RowferryException(ErrorKind.IO, "cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
