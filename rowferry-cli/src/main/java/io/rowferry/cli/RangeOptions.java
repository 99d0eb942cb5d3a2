package io.rowferry.cli;

import io.rowferry.CopyBuilder;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Key ranges read in parallel, checkpoints, resuming and retries: for copies and exports alike. */
final class RangeOptions {

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Read the table as N key ranges at once, each with its own source connection (and, for"
                    + " a copy, its own target connection; an export has one writer); ranges hold similar row counts"
                    + " (sampled key quantiles). Needs a unique NOT NULL key. Default: 1, or with --resume the"
                    + " interrupted run's N.")
    Integer parallel;

    @Option(
            names = "--resume",
            description = "Continue an interrupted run from its checkpoints: each unfinished range from the key"
                    + " after its last written row (a copy does not apply --create and --if-exists again; an export"
                    + " continues its unfinished file). Refused if the table, key, columns, filter or --parallel"
                    + " differ from the interrupted run.")
    boolean resume;

    @Option(
            names = "--no-checkpoints",
            description = "Keep no checkpoints (then nothing can be resumed or retried).")
    boolean noCheckpoints;

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
        if (resume && noCheckpoints) {
            throw new ParameterException(spec.commandLine(), "--resume needs checkpoints; drop --no-checkpoints");
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
        return copy.consistentSnapshot(consistent)
                .checkpoints(!noCheckpoints)
                .resume(resume)
                .retries(retries, Duration.ofMillis(Math.round(retryWaitSeconds * 1000)));
    }
}
