package io.rowferry.cli;

import io.rowferry.CopyPlan;
import io.rowferry.Database;
import io.rowferry.OnLossy;
import io.rowferry.Rowferry;
import io.rowferry.TableRef;
import io.rowferry.schema.ColumnPlan;
import io.rowferry.source.ReadPlan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rowferry plan}: what {@code rowferry copy} with the same options would do, without writing anything: the
 * read (strategy, SQL, what it holds on the source server), what happens to the target table, how rows are written
 * and, per column, the source and target types and whether values can be lost.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Show what a copy would do, without writing anything.",
        customSynopsis = {
            "rowferry plan --from=URL --table=TABLE --to=URL [OPTIONS]",
            "       rowferry plan --from=URL --query=SQL --target-table=TABLE --to=URL [...]"
        },
        description = {
            "Takes the options of 'rowferry copy' (except --progress) and prints, on stdout:",
            "the source and how it is read (strategy, the SQL, what the read holds on the",
            "server), the target and what happens to its table (create, replace, truncate",
            "or append, with the CREATE TABLE statement), the write mode, and per column",
            "the source type, the target type and whether every value arrives exactly.",
            "It reads definitions only: nothing is created, changed or written. Lossy",
            "columns are information, not an error: the exit code is 0 unless the copy",
            "could not start at all (a missing table, a bad URL, an existing table with",
            "--create and no --if-exists).",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Credentials: as for 'rowferry copy'.",
            "",
            "Example:",
            "  rowferry plan --table orders --from jdbc:postgresql://127.0.0.1:5432/shop \\",
            "      --to jdbc:mariadb://127.0.0.1:3306/shop --create"
        })
final class PlanCommand implements Callable<Integer> {
    private static final String INDENT = "            ";

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

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = LowerCaseEnum.OutputFormats.class,
            completionCandidates = LowerCaseEnum.OutputFormats.class,
            description = "How to print the plan: ${COMPLETION-CANDIDATES}. text: a report; json: one object with"
                    + " the same content (on failure: the error kind, exit code and message).")
    OutputOptions.Format output;

    private String source;
    private String target;
    /** The --type-map columns, in lower case. */
    private Set<String> typeMapped = Set.of();

    @Override
    public Integer call() {
        read.validate(spec);
        into.validate(spec, read);
        pipeline.validate(spec);
        typeMapped = into.types(spec).keySet().stream()
                .map(column -> column.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        CopyPlan plan;
        try {
            Database sourceDatabase = from.database(main);
            source = main.secrets.maskKnown(read.describe(sourceDatabase));
            Database targetDatabase = to.database(main);
            String table = into.table(read);
            target = main.secrets.maskKnown("table " + TableRef.parse(table) + " on " + targetDatabase.describe());
            plan = pipeline.apply(into.apply(Rowferry.copy().from(read.read(sourceDatabase)).to(targetDatabase, table),
                    spec)).plan();
        } catch (RuntimeException failure) {
            if (output == OutputOptions.Format.JSON) {
                printJsonError(failure);
            }
            throw failure;
        }
        if (output == OutputOptions.Format.JSON) {
            main.out.println(Json.write(json(plan)));
        } else {
            printText(plan);
        }
        main.out.flush();
        return ExitCodes.OK;
    }

    // ---- text ----

    private void printText(CopyPlan plan) {
        PrintStream out = main.out;
        ReadPlan readPlan = plan.read();
        line(out, "Source", source);
        line(out, "Read", describeRead(readPlan));
        if (readPlan.cursorSql() != null) {
            line(out, "SQL", readPlan.cursorSql());
        } else if (readPlan.filter() != null) {
            line(out, "Filter", readPlan.filter());
        }
        line(out, "Holds", readPlan.holds());
        out.println();
        line(out, "Target", target);
        line(out, "Table", describeAction(plan.table().action()));
        if (plan.table().createSql() != null) {
            line(out, "Create", plan.table().createSql());
        }
        line(out, "Write", plan.writeMode() + "; " + Figures.count(pipeline.batchSize)
                + " rows per batch, each committed; at most " + ByteSize.mebibytes(pipeline.effectiveBufferBytes())
                + " of rows in flight");
        line(out, "On lossy", describeOnLossy(into.onLossy));
        out.println();

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"COLUMN", "SOURCE TYPE", "TARGET TYPE", "VALUES", "NOTE"});
        for (ColumnPlan column : plan.table().columns()) {
            rows.add(new String[] {column.name(), orEmpty(column.sourceType()), orEmpty(column.targetType()),
                values(column), orEmpty(column.note())});
        }
        printTable(out, rows);
        out.println();
        out.println(conclusion(plan.table().columns()));
    }

    /** One {@code label value} line, the label padded so values align (a query's further lines too). */
    private static void line(PrintStream out, String label, String value) {
        out.println(label + " ".repeat(Math.max(1, INDENT.length() - label.length()))
                + value.strip().replaceAll("\\R", System.lineSeparator() + INDENT));
    }

    private static String describeRead(ReadPlan plan) {
        String rows = Figures.count(plan.fetchSize()) + " rows";
        String key = "(" + String.join(", ", plan.keyNames()) + ")";
        return switch (plan.strategy()) {
            case CURSOR -> "cursor: one statement, streamed " + rows + " per fetch";
            case KEYSET -> "keyset: pages of up to " + rows + " in the order of the key " + key
                    + ", each starting after the last key read";
            case OFFSET -> "offset: pages of up to " + rows + " in the order of " + key
                    + " by LIMIT and OFFSET; each page rescans every row before it";
            case AUTO -> throw new IllegalStateException("a plan never keeps AUTO");
        };
    }

    private static String describeAction(String action) {
        return switch (action) {
            case "create" -> "create: it does not exist and is created from the source's definition";
            case "replace" -> "replace: the existing table is dropped and created again from the source's definition";
            case "truncate" -> "truncate: every row of the existing table is removed first; its definition stays";
            case "append" -> "append: the rows are added to the existing table";
            default -> action;
        };
    }

    private static String describeOnLossy(OnLossy policy) {
        return switch (policy) {
            case FAIL -> "fail: the copy stops at the first value a column cannot hold exactly";
            case WARN -> "warn: such values are written as the nearest value the column holds, counted, and"
                    + " warned about once per column";
            case ALLOW -> "allow: such values are written as the nearest value the column holds and counted";
        };
    }

    /** "lossless", "lossy: <reason>", or "not checked" for a type the user gave (the core does not judge it). */
    private String values(ColumnPlan column) {
        if (!column.isLossless()) {
            return "lossy: " + column.loss();
        }
        return unchecked(column) ? "not checked (--type-map)" : "lossless";
    }

    /** Whether the column's type came from --type-map and no loss was found: then nothing was checked. */
    private boolean unchecked(ColumnPlan column) {
        return column.isLossless() && typeMapped.contains(column.name().toLowerCase(Locale.ROOT));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Columns padded to their widest cell; the last column is not padded. */
    private static void printTable(PrintStream out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private String conclusion(List<ColumnPlan> columns) {
        long lossy = columns.stream().filter(column -> !column.isLossless()).count();
        long unchecked = columns.stream().filter(this::unchecked).count();
        String policy = "(--on-lossy " + LowerCaseEnum.nameOf(into.onLossy) + ")";
        StringBuilder text = new StringBuilder("Nothing was written. ");
        if (lossy == 0 && unchecked == 0) {
            text.append("Every column takes every source value exactly.");
        } else if (lossy > 0) {
            text.append(Figures.count(lossy)).append(" of ").append(Figures.count(columns.size()))
                    .append(lossy == 1 ? " columns can get values it cannot hold exactly: "
                            : " columns can get values they cannot hold exactly: ")
                    .append(into.onLossy == OnLossy.FAIL
                            ? "the copy stops at the first such value "
                            : "they are written as the nearest value and counted ")
                    .append(policy).append('.');
        } else {
            text.append("Every column with a mapped type takes every source value exactly.");
        }
        if (unchecked > 0) {
            text.append(" Types from --type-map are not checked here; the copy checks every value against them ")
                    .append(policy).append('.');
        }
        return text.toString();
    }

    // ---- json ----

    private Map<String, Object> json(CopyPlan plan) {
        ReadPlan readPlan = plan.read();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("command", "plan");
        fields.put("status", "ok");
        fields.put("source", source);
        Map<String, Object> readFields = new LinkedHashMap<>();
        readFields.put("strategy", LowerCaseEnum.nameOf(readPlan.strategy()));
        readFields.put("sql", readPlan.cursorSql());
        readFields.put("key", readPlan.keyNames());
        readFields.put("filter", readPlan.filter());
        readFields.put("fetchSize", readPlan.fetchSize());
        readFields.put("holds", readPlan.holds());
        fields.put("read", readFields);
        fields.put("target", target);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("exists", plan.table().exists());
        table.put("action", plan.table().action());
        table.put("createSql", plan.table().createSql());
        fields.put("table", table);
        fields.put("writeMode", plan.writeMode());
        fields.put("batchSize", pipeline.batchSize);
        fields.put("bufferBytes", pipeline.effectiveBufferBytes());
        fields.put("onLossy", LowerCaseEnum.nameOf(into.onLossy));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnPlan column : plan.table().columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("sourceType", column.sourceType());
            c.put("type", column.type() == null ? null : column.type().toString());
            c.put("targetType", column.targetType());
            c.put("lossless", unchecked(column) ? null : column.isLossless());
            c.put("loss", column.loss());
            c.put("note", column.note());
            columns.add(c);
        }
        fields.put("columns", columns);
        fields.put("lossyColumns", plan.table().columns().stream().filter(c -> !c.isLossless()).count());
        return fields;
    }

    private void printJsonError(RuntimeException failure) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("command", "plan");
        fields.put("status", "error");
        fields.put("source", source);
        fields.put("target", target);
        fields.put("errorKind", ExitCodes.kindOf(failure).name());
        fields.put("exitCode", ExitCodes.exitCodeOf(failure));
        fields.put("message", ExitCodes.maskedMessageOf(failure, main.secrets));
        main.out.println(Json.write(fields));
        main.out.flush();
    }
}
