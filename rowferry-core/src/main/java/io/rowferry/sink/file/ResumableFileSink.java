package io.rowferry.sink.file;

import io.rowferry.sink.RowSink;
import java.nio.file.Path;

/**
 * A file sink an export can checkpoint and resume: it syncs what it has written to disk and reports the durable
 * length, and it can be reopened at such a length, appending after it.
 */
public interface ResumableFileSink extends RowSink {

    /** Whether this sink writes a file (standard output cannot be resumed). */
    boolean writesFile();

    /** Where the export's state file goes: beside the output, hidden. */
    Path statePath();

    /** Before {@link #open}: continue the unfinished file at this many bytes (the rest is cut off). */
    void resumeAt(long bytes);

    /** Keep the unfinished file when the export fails, so that it can be resumed. */
    void keepUnfinished();

    /** Flushes what was written, forces it to disk, and returns the file's durable length. */
    long sync();
}
