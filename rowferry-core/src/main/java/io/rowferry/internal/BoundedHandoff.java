package io.rowferry.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the reader and the writer, bounded by rows AND bytes: a 1-MB row counts a million times
 * more than a 1-byte one. Rows travel in chunks to keep locking off the per-row path. A full queue blocks the
 * reader (backpressure); an empty one blocks the writer. One chunk is always admitted into an empty queue, so a
 * single row larger than the budget still gets through.
 *
 * <p>Either side can stop the other: the reader ends with {@link #finish()} or {@link #fail(Throwable)}, the
 * writer with {@link #cancel()}; every blocked call then returns or throws at once.
 */
public final class BoundedHandoff<T> {

    /** Thrown to the reader when the writer has cancelled. */
    public static final class CancelledException extends Exception {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("the writer stopped", null, false, false);
        }
    }

    private record Chunk<T>(T rows, int count, long bytes) {}

    private final long maxBytes;
    private final long maxRows;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Chunk<T>> chunks = new ArrayDeque<>();
    private long queuedBytes;
    private long queuedRows;
    private boolean finished;
    private boolean cancelled;
    private Throwable failure;

    public BoundedHandoff(long maxBytes, long maxRows) {
        if (maxBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("hand-off bounds must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    /** Adds a chunk of {@code count} rows, waiting while the queue is full. */
    public void put(T rows, int count, long bytes) throws InterruptedException, CancelledException {
        lock.lockInterruptibly();
        try {
            while (!cancelled && !chunks.isEmpty()
                    && (queuedBytes + bytes > maxBytes || queuedRows + count > maxRows)) {
                notFull.await();
            }
            if (cancelled) {
                throw new CancelledException();
            }
            chunks.addLast(new Chunk<>(rows, count, bytes));
            queuedBytes += bytes;
            queuedRows += count;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next chunk, waiting while the queue is empty; null once the reader has finished and the queue is
     * drained. Throws the reader's failure, wrapped, if it failed.
     */
    public T take() throws InterruptedException, ReaderFailedException {
        lock.lockInterruptibly();
        try {
            while (chunks.isEmpty() && !finished && failure == null && !cancelled) {
                notEmpty.await();
            }
            if (failure != null) {
                throw new ReaderFailedException(failure);
            }
            Chunk<T> chunk = chunks.pollFirst();
            if (chunk == null) {
                return null;
            }
            queuedBytes -= chunk.bytes();
            queuedRows -= chunk.count();
            notFull.signal();
            return chunk.rows();
        } finally {
            lock.unlock();
        }
    }

    /** The reader has put its last chunk. */
    public void finish() {
        signalAll(() -> finished = true);
    }

    /** The reader failed; the writer's next {@link #take()} throws. Queued rows are dropped. */
    public void fail(Throwable cause) {
        signalAll(() -> {
            if (failure == null) {
                failure = cause;
            }
            chunks.clear();
            queuedBytes = 0;
            queuedRows = 0;
        });
    }

    /** The writer stopped; the reader's next {@link #put} throws. Queued rows are dropped. */
    public void cancel() {
        signalAll(() -> {
            cancelled = true;
            chunks.clear();
            queuedBytes = 0;
            queuedRows = 0;
        });
    }

    /** Estimated bytes of the rows waiting now. */
    public long queuedBytes() {
        lock.lock();
        try {
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }

    private void signalAll(Runnable change) {
        lock.lock();
        try {
            change.run();
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader's failure, as seen by the writer. */
    public static final class ReaderFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        ReaderFailedException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
