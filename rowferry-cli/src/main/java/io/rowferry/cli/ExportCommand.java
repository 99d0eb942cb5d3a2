package io.rowferry.cli;

import io.rowferry.Database;
import io.rowferry.Rowferry;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.file.CsvSink;
import io.rowferry.sink.file.FileTarget;
import io.rowferry.sink.file.JsonLinesSink;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rowferry export}: streams a table or a query into a CSV or JSON Lines file, or to stdout. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Export a table, or a query's rows, to a CSV or JSON Lines file (or stdout).",
        customSynopsis = {
            "rowferry export --from=URL (--table=TABLE | --query=SQL) --format=FORMAT",
            "                       --out=FILE|- [OPTIONS]"
        },
        description = {
            "csv:   RFC 4180 with a header line, UTF-8, CRLF line ends; NULL is an empty",
            "       field and the empty string is \"\".",
            "jsonl: one JSON object per line; numbers stay exact, NULL is null.",
            "A file is written as .NAME.partial beside its final name and renamed only on",
            "success, so a failed or cancelled export leaves no truncated file. Memory is",
            "bounded by --buffer, not by the table.",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Credentials:",
            "  The user comes from --from-user, else ROWFERRY_FROM_USER, else the URL.",
            "  The password comes from --from-password-file, else ROWFERRY_FROM_PASSWORD,",
            "  else the URL. It never appears in any output.",
            "",
            "Examples:",
            "  rowferry export --from jdbc:sqlite:shop.db --table orders \\",
            "      --format csv --out orders.csv",
            "  rowferry export --from jdbc:postgresql://127.0.0.1:5432/shop --table orders \\",
            "      --format jsonl --out - | gzip > orders.jsonl.gz"
        })
final class ExportCommand implements Callable<Integer> {

    /** The file formats of {@code --format}. */
    enum FileFormat {
        CSV,
        JSONL
    }

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    SourceConnectionOptions from;

    @Mixin
    ReadOptions read;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            converter = LowerCaseEnum.ExportFormats.class,
            completionCandidates = LowerCaseEnum.ExportFormats.class,
            description = "File format: ${COMPLETION-CANDIDATES}.")
    FileFormat format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE|-",
            description = "File to write, or - for stdout (then progress and summary go to stderr only).")
    String out;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    RangeOptions ranges;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        read.validate(spec);
        pipeline.validate(spec);
        ranges.validate(spec);
        boolean toStdout = "-".equals(out);
        Summary summary = new Summary(main, "export", "exported", output, toStdout);
        return summary.runAndReport(() -> {
            Database source = from.database(main);
            summary.source(read.describe(source));
            FileTarget file = toStdout ? FileTarget.stream(main.dataOut) : FileTarget.file(outputPath());
            RowSink sink = format == FileFormat.CSV ? new CsvSink(file) : new JsonLinesSink(file);
            summary.target(sink.describe());
            return ranges.apply(pipeline.apply(Rowferry.copy().from(read.read(source)).to(sink)));
        }, output.progress.display(main.err, main.environment));
    }

    private Path outputPath() {
        try {
            return Path.of(out);
        } catch (InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is not a valid path: " + e.getReason());
        }
    }
}
