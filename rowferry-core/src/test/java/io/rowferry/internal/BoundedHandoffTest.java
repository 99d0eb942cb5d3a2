package io.rowferry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.Column;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class BoundedHandoffTest {
    private static final RowSchema SCHEMA = new RowSchema(List.of(Column.of("v", Types.VARCHAR)));

    private static List<Row> chunk(int rows, int chars) {
        return java.util.stream.IntStream.range(0, rows)
                .mapToObj(i -> new Row(SCHEMA, new Object[] {"x".repeat(chars)}))
                .toList();
    }

    private static long bytes(List<Row> rows) {
        return rows.stream().mapToLong(Row::sizeBytes).sum();
    }

    @Test
    void wideRowsCountByTheirBytes() {
        Row narrow = new Row(SCHEMA, new Object[] {"x"});
        Row wide = new Row(SCHEMA, new Object[] {"x".repeat(1_000_000)});
        assertThat(wide.sizeBytes()).isGreaterThan(1_000_000).isGreaterThan(1_000 * narrow.sizeBytes());
    }

    @Test
    void aFullQueueBlocksThePutterUntilTheTakerMakesRoom() throws Exception {
        BoundedHandoff<List<Row>> handoff = new BoundedHandoff<>(10_000, 1_000_000);
        List<Row> first = chunk(1, 9_000);
        handoff.put(first, first.size(), bytes(first));
        List<Row> second = chunk(1, 9_000);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                handoff.put(second, second.size(), bytes(second));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> blocked.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(handoff.queuedBytes()).isEqualTo(bytes(first));
        assertThat(handoff.take()).isSameAs(first);
        blocked.get(5, TimeUnit.SECONDS);
        assertThat(handoff.take()).isSameAs(second);
    }

    @Test
    void theRowCountBoundsTooNotOnlyTheBytes() throws Exception {
        BoundedHandoff<List<Row>> handoff = new BoundedHandoff<>(Long.MAX_VALUE, 10);
        List<Row> ten = chunk(10, 1);
        handoff.put(ten, ten.size(), bytes(ten));
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                handoff.put(chunk(1, 1), 1, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> blocked.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        handoff.take();
        blocked.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSingleRowLargerThanTheBudgetStillPasses() throws Exception {
        BoundedHandoff<List<Row>> handoff = new BoundedHandoff<>(1_000, 1_000);
        List<Row> huge = chunk(1, 100_000);
        handoff.put(huge, huge.size(), bytes(huge)); // into an empty queue: admitted
        assertThat(handoff.take()).isSameAs(huge);
    }

    @Test
    void finishEndsTheTakerAfterTheLastChunk() throws Exception {
        BoundedHandoff<List<Row>> handoff = new BoundedHandoff<>(1_000_000, 1_000);
        List<Row> rows = chunk(3, 10);
        handoff.put(rows, rows.size(), bytes(rows));
        handoff.finish();
        assertThat(handoff.take()).isSameAs(rows);
        assertThat(handoff.take()).isNull();
    }

    @Test
    void aReaderFailureReachesTheWriterAndACancelReachesTheReader() throws Exception {
        BoundedHandoff<List<Row>> failed = new BoundedHandoff<>(1_000_000, 1_000);
        CompletableFuture<Object> taker = CompletableFuture.supplyAsync(() -> {
            try {
                return failed.take();
            } catch (BoundedHandoff.ReaderFailedException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                return e;
            }
        });
        IllegalStateException cause = new IllegalStateException("source gone");
        failed.fail(cause);
        assertThat(taker.get(5, TimeUnit.SECONDS)).isSameAs(cause);

        BoundedHandoff<List<Row>> cancelled = new BoundedHandoff<>(100, 1_000);
        List<Row> full = chunk(1, 200);
        cancelled.put(full, full.size(), bytes(full));
        CompletableFuture<Object> putter = CompletableFuture.supplyAsync(() -> {
            try {
                cancelled.put(chunk(1, 1), 1, 1);
                return "put";
            } catch (BoundedHandoff.CancelledException e) {
                return "cancelled";
            } catch (InterruptedException e) {
                return e;
            }
        });
        cancelled.cancel();
        assertThat(putter.get(5, TimeUnit.SECONDS)).isEqualTo("cancelled");
    }
}
