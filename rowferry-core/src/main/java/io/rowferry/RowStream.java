package io.rowferry;

import io.rowferry.internal.RecordMapper;
import io.rowferry.internal.RowPublisher;
import io.rowferry.source.ReadPlan;
import io.rowferry.source.RowReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy stream of rows from a database, in bounded memory whatever the table's size. It holds a connection
 * until it is closed or its last row has been read; always use it in try-with-resources:
 *
 * <pre>{@code
 * try (RowStream rows = Rowferry.read(database).table("orders").open()) {
 *     for (Row row : rows) { ... }
 * }
 * }</pre>
 *
 * <p>Closing it (also by leaving a {@link #stream()} early, or when user code throws inside the try block)
 * releases the result set, the statement and the connection. A row stream can be iterated once. It is not
 * thread-safe.
 */
public final class RowStream implements AutoCloseable, Iterable<Row> {
    private final ReadPlan plan;
    private final RowReader reader;
    private Row lookahead;
    private boolean iterated;
    private boolean exhausted;
    private boolean closed;

    RowStream(ReadPlan plan) {
        this.plan = plan;
        this.reader = plan.open();
    }

    /** The plan this stream follows: strategy, SQL, key, what it holds on the server. */
    public ReadPlan plan() {
        return plan;
    }

    /** The key of the row {@link #nextRow()} returned last, for keyset reads; null for others. */
    Object[] lastKey() {
        return reader.lastKey();
    }

    /** The columns of the rows. */
    public RowSchema schema() {
        return reader.schema();
    }

    /** The next row, or null when there are no more; the stream releases its connection after the last row. */
    public Row nextRow() {
        if (lookahead != null) {
            Row row = lookahead;
            lookahead = null;
            return row;
        }
        if (exhausted || closed) {
            return null;
        }
        try {
            Row row = reader.next();
            if (row == null) {
                exhausted = true;
            }
            return row;
        } catch (SQLException e) {
            close();
            throw plan.database().failure("reading " + plan.sourceName() + " failed", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException("a RowStream can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (lookahead == null) {
                    lookahead = nextRow();
                }
                return lookahead != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = lookahead;
                lookahead = null;
                return row;
            }
        };
    }

    /** The rows as a sequential {@link Stream}; closing the stream closes this RowStream. */
    public Stream<Row> stream() {
        Spliterator<Row> spliterator = Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /** The rows in lists of at most {@code size} rows; closing the stream closes this RowStream. */
    public Stream<List<Row>> batches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + size);
        }
        Iterator<Row> rows = iterator();
        Iterator<List<Row>> batches = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<Row> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Row> batch = new ArrayList<>(Math.min(size, 10_000));
                while (batch.size() < size && rows.hasNext()) {
                    batch.add(rows.next());
                }
                return batch;
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /**
     * The rows mapped to a record or a class with a no-argument constructor, by column name (case-insensitive,
     * underscores ignored: {@code order_id} fills {@code orderId}).
     */
    public <T> Stream<T> as(Class<T> type) {
        Function<Row, T> mapper = RecordMapper.forType(type, schema());
        return stream().map(mapper);
    }

    /**
     * A {@link Flow.Publisher} that reads a row only when its one subscriber has demand for it, and closes this
     * stream when the subscriber cancels, when the rows end, or on error.
     */
    public Flow.Publisher<Row> publisher() {
        return new RowPublisher(this);
    }

    /** Releases the result set, the statement and the connection; safe to call more than once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lookahead = null;
            reader.close();
        }
    }
}
