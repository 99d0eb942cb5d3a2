package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import io.rowferry.checkpoint.StateTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What a copy into a database table keeps there: its checkpoints' table, and incremental runs and upserts. */
final class TargetStateOptions {

    @Option(
            names = "--restart",
            description = "Discard the checkpoints of an interrupted copy into the same table and start over"
                    + " (an interrupted copy is otherwise refused, so that no row is written twice).")
    boolean restart;

    @Option(
            names = "--state-table",
            paramLabel = "TABLE",
            defaultValue = StateTable.DEFAULT_NAME,
            description = "Table in the target database holding the checkpoints; created when needed.")
    String stateTable;

    @Option(
            names = "--incremental-column",
            paramLabel = "COLUMN",
            description = "Copy only rows whose COLUMN is above the highest value the last finished run of this"
                    + " copy copied (every row the first time), up to its highest value when the run starts;"
                    + " remembered in the state table. Typically a last-modified timestamp or a growing id.")
    String incrementalColumn;

    @Option(
            names = "--upsert",
            description = "A row whose primary key is already in the target updates that row instead of failing"
                    + " (ON CONFLICT / ON DUPLICATE KEY UPDATE / MERGE); written with JDBC batches.")
    boolean upsert;

    @Option(
            names = "--writers",
            paramLabel = "N",
            defaultValue = "1",
            description = "Writer connections taking batches from the same hand-off, each committing its own:"
                    + " batches then commit out of key order, so only without checkpoints (a query, a table"
                    + " without a key, or --no-checkpoints); --parallel N gives N checkpointed writers.")
    int writers;

    void validate(CommandSpec spec, RangeOptions ranges) {
        if (writers < 1) {
            throw new ParameterException(spec.commandLine(), "--writers must be at least 1, was " + writers);
        }
        if (restart && ranges.resume) {
            throw new ParameterException(spec.commandLine(), "--resume and --restart contradict each other");
        }
        if (restart && ranges.noCheckpoints) {
            throw new ParameterException(spec.commandLine(), "--restart needs checkpoints; drop --no-checkpoints");
        }
        if (incrementalColumn != null && ranges.noCheckpoints) {
            throw new ParameterException(spec.commandLine(), "--incremental-column remembers the last run in the"
                    + " checkpoints; drop --no-checkpoints");
        }
    }

    CopyBuilder apply(CopyBuilder copy) {
        if (incrementalColumn != null) {
            copy.incremental(incrementalColumn);
        }
        return copy.upsert(upsert).stateTable(stateTable).restart(restart).writers(writers);
    }
}
