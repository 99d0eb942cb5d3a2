package io.rowferry;

import java.time.Duration;

/**
 * The outcome of a finished copy.
 *
 * @param source the table or query and its database, for reports (credentials masked)
 * @param target the target, for reports (credentials masked)
 * @param strategy the read strategy used
 * @param rowsRead rows read from the source
 * @param rowsWritten rows written and committed
 * @param rowsDropped rows a transform dropped
 * @param bytesRead estimated in-memory size of the rows read
 * @param batches batches written (commits, for database targets)
 * @param elapsed wall time of the copy
 * @param lossyValues per column, values written not as they were (only with {@link OnLossy#WARN} or ALLOW)
 * @param splits key ranges the read was cut into (1 unless run in parallel)
 * @param retries lanes started again from their checkpoints after a transient failure
 * @param rowsBefore rows earlier runs had committed, when this run resumed them (0 otherwise)
 */
public record CopyResult(
        String source,
        String target,
        ReadStrategy strategy,
        long rowsRead,
        long rowsWritten,
        long rowsDropped,
        long bytesRead,
        long batches,
        Duration elapsed,
        java.util.Map<String, Long> lossyValues,
        int splits,
        int retries,
        long rowsBefore) {

    /** Values written not exactly as they were, over all columns. */
    public long lossyValueCount() {
        return lossyValues.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? rowsWritten : rowsWritten / seconds;
    }

    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesRead / 1e6 / seconds;
    }
}
