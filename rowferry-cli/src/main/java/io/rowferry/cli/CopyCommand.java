package io.rowferry.cli;

import io.rowferry.Database;
import io.rowferry.Rowferry;
import io.rowferry.TableRef;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rowferry copy}: streams a table or a query into a table of another (or the same) database, which exists or
 * is created from the source's definition ({@code --create}).
 */
@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Copy a table, or a query's rows, into a table of another database.",
        customSynopsis = {
            "rowferry copy --from=URL --table=TABLE --to=URL [OPTIONS]",
            "       rowferry copy --from=URL --query=SQL --target-table=TABLE --to=URL [...]"
        },
        description = {
            "Reading and writing overlap. Rows are written in batches of --batch-size rows,",
            "each committed. Memory is bounded by --buffer, not by the table. Columns are",
            "matched by name; target columns the source lacks get their defaults. The",
            "target table must exist, or --create creates it from the source's definition.",
            "A value the target column cannot hold exactly stops the copy (--on-lossy).",
            "'rowferry plan' with the same options shows what a copy would do.",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Credentials:",
            "  Users come from --from-user / --to-user, else from the environment",
            "  variables ROWFERRY_FROM_USER / ROWFERRY_TO_USER, else from the URL.",
            "  Passwords come from --from-password-file / --to-password-file, else from",
            "  ROWFERRY_FROM_PASSWORD / ROWFERRY_TO_PASSWORD, else from the URL.",
            "  They never appear in any output.",
            "",
            "URLs, for example:",
            "  jdbc:postgresql://127.0.0.1:5432/shop  jdbc:mariadb://127.0.0.1:3306/shop",
            "  jdbc:mysql://127.0.0.1:3306/shop       jdbc:sqlite:/data/shop.db",
            "  jdbc:h2:file:/data/shop                jdbc:duckdb:/data/shop.duckdb",
            "",
            "Examples:",
            "  ROWFERRY_TO_PASSWORD=... rowferry copy --table orders \\",
            "      --from jdbc:postgresql://127.0.0.1:5432/shop \\",
            "      --to jdbc:mariadb://127.0.0.1:3306/shop --to-user app",
            "  rowferry copy --table orders --from jdbc:postgresql://127.0.0.1:5432/shop \\",
            "      --to jdbc:sqlite:/data/shop.db --create --if-exists replace \\",
            "      --type-map 'amount=numeric(12,2)'"
        })
final class CopyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SourceConnectionOptions from;

    @Mixin
    ReadOptions read;

    @Mixin
    TargetConnectionOptions to;

    @Mixin
    TargetTableOptions into;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    RangeOptions ranges;

    @Mixin
    TargetStateOptions state;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Option(
            names = "--verify",
            description = "After the copy, prove that the target table holds the source's rows, as 'rowferry verify'"
                    + " does (same --key, --columns and --where); the report goes to stdout and the exit code is 10"
                    + " when the tables differ. Needs --table.")
    boolean verify;

    @Override
    public Integer call() {
        read.validate(spec);
        into.validate(spec, read);
        pipeline.validate(spec);
        ranges.validate(spec);
        state.validate(spec, ranges);
        if (verify && read.query != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--verify needs --table: the rows of a query cannot be verified against the target table");
        }
        Summary summary = new Summary(main, "copy", "copied", output, false);
        int copied = summary.runAndReport(() -> {
            Database source = from.database(main);
            summary.source(read.describe(source));
            Database target = to.database(main);
            String table = into.table(read);
            summary.target("table " + TableRef.parse(table) + " on " + target.describe());
            return state.apply(ranges.apply(pipeline.apply(
                    into.apply(Rowferry.copy().from(read.read(source)).to(target, table), spec))));
        }, output.progress.display(main.err, main.environment));
        return verify ? verifyCopy() : copied;
    }

    /** Compares the copied table with the source, reporting as {@code rowferry verify} does. */
    private int verifyCopy() {
        VerifyReport report = new VerifyReport(main, output.json());
        io.rowferry.VerifyResult result;
        try {
            Database source = from.database(main);
            Database target = to.database(main);
            String table = into.table(read);
            report.sides("table " + read.table + " on " + source.describe(), "table " + table + " on "
                    + target.describe());
            result = Rowferry.verify().source(source, read.table).target(target, table)
                    .key(read.key.toArray(String[]::new)).columns(read.columns.toArray(String[]::new))
                    .where(read.where).run();
        } catch (RuntimeException failure) {
            report.failed(failure);
            throw failure;
        }
        report.finished(result, io.rowferry.VerifyBuilder.DEFAULT_MAX_DIFFS);
        return result.identical() ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }
}
