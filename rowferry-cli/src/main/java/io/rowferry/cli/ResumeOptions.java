package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import io.rowferry.checkpoint.StateTable;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Parallel key ranges, checkpoints, resuming and retries of a copy into a database table. */
final class ResumeOptions {

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Copy the table as N key ranges at once, each with its own source and target"
                    + " connection; ranges hold similar row counts (sampled key quantiles). Needs a unique"
                    + " NOT NULL key. Default: 1, or with --resume the interrupted run's N.")
    Integer parallel;

    @Option(
            names = "--resume",
            description = "Continue an interrupted copy from its checkpoints: each unfinished range from the key"
                    + " after its last committed row. --create and --if-exists are not applied again. Refused if"
                    + " the table, key, columns, filter or --parallel differ from the interrupted run.")
    boolean resume;

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
            names = "--no-checkpoints",
            description = "Keep no checkpoints (then nothing can be resumed or retried).")
    boolean noCheckpoints;

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
            names = "--consistent",
            description = "Read the source as of one moment: PostgreSQL key ranges share one exported snapshot;"
                    + " MariaDB/MySQL ranges each read in a consistent snapshot taken as they start. Each reader"
                    + " holds a read-only transaction until its range is read.")
    boolean consistent;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "" + CopyBuilder.DEFAULT_RETRIES,
            description = "Times a range is started again from its last checkpoint after a transient failure"
                    + " (connection lost, server restart, deadlock, serialization failure, lock timeout).")
    int retries;

    @Option(
            names = "--retry-wait",
            paramLabel = "SECONDS",
            defaultValue = "1",
            description = "Wait before the first retry; each further retry waits twice as long (at most 30 s).")
    double retryWaitSeconds;

    void validate(CommandSpec spec) {
        if (parallel != null && parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, was " + parallel);
        }
        if (resume && restart) {
            throw new ParameterException(spec.commandLine(), "--resume and --restart contradict each other");
        }
        if ((resume || restart) && noCheckpoints) {
            throw new ParameterException(spec.commandLine(), (resume ? "--resume" : "--restart")
                    + " needs checkpoints; drop --no-checkpoints");
        }
        if (incrementalColumn != null && noCheckpoints) {
            throw new ParameterException(spec.commandLine(), "--incremental-column remembers the last run in the"
                    + " checkpoints; drop --no-checkpoints");
        }
        if (retries < 0) {
            throw new ParameterException(spec.commandLine(), "--retries must be 0 or more, was " + retries);
        }
        if (!(retryWaitSeconds >= 0) || retryWaitSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--retry-wait must be between 0 and 3600 seconds");
        }
    }

    CopyBuilder apply(CopyBuilder copy) {
        if (parallel != null) {
            copy.parallel(parallel);
        }
        if (incrementalColumn != null) {
            copy.incremental(incrementalColumn);
        }
        return copy.upsert(upsert)
                .consistentSnapshot(consistent)
                .checkpoints(!noCheckpoints)
                .stateTable(stateTable)
                .resume(resume)
                .restart(restart)
                .retries(retries, Duration.ofMillis(Math.round(retryWaitSeconds * 1000)));
    }
}
