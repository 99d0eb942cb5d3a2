package io.rowferry.sink;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.util.List;

/**
 * Where a copy writes: a database table or a file. The pipeline calls {@link #open} once, {@link #write} once per
 * batch from one thread, then {@link #finish} after the last batch or {@link #abort} on failure, and always
 * {@link #close}. Failures are thrown as {@link io.rowferry.RowferryException} with a one-line message.
 */
public interface RowSink extends AutoCloseable {

    /** Checks the target and prepares to receive rows shaped like {@code schema} (the source's columns). */
    void open(RowSchema schema);

    /** Writes one batch and makes it durable (a database sink commits it). Rows may carry a different schema
     * than {@code open} was given when a transform changed them; all rows of a batch share one schema. */
    void write(List<Row> batch);

    /** Completes the output after the last batch (a file is moved into place). */
    void finish();

    /** Discards what was not made durable; called instead of {@link #finish} when the copy fails. */
    void abort();

    /** Releases connections and files; called last, always. */
    @Override
    void close();

    /**
     * Statements to run in every batch's transaction before it commits. Database sinks support it; file sinks, which
     * have no transaction, do not.
     */
    default void commitHook(CommitHook hook) {
        throw new UnsupportedOperationException(describe() + " does not commit in a database transaction");
    }

    /**
     * The database table this sink writes into, once open, so that values can be checked against its columns; null
     * for file sinks, whose formats hold any value.
     */
    default TargetTable targetTable() {
        return null;
    }

    /**
     * Whether this sink, once open, writes rows of {@code schema} that are still in their source's encoding
     * ({@link Row#encoded()}) without decoding them (PostgreSQL's COPY, from PostgreSQL into the same types). When
     * it does not, a copy decodes rows on its reader threads, beside the writer, rather than leaving it to the writer.
     */
    default boolean writesEncoded(RowSchema schema) {
        return false;
    }

    /** The target, for messages (credentials masked). */
    String describe();
}
