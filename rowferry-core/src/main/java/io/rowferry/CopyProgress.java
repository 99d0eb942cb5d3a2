package io.rowferry;

import java.time.Duration;

/**
 * A snapshot of a running copy.
 *
 * @param rowsRead rows taken from the source so far
 * @param rowsWritten rows committed to the target so far
 * @param rowsDropped rows a transform dropped
 * @param bytesRead estimated in-memory size of the rows read
 * @param bufferedBytes estimated size of the rows waiting between reader and writer
 * @param batches batches written (commits, for database targets) so far
 * @param strategy the read strategy, once the read is planned (null before)
 * @param elapsed time since the copy started
 */
public record CopyProgress(
        long rowsRead,
        long rowsWritten,
        long rowsDropped,
        long bytesRead,
        long bufferedBytes,
        long batches,
        ReadStrategy strategy,
        Duration elapsed) {

    /** Rows committed per second since the start. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsWritten / seconds;
    }

    /** Megabytes (10^6) read per second since the start. */
    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesRead / 1e6 / seconds;
    }
}
