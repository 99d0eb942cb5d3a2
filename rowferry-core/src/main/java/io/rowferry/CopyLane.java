package io.rowferry;

import io.rowferry.checkpoint.Checkpoints;
import io.rowferry.internal.BoundedHandoff;
import io.rowferry.sink.RowSink;
import io.rowferry.sink.TargetTable;
import io.rowferry.sink.ValueGuards;
import io.rowferry.source.KeyRange;
import io.rowferry.source.ReadPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer and the readers that feed it: a reader thread per split streams its key range into a hand-off
 * bounded by bytes and rows, and the calling thread writes batches into one sink, committing each. With a state
 * table, each batch's transaction also records, for every split in it, the key of its last row and the split's
 * committed row count, so the batch and the checkpoint commit together.
 *
 * <p>The first failure on either side stops the lane: readers are interrupted, the open batch is rolled back and
 * everything is closed before {@link #run()} throws it.
 */
final class CopyLane {
    private static final Logger LOG = LoggerFactory.getLogger(CopyLane.class);
    /** Rows per chunk handed from reader to writer; chunks keep locking off the per-row path. */
    private static final int CHUNK_ROWS = 512;

    /** A split to read in this lane: its remaining range, and the rows it had committed before. */
    record Split(KeyRange range, ReadPlan plan, long rowsCommitted) {}

    /** Rows of one split on their way to the writer, with each row's key when checkpoints are kept. */
    private record Chunk(int split, List<Row> rows, Object[][] keys) {}

    /** Counters shared by every lane of a job, for progress and the result. */
    static final class Counters {
        final java.util.concurrent.atomic.AtomicLong rowsRead = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong rowsWritten = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong rowsDropped = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
    }

    private final List<Split> splits;
    private final List<Writer> writers = new ArrayList<>();
    private final Checkpoints state;
    private final OnLossy onLossy;
    private final RowTransform transform;
    private final int batchSize;
    private final long batchBytes;
    private final long chunkBytes;
    private final Counters counters;
    private final BoundedHandoff<Chunk> handoff;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicInteger readersRunning = new AtomicInteger();
    private final long[] committed;
    private volatile boolean cancelled;
    /** Whether readers decode rows still in their source's encoding (see {@link RowSink#writesEncoded}). */
    private boolean decodeOnReaders = true;
    private final java.util.concurrent.atomic.AtomicLong laneRead = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong laneWritten = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong laneDropped = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param sinks one per writer: several writers take batches from the same hand-off, each committing its own,
     *     so batches commit out of key order; checkpoints therefore need exactly one
     */
    CopyLane(List<Split> splits, List<RowSink> sinks, Checkpoints state, OnLossy onLossy, RowTransform transform,
            int batchSize, long batchBytes, long bufferBytes, Counters counters) {
        if (state != null && sinks.size() != 1) {
            throw new IllegalArgumentException("checkpoints need one writer per lane");
        }
        this.splits = splits;
        for (RowSink sink : sinks) {
            writers.add(new Writer(sink));
        }
        this.state = state;
        this.onLossy = onLossy;
        this.transform = transform;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.chunkBytes = Math.max(1, bufferBytes / 16);
        this.counters = counters;
        // Half the budget waits in the hand-off; the rest covers the writers' batches and the readers' chunks.
        this.handoff = new BoundedHandoff<>(Math.max(1, bufferBytes / 2), Math.max(batchSize * 4L, CHUNK_ROWS * 4L));
        int maxSplit = splits.stream().mapToInt(split -> split.range().index()).max().orElse(0);
        this.committed = new long[maxSplit + 1];
        for (Split split : splits) {
            committed[split.range().index()] = split.rowsCommitted();
        }
    }

    /** Copies every split of the lane; throws the first failure after everything is closed. */
    void run() {
        List<RowStream> streams = new ArrayList<>();
        List<Thread> extraWriters = new ArrayList<>();
        try {
            for (Split split : splits) {
                streams.add(new RowStream(split.plan()));
            }
            RowSchema schema = streams.get(0).schema();
            for (Writer writer : writers) {
                writer.open(schema);
            }
            // Rows the writers would decode anyway are decoded by the readers, in parallel with writing; set before
            // the readers start, which makes it visible to them.
            decodeOnReaders = transform != null || writers.stream().anyMatch(writer -> !writer.sink.writesEncoded(schema)
                    || (writer.guards != null && writer.guards.checksAny(schema)));
            startReaders(streams);
            streams.clear(); // the readers own them now
            for (Writer writer : writers.subList(1, writers.size())) {
                Thread thread = new Thread(() -> writer.runGuarded(), "rowferry-writer-" + (extraWriters.size() + 1));
                thread.setDaemon(true);
                extraWriters.add(thread);
                thread.start();
            }
            writers.get(0).runGuarded();
            join(extraWriters);
            if (firstFailure.get() == null) {
                for (Writer writer : writers) {
                    writer.sink.finish();
                }
                if (state != null) {
                    for (Split split : splits) {
                        state.finish(split.range().index());
                    }
                }
            }
        } catch (Throwable e) {
            failed(e);
        } finally {
            if (firstFailure.get() != null) {
                handoff.cancel();
                join(extraWriters);
                for (Writer writer : writers) {
                    writer.abort();
                }
            }
            for (RowStream stream : streams) {
                stream.close();
            }
            joinReaders();
            for (Writer writer : writers) {
                try {
                    writer.sink.close();
                } catch (RuntimeException closeFailure) {
                    failed(closeFailure);
                }
            }
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw CopyJob.asRowferryException(failure);
        }
    }

    private static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the lane: readers are interrupted, the writer throws CANCELLED at its next batch. */
    void cancel(RowferryException why) {
        failed(why);
        cancelled = true;
        handoff.cancel();
        handoff.fail(why);
        for (Thread reader : readers) {
            reader.interrupt();
        }
    }

    /** Estimated bytes of rows waiting for the writer. */
    long queuedBytes() {
        return handoff.queuedBytes();
    }

    /** Per column, values not written as they were. */
    Map<String, Long> losses() {
        Map<String, Long> losses = new LinkedHashMap<>();
        for (Writer writer : writers) {
            if (writer.guards != null) {
                writer.guards.losses().forEach((column, count) -> losses.merge(column, count, Long::sum));
            }
        }
        return losses;
    }

    /** Rows this lane committed. */
    long committedRows() {
        return laneWritten.get();
    }

    /** Rows this lane read whose batch was not committed (for a retry, which reads them again). */
    long uncommittedRows() {
        return Math.max(0, laneRead.get() - laneWritten.get() - laneDropped.get());
    }

    private void startReaders(List<RowStream> streams) {
        readersRunning.set(streams.size());
        for (int i = 0; i < streams.size(); i++) {
            RowStream stream = streams.get(i);
            int split = splits.get(i).range().index();
            Thread reader = new Thread(() -> runReader(split, stream), "rowferry-reader-" + split);
            reader.setDaemon(true);
            readers.add(reader);
        }
        readers.forEach(Thread::start);
    }

    // ---- writers: the calling thread, and one thread per further writer ----

    /** One writer: its sink, its value checks, its open batch. */
    private final class Writer {
        final RowSink sink;
        ValueGuards guards;
        boolean opened;

        Writer(RowSink sink) {
            this.sink = sink;
        }

        void open(RowSchema schema) {
            sink.open(schema);
            opened = true;
            TargetTable targetTable = sink.targetTable();
            if (targetTable != null) {
                // rows straight from the source need no check in columns whose types fit; a transform's may
                guards = new ValueGuards(targetTable, targetTable.dialect(), onLossy,
                        transform == null ? splits.get(0).plan().database().dialect() : null);
            }
        }

        void abort() {
            if (!opened) {
                return;
            }
            try {
                sink.abort();
            } catch (RuntimeException abortFailure) {
                LOG.debug("abort of {} failed: {}", sink.describe(), abortFailure.toString());
            }
        }

        /** Writes until the hand-off ends; a failure is recorded and stops every other writer and the readers at once. */
        void runGuarded() {
            try {
                writeAll();
            } catch (Throwable e) {
                failed(e);
                handoff.cancel();
            }
        }

        void writeAll() throws Exception {
            List<Row> batch = new ArrayList<>(Math.min(batchSize, 10_000));
            Map<Integer, Progress> batchSplits = new LinkedHashMap<>();
            long batchBytesSoFar = 0;
            Chunk chunk;
            while ((chunk = takeChunk()) != null) {
                List<Row> rows = chunk.rows();
                for (int r = 0; r < rows.size(); r++) {
                    Row out = transform == null ? rows.get(r) : transform.apply(rows.get(r));
                    if (out == null) {
                        counters.rowsDropped.incrementAndGet();
                        laneDropped.incrementAndGet();
                        continue;
                    }
                    if (guards != null) {
                        out = guards.admit(out);
                    }
                    if (!batch.isEmpty() && out.schema() != batch.get(0).schema()) {
                        flush(batch, batchSplits); // all rows of a batch share one schema
                        batchBytesSoFar = 0;
                    }
                    batch.add(out);
                    if (chunk.keys() != null) {
                        batchSplits.computeIfAbsent(chunk.split(), split -> new Progress()).add(chunk.keys()[r]);
                    }
                    batchBytesSoFar += out.sizeBytes();
                    if (batch.size() >= batchSize || batchBytesSoFar >= batchBytes) {
                        flush(batch, batchSplits);
                        batchBytesSoFar = 0;
                    }
                }
            }
            if (firstFailure.get() != null) {
                return; // stopped by another writer or a reader: nothing more is written
            }
            if (!batch.isEmpty()) {
                flush(batch, batchSplits);
            }
        }

        private void flush(List<Row> batch, Map<Integer, Progress> batchSplits) {
            if (cancelled) {
                throw new RowferryException(ErrorKind.CANCELLED, "copy cancelled");
            }
            if (state != null && !batchSplits.isEmpty()) {
                List<Checkpoints.Progress> progress = new ArrayList<>();
                batchSplits.forEach((split, inBatch) -> progress.add(
                        new Checkpoints.Progress(split, inBatch.lastKey, committed[split] + inBatch.rows)));
                state.write(sink, progress, () -> sink.write(batch));
            } else {
                sink.write(batch);
            }
            batchSplits.forEach((split, progress) -> committed[split] += progress.rows);
            batchSplits.clear();
            counters.rowsWritten.addAndGet(batch.size());
            laneWritten.addAndGet(batch.size());
            counters.batches.incrementAndGet();
            batch.clear();
        }
    }

    /** The last key and row count of one split within the open batch. */
    private static final class Progress {
        Object[] lastKey;
        long rows;

        void add(Object[] key) {
            lastKey = key;
            rows++;
        }
    }

    private Chunk takeChunk() throws Exception {
        try {
            return handoff.take();
        } catch (BoundedHandoff.ReaderFailedException e) {
            throw CopyJob.asRowferryException(e.getCause());
        }
    }

    private void joinReaders() {
        for (Thread reader : readers) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- readers: one thread per split ----

    private void runReader(int split, RowStream rows) {
        boolean keys = state != null;
        try (rows) {
            List<Row> chunk = new ArrayList<>(CHUNK_ROWS);
            List<Object[]> chunkKeys = keys ? new ArrayList<>(CHUNK_ROWS) : null;
            long bytes = 0;
            Row row;
            while ((row = rows.nextRow()) != null) {
                if (decodeOnReaders) {
                    row.decode();
                }
                chunk.add(row);
                if (keys) {
                    chunkKeys.add(rows.lastKey());
                }
                bytes += row.sizeBytes();
                if (chunk.size() >= CHUNK_ROWS || bytes >= chunkBytes) {
                    put(split, chunk, chunkKeys, bytes);
                    chunk = new ArrayList<>(CHUNK_ROWS);
                    chunkKeys = keys ? new ArrayList<>(CHUNK_ROWS) : null;
                    bytes = 0;
                }
            }
            if (!chunk.isEmpty()) {
                put(split, chunk, chunkKeys, bytes);
            }
            if (readersRunning.decrementAndGet() == 0) {
                handoff.finish();
            }
        } catch (BoundedHandoff.CancelledException e) {
            // the writer stopped first; its failure is the one reported
        } catch (InterruptedException e) {
            handoff.fail(new RowferryException(ErrorKind.CANCELLED, "copy cancelled"));
        } catch (Throwable e) {
            failed(e);
            handoff.fail(e);
        }
    }

    private void put(int split, List<Row> rows, List<Object[]> keys, long bytes)
            throws InterruptedException, BoundedHandoff.CancelledException {
        counters.rowsRead.addAndGet(rows.size());
        counters.bytesRead.addAndGet(bytes);
        laneRead.addAndGet(rows.size());
        handoff.put(new Chunk(split, rows, keys == null ? null : keys.toArray(new Object[0][])), rows.size(), bytes);
    }

    private void failed(Throwable failure) {
        if (!firstFailure.compareAndSet(null, failure) && firstFailure.get() != failure) {
            LOG.debug("further failure after the first: {}", failure.toString());
        }
    }
}
