package io.rowferry;

import io.rowferry.internal.BoundedHandoff;
import io.rowferry.sink.RowSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running copy: a reader thread and a writer thread joined by a {@link BoundedHandoff}. The first failure on
 * either side stops both; {@link #await()} rethrows it after every resource is closed.
 */
public final class CopyJob {
    private static final Logger LOG = LoggerFactory.getLogger(CopyJob.class);
    /** Rows per chunk handed from reader to writer; chunks keep locking off the per-row path. */
    private static final int CHUNK_ROWS = 512;

    private final ReadBuilder source;
    private final RowSink sink;
    private final io.rowferry.sink.TableSetup setup;
    private final OnLossy onLossy;
    private volatile io.rowferry.sink.ValueGuards guards;
    private final RowTransform transform;
    private final int batchSize;
    private final long batchBytes;
    private final long chunkBytes;
    private final BoundedHandoff handoff;
    private final Consumer<CopyProgress> progressListener;
    private final Duration progressInterval;

    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong rowsDropped = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile ReadStrategy strategy;
    private volatile String sourceDescription;
    private volatile boolean cancelled;
    private volatile Thread writerThread;
    private volatile Thread readerThread;
    private CopyResult result;

    private CopyJob(ReadBuilder source, RowSink sink, io.rowferry.sink.TableSetup setup, OnLossy onLossy,
            RowTransform transform, int batchSize, long batchBytes, long bufferBytes,
            Consumer<CopyProgress> progressListener, Duration progressInterval) {
        this.source = source;
        this.sink = sink;
        this.setup = setup;
        this.onLossy = onLossy;
        this.transform = transform;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.chunkBytes = Math.max(1, bufferBytes / 16);
        // Half the budget waits in the hand-off; the rest covers the writer's batch and the reader's chunk.
        this.handoff = new BoundedHandoff(Math.max(1, bufferBytes / 2), Math.max(batchSize * 4L, CHUNK_ROWS * 4L));
        this.progressListener = progressListener;
        this.progressInterval = progressInterval;
    }

    static CopyJob start(ReadBuilder source, RowSink sink, io.rowferry.sink.TableSetup setup, OnLossy onLossy,
            RowTransform transform, int batchSize, long batchBytes, long bufferBytes,
            Consumer<CopyProgress> progressListener, Duration progressInterval) {
        CopyJob job = new CopyJob(source, sink, setup, onLossy, transform, batchSize, batchBytes, bufferBytes,
                progressListener, progressInterval);
        Thread writer = new Thread(job::runWriter, "rowferry-writer");
        writer.setDaemon(true);
        job.writerThread = writer;
        writer.start();
        if (progressListener != null) {
            Thread reporter = new Thread(job::reportProgress, "rowferry-progress");
            reporter.setDaemon(true);
            reporter.start();
        }
        return job;
    }

    /** A snapshot of the counters, safe to call from any thread. */
    public CopyProgress progress() {
        long end = endNanos;
        long now = end != 0 ? end : System.nanoTime();
        return new CopyProgress(rowsRead.get(), rowsWritten.get(), rowsDropped.get(), bytesRead.get(),
                handoff.queuedBytes(), batches.get(), strategy, Duration.ofNanos(now - startNanos));
    }

    /** Asks both threads to stop; the unfinished batch is rolled back and {@link #await()} throws CANCELLED. */
    public void cancel() {
        // Recorded before the flag is set, so that this message wins over the writer's own "copy cancelled".
        failed(new RowferryException(ErrorKind.CANCELLED, "copy cancelled after "
                + rowsWritten.get() + " committed rows"));
        cancelled = true;
        handoff.cancel();
        handoff.fail(new RowferryException(ErrorKind.CANCELLED, "copy cancelled"));
        Thread reader = readerThread;
        if (reader != null) {
            reader.interrupt();
        }
    }

    /** Whether both threads have ended. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits for the end; returns the result or throws the first failure. */
    public CopyResult await() {
        try {
            done.await();
        } catch (InterruptedException e) {
            cancel();
            awaitQuietly();
            Thread.currentThread().interrupt();
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw asRowferryException(failure);
        }
        return result;
    }

    private void awaitQuietly() {
        try {
            done.await();
        } catch (InterruptedException ignored) {
            // already cancelling
        }
    }

    // ---- writer thread: also starts the reader once the source and the target are open ----

    private void runWriter() {
        io.rowferry.RowStream rows = null;
        boolean sinkOpened = false;
        try {
            rows = source.open();
            strategy = rows.plan().strategy();
            sourceDescription = rows.plan().sourceName() + " on " + source.database().describe();
            if (setup != null) {
                setup.apply(rows.plan());
            }
            sink.open(rows.schema());
            sinkOpened = true;
            io.rowferry.sink.TargetTable targetTable = sink.targetTable();
            if (targetTable != null) {
                // rows straight from the source need no check in columns whose types fit; a transform's may
                guards = new io.rowferry.sink.ValueGuards(targetTable, targetTable.dialect(), onLossy,
                        transform == null ? source.database().dialect() : null);
            }
            io.rowferry.RowStream stream = rows;
            Thread reader = new Thread(() -> runReader(stream), "rowferry-reader");
            reader.setDaemon(true);
            readerThread = reader;
            rows = null; // the reader owns it now
            reader.start();
            writeAll();
            sink.finish();
            result = new CopyResult(sourceDescription, sink.describe(), strategy, rowsRead.get(),
                    rowsWritten.get(), rowsDropped.get(), bytesRead.get(), batches.get(), elapsed(),
                    guards == null ? java.util.Map.of() : guards.losses());
        } catch (Throwable e) {
            failed(e);
            handoff.cancel();
            if (sinkOpened) {
                try {
                    sink.abort();
                } catch (RuntimeException abortFailure) {
                    LOG.debug("abort of {} failed: {}", sink.describe(), abortFailure.toString());
                }
            }
        } finally {
            if (rows != null) {
                rows.close();
            }
            joinReader();
            try {
                sink.close();
            } catch (RuntimeException closeFailure) {
                failed(closeFailure);
            }
            endNanos = System.nanoTime();
            done.countDown();
        }
    }

    private void writeAll() throws Exception {
        List<Row> batch = new ArrayList<>(Math.min(batchSize, 10_000));
        long batchBytesSoFar = 0;
        List<Row> chunk;
        while ((chunk = takeChunk()) != null) {
            for (Row row : chunk) {
                Row out = transform == null ? row : transform.apply(row);
                if (out == null) {
                    rowsDropped.incrementAndGet();
                    continue;
                }
                if (guards != null) {
                    out = guards.admit(out);
                }
                if (!batch.isEmpty() && out.schema() != batch.get(0).schema()) {
                    flush(batch); // all rows of a batch share one schema
                    batchBytesSoFar = 0;
                }
                batch.add(out);
                batchBytesSoFar += out.sizeBytes();
                if (batch.size() >= batchSize || batchBytesSoFar >= batchBytes) {
                    flush(batch);
                    batchBytesSoFar = 0;
                }
            }
        }
        if (!batch.isEmpty()) {
            flush(batch);
        }
    }

    private List<Row> takeChunk() throws Exception {
        try {
            return handoff.take();
        } catch (BoundedHandoff.ReaderFailedException e) {
            throw asRowferryException(e.getCause());
        }
    }

    private void flush(List<Row> batch) {
        if (cancelled) {
            throw new RowferryException(ErrorKind.CANCELLED, "copy cancelled");
        }
        sink.write(batch);
        rowsWritten.addAndGet(batch.size());
        batches.incrementAndGet();
        batch.clear();
    }

    private void joinReader() {
        Thread reader = readerThread;
        if (reader == null) {
            return;
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- reader thread ----

    private void runReader(io.rowferry.RowStream rows) {
        try (rows) {
            List<Row> chunk = new ArrayList<>(CHUNK_ROWS);
            long bytes = 0;
            Row row;
            while ((row = rows.nextRow()) != null) {
                chunk.add(row);
                bytes += row.sizeBytes();
                rowsRead.incrementAndGet();
                bytesRead.addAndGet(row.sizeBytes());
                if (chunk.size() >= CHUNK_ROWS || bytes >= chunkBytes) {
                    handoff.put(chunk, bytes);
                    chunk = new ArrayList<>(CHUNK_ROWS);
                    bytes = 0;
                }
            }
            if (!chunk.isEmpty()) {
                handoff.put(chunk, bytes);
            }
            handoff.finish();
        } catch (BoundedHandoff.CancelledException e) {
            // the writer stopped first; its failure is the one reported
        } catch (InterruptedException e) {
            handoff.fail(new RowferryException(ErrorKind.CANCELLED, "copy cancelled"));
        } catch (Throwable e) {
            failed(e);
            handoff.fail(e);
        }
    }

    // ---- progress and failures ----

    private void reportProgress() {
        try {
            while (!done.await(progressInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                progressListener.accept(progress());
            }
            progressListener.accept(progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("progress listener failed: {}", e.toString());
        }
    }

    private void failed(Throwable failure) {
        if (firstFailure.compareAndSet(null, failure)) {
            return;
        }
        if (firstFailure.get() != failure) {
            LOG.debug("further failure after the first: {}", failure.toString());
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static RowferryException asRowferryException(Throwable failure) {
        if (failure instanceof RowferryException rowferry) {
            return rowferry;
        }
        if (failure instanceof OutOfMemoryError) {
            return new RowferryException(ErrorKind.INTERNAL, "out of memory: lower --buffer or --fetch-size", failure);
        }
        return new RowferryException(ErrorKind.INTERNAL, "copy failed: " + failure, failure);
    }
}
