package io.rowferry.cli;

import io.rowferry.Database;
import io.rowferry.Rowferry;
import io.rowferry.TableRef;
import io.rowferry.WriteMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rowferry copy}: streams a table or a query into an existing table of another (or the same) database. */
@Command(
        name = "copy",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Copy a table, or a query's rows, into an existing table of another database.",
        customSynopsis = {
            "rowferry copy --from=URL --table=TABLE --to=URL [OPTIONS]",
            "       rowferry copy --from=URL --query=SQL --target-table=TABLE --to=URL [...]"
        },
        description = {
            "Reading and writing overlap. Rows are written in batches of --batch-size rows,",
            "each committed. Memory is bounded by --buffer, not by the table. Columns are",
            "matched by name; target columns the source lacks get their defaults.",
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
            "Example:",
            "  ROWFERRY_TO_PASSWORD=... rowferry copy --table orders \\",
            "      --from jdbc:postgresql://127.0.0.1:5432/shop \\",
            "      --to jdbc:mariadb://127.0.0.1:3306/shop --to-user app"
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

    @Option(
            names = "--target-table",
            paramLabel = "TABLE",
            description = "Table to write into (it must exist). Default: the --table name. Required with --query.")
    String targetTable;

    @Option(
            names = "--write-mode",
            paramLabel = "MODE",
            defaultValue = "auto",
            converter = LowerCaseEnum.WriteModes.class,
            completionCandidates = LowerCaseEnum.WriteModes.class,
            description = "How to write: ${COMPLETION-CANDIDATES}. insert: JDBC batches; bulk: the target's bulk"
                    + " loader (COPY, LOAD DATA, appender), an error where there is none; auto: bulk where the"
                    + " target has it, insert otherwise.")
    WriteMode writeMode;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        read.validate(spec);
        pipeline.validate(spec);
        if (read.query != null && targetTable == null) {
            throw new ParameterException(spec.commandLine(), "--query needs --target-table: the table to copy into");
        }
        Summary summary = new Summary(main, "copy", "copied", output, false);
        return summary.runAndReport(() -> {
            Database source = from.database(main);
            summary.source(read.describe(source));
            Database target = to.database(main);
            String table = targetTable != null ? targetTable : read.table;
            summary.target("table " + TableRef.parse(table) + " on " + target.describe());
            return pipeline.apply(Rowferry.copy().from(read.read(source)).to(target, table).writeMode(writeMode));
        }, output.progress.display(main.err, main.environment));
    }
}
