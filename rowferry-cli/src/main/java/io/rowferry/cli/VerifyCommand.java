package io.rowferry.cli;

import io.rowferry.Database;
import io.rowferry.Rowferry;
import io.rowferry.VerifyBuilder;
import io.rowferry.VerifyResult;
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
 * {@code rowferry verify}: proves that two tables, on the same or different databases, hold the same rows, or lists
 * the rows that differ. Exits with {@value ExitCodes#DIFFERENT} when they differ.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Prove that two tables hold the same rows, or find the rows that differ.",
        customSynopsis = "rowferry verify --from=URL --to=URL --table=TABLE [OPTIONS]",
        description = {
            "Each database hashes a canonical text of every row and sums the hashes per",
            "bucket of keys; only those sums cross the network. Buckets that differ are",
            "split and compared again, down to rows, which are compared value by value.",
            "Exit code 0: identical; 10: the tables differ (listed, at most --max-diffs",
            "keys of each kind). See docs/verify.md.",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  rowferry verify --table orders --from jdbc:mariadb://db1:3306/shop \\",
            "      --to jdbc:postgresql://db2:5432/shop",
            "  rowferry verify --table orders --target-table orders_copy --key id \\",
            "      --where \"created >= '2024-01-01'\" --from ... --to ... --output json"
        })
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SourceConnectionOptions from;

    @Mixin
    TargetConnectionOptions to;

    @Option(names = "--table", required = true, paramLabel = "TABLE",
            description = "The source table: name, schema.name or catalog.schema.name.")
    String table;

    @Option(names = "--target-table", paramLabel = "TABLE",
            description = "The target table. Default: the --table name.")
    String targetTable;

    @Option(names = "--key", split = ",", paramLabel = "C1,C2",
            description = "Columns that match rows; unique and NOT NULL in the source."
                    + " Default: the source's primary key, else its narrowest unique NOT NULL key.")
    List<String> key = List.of();

    @Option(names = "--columns", split = ",", paramLabel = "C1,C2",
            description = "Only these columns (the key's are always compared). Default: every column of the source.")
    List<String> columns = List.of();

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Only rows matching this SQL condition (without WHERE), on both sides.")
    String where;

    @Option(names = "--max-diffs", paramLabel = "N", defaultValue = "" + VerifyBuilder.DEFAULT_MAX_DIFFS,
            description = "List at most N keys of each kind (missing, extra, changed); all are counted.")
    int maxDiffs;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + VerifyBuilder.DEFAULT_PARALLEL,
            description = "Connections per side for the first pass, which hashes every row: each hashes a share of"
                    + " the buckets at the same time (1 to " + VerifyBuilder.MAX_PARALLEL + ").")
    int parallel;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            converter = LowerCaseEnum.ProgressModes.class, completionCandidates = LowerCaseEnum.ProgressModes.class,
            description = "Progress on stderr: ${COMPLETION-CANDIDATES}. auto shows a live line when stderr is a"
                    + " terminal and CI is unset; always also writes a plain line every 10 s to logs.")
    ProgressMode progress;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            converter = LowerCaseEnum.OutputFormats.class, completionCandidates = LowerCaseEnum.OutputFormats.class,
            description = "The report: ${COMPLETION-CANDIDATES}. json writes one object on stdout.")
    OutputOptions.Format output;

    @Override
    public Integer call() {
        if (maxDiffs < 0) {
            throw new ParameterException(spec.commandLine(), "--max-diffs must be 0 or more, was " + maxDiffs);
        }
        if (parallel < 1 || parallel > VerifyBuilder.MAX_PARALLEL) {
            throw new ParameterException(spec.commandLine(), "--parallel must be 1 to " + VerifyBuilder.MAX_PARALLEL
                    + ", was " + parallel);
        }
        VerifyReport report = new VerifyReport(main, output == OutputOptions.Format.JSON);
        VerifyResult result;
        try (VerifyProgressLine line = new VerifyProgressLine(main.err, progress.display(main.err, main.environment))) {
            Database source = from.database(main);
            Database target = to.database(main);
            String targetName = targetTable == null ? table : targetTable;
            report.sides("table " + table + " on " + source.describe(), "table " + targetName + " on "
                    + target.describe());
            VerifyBuilder verify = Rowferry.verify().source(source, table).target(target, targetName)
                    .key(key.toArray(String[]::new)).columns(columns.toArray(String[]::new)).where(where)
                    .maxDiffs(maxDiffs).parallel(parallel).progress(line);
            try {
                result = verify.run();
            } finally {
                line.close();
            }
        } catch (RuntimeException failure) {
            report.failed(failure);
            throw failure;
        }
        report.finished(result, maxDiffs);
        return result.identical() ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }
}
