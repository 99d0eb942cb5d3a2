package io.rowferry.checkpoint;

import io.rowferry.sink.RowSink;
import io.rowferry.source.KeyRange;
import java.util.List;
import java.util.Optional;

/**
 * Where a copy records, per key range, how far it has durably written: a state table in the target database
 * ({@link StateTable}), or a state file beside an exported file ({@link FileState}).
 */
public interface Checkpoints {

    /** How far one range got in the batch being written: the key of its last row and its rows in all. */
    record Progress(int split, Object[] lastKey, long rowsWritten) {}

    /** The recorded state of the job, or empty when it has none. */
    Optional<Recorded> load();

    /** Records a new run with these ranges (and an incremental run's bounds, else nulls), replacing any other. */
    void begin(String plan, List<KeyRange> ranges, Object low, Object high);

    /**
     * Writes one batch through {@code write} and records {@code progress} so that the two cannot disagree: in the
     * batch's own transaction for a database, after the batch is synced to disk for a file.
     */
    void write(RowSink sink, List<Progress> progress, Runnable write);

    /** Marks a range finished. */
    void finish(int split);

    /** The whole copy finished and its output is in place. */
    void completed();

    /** For messages: the state table or file. */
    String name();
}
