package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyJob;
import io.rowferry.CopyProgress;
import io.rowferry.ErrorKind;
import io.rowferry.Row;
import io.rowferry.RowSchema;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import io.rowferry.sink.RowSink;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader/writer pipeline against a real PostgreSQL source: a slow writer stalls the reader within the byte
 * budget, and a reader that loses its connection stops the writer, which reports that first cause.
 */
class PipelineTest {
    private static final PostgresTestDatabase SOURCE = new PostgresTestDatabase();
    private static final String TABLE = "rf_pipeline";

    @BeforeAll
    static void createSource() throws Exception {
        SOURCE.createSample(TABLE, 200_000);
    }

    /** A sink that takes its time and records how far the reader ran ahead of it. */
    private static final class SlowSink implements RowSink {
        final AtomicLong written = new AtomicLong();
        final AtomicBoolean aborted = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        private final long pauseMillis;

        SlowSink(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public void open(RowSchema schema) {}

        @Override
        public void write(List<Row> batch) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.addAndGet(batch.size());
        }

        @Override
        public void finish() {}

        @Override
        public void abort() {
            aborted.set(true);
        }

        @Override
        public void close() {
            closed.set(true);
        }

        @Override
        public String describe() {
            return "slow sink";
        }
    }

    @Test
    void aSlowWriterStallsTheReaderWithinTheBudget() throws Exception {
        long budget = 1L << 20; // 1 MiB: about 6,000 sample rows
        SlowSink sink = new SlowSink(20);
        CopyJob job = Rowferry.copy()
                .from(Rowferry.read(SOURCE.database()).table(TABLE).cursor())
                .to(sink)
                .batchSize(500)
                .bufferBytes(budget)
                .start();
        long maxAhead = 0;
        long maxBuffered = 0;
        for (int i = 0; i < 40; i++) {
            Thread.sleep(25);
            CopyProgress progress = job.progress();
            maxAhead = Math.max(maxAhead, progress.rowsRead() - progress.rowsWritten());
            maxBuffered = Math.max(maxBuffered, progress.bufferedBytes());
        }
        job.cancel();
        assertThatThrownBy(job::await).isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.CANCELLED));
        // In one second the reader could have read all 200,000 rows; the budget held it to a few thousand.
        assertThat(maxBuffered).isLessThanOrEqualTo(budget / 2 + 64 * 1024);
        assertThat(maxAhead).isBetween(1L, 15_000L);
        assertThat(sink.aborted).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(SOURCE.awaitNoRowferrySessions()).isZero();
    }

    @Test
    void aReaderThatLosesItsConnectionStopsTheWriterWithThatCause() throws Exception {
        SlowSink sink = new SlowSink(5);
        CopyJob job = Rowferry.copy()
                .from(Rowferry.read(SOURCE.database()).table(TABLE).cursor())
                .to(sink)
                .batchSize(1_000)
                .bufferBytes(1L << 20)
                .start();
        while (sink.written.get() < 5_000) {
            Thread.sleep(10);
        }
        SOURCE.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + ServerSettings.PG_APPLICATION_NAME + "'"
                + " AND datname = current_database()");
        assertThatThrownBy(job::await)
                .isInstanceOf(RowferryException.class)
                .hasMessageContaining("rf_pipeline")
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.CONNECTION));
        assertThat(sink.aborted).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(sink.written.get()).isLessThan(200_000);
    }
}
