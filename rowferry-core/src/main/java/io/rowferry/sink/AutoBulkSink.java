package io.rowferry.sink;

import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write mode AUTO with a bulk loader: the bulk sink, unless it finds on opening that it cannot write this target at
 * all ({@link BulkUnavailableException}); then the whole copy goes through the JDBC INSERT sink instead, and the log
 * says why. Write mode BULK uses the bulk sink alone, so the same finding fails the copy.
 */
public final class AutoBulkSink implements RowSink {
    private static final Logger LOG = LoggerFactory.getLogger(AutoBulkSink.class);

    private final Supplier<RowSink> inserts;
    private RowSink delegate;

    public AutoBulkSink(RowSink bulk, Supplier<RowSink> inserts) {
        this.delegate = bulk;
        this.inserts = inserts;
    }

    @Override
    public void open(RowSchema schema) {
        try {
            delegate.open(schema);
        } catch (BulkUnavailableException e) {
            RowSink bulk = delegate;
            delegate = inserts.get();
            bulk.close();
            LOG.info("writing {} with INSERTs: {}", delegate.describe(), e.getMessage());
            delegate.open(schema);
        }
    }

    @Override
    public void write(List<Row> batch) {
        delegate.write(batch);
    }

    @Override
    public void finish() {
        delegate.finish();
    }

    @Override
    public void abort() {
        delegate.abort();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void commitHook(CommitHook hook) {
        delegate.commitHook(hook);
    }

    @Override
    public TargetTable targetTable() {
        return delegate.targetTable();
    }

    @Override
    public boolean writesEncoded(RowSchema schema) {
        return delegate.writesEncoded(schema);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
