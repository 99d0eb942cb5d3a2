package io.rowferry.cli;

import io.rowferry.Database;
import io.rowferry.ReadBuilder;
import io.rowferry.ReadStrategy;
import io.rowferry.Rowferry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What to read from the source and how: a table or a query, columns, a filter, the strategy and its key. */
final class ReadOptions {

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            description = "Table to read (name, schema.name or catalog.schema.name). Give it or --query.")
    String table;

    @Option(
            names = "--query",
            paramLabel = "SQL",
            description = "Query whose rows to read instead of a table (read with the cursor strategy).")
    String query;

    @Option(
            names = "--columns",
            split = ",",
            paramLabel = "COLUMN",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Only these columns of the table, in this order (id,name). Default: all.")
    List<String> columns = new ArrayList<>();

    @Option(
            names = "--where",
            paramLabel = "CONDITION",
            description = "Only rows matching this SQL condition, without WHERE: \"status = 'paid'\".")
    String where;

    @Option(
            names = "--strategy",
            paramLabel = "STRATEGY",
            defaultValue = "auto",
            converter = LowerCaseEnum.Strategies.class,
            completionCandidates = LowerCaseEnum.Strategies.class,
            description = "How to walk the table: ${COMPLETION-CANDIDATES}. auto takes keyset pages when the"
                    + " table has a usable key, a streaming cursor otherwise; offset only shows why it is slow.")
    ReadStrategy strategy;

    @Option(
            names = "--key",
            split = ",",
            paramLabel = "COLUMN",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Key for keyset pages instead of the primary key (tenant,id); unique, NOT NULL.")
    List<String> key = new ArrayList<>();

    @Option(
            names = "--fetch-size",
            paramLabel = "ROWS",
            defaultValue = "" + ReadBuilder.DEFAULT_FETCH_SIZE,
            description = "Rows per fetch or keyset page (fewer when rows are wide).")
    int fetchSize;

    /** Checks what picocli cannot express, so such mistakes are usage errors (exit 2) with a help hint. */
    void validate(CommandSpec spec) {
        if ((table == null) == (query == null)) {
            throw new ParameterException(spec.commandLine(), table == null
                    ? "Missing required option: give --table=TABLE or --query=SQL"
                    : "--table and --query are mutually exclusive (give only one)");
        }
        if (fetchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--fetch-size must be at least 1, was " + fetchSize);
        }
    }

    /** The read these options describe, on this database. */
    ReadBuilder read(Database database) {
        ReadBuilder read = Rowferry.read(database);
        if (table != null) {
            read.table(table);
        } else {
            read.query(query);
        }
        if (!columns.isEmpty()) {
            read.columns(columns.toArray(String[]::new));
        }
        if (!key.isEmpty()) {
            read.key(key.toArray(String[]::new));
        }
        return read.where(where).strategy(strategy).fetchSize(fetchSize);
    }

    /** "table orders on jdbc:..." or "query on jdbc:...", for the summary. */
    String describe(Database database) {
        return (table != null ? "table " + table : "query") + " on " + database.describe();
    }
}
