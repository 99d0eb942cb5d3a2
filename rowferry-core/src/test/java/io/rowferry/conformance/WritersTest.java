package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowferry.CopyResult;
import io.rowferry.ErrorKind;
import io.rowferry.Rowferry;
import io.rowferry.RowferryException;
import org.junit.jupiter.api.Test;

/**
 * Several writers sharing one hand-off: every row arrives once, a refused row stops them all with only committed
 * batches kept, and with checkpoints (which need batches in key order) more than one writer is refused.
 */
class WritersTest {
    private final TestDatabase source = new MariaDbTestDatabase(ServerSettings.DATABASE, false);
    private final TestDatabase target = new PostgresTestDatabase(ServerSettings.DATABASE_2);

    @Test
    void threeWritersCopyEveryRowOnce() throws Exception {
        source.createSample("rf_writers_src", 40_000);
        target.createSample("rf_writers_dst", 0);

        CopyResult result = Rowferry.copy()
                .from(Rowferry.read(source.database()).query("SELECT * FROM rf_writers_src"))
                .to(target.database(), "rf_writers_dst")
                .writers(3)
                .batchSize(1_000)
                .run();

        assertThat(result.rowsWritten()).isEqualTo(40_000);
        assertThat(Checksums.of(target, "rf_writers_dst")).isEqualTo(Checksums.of(source, "rf_writers_src"));
        assertThat(target.awaitNoRowferrySessions()).isZero();
    }

    @Test
    void aRefusedRowStopsEveryWriter() throws Exception {
        source.createSample("rf_writers_src2", 40_000);
        target.createSample("rf_writers_dst2", 0);
        target.execute("INSERT INTO rf_writers_dst2 (id, customer) VALUES (30000, 1)");

        assertThatThrownBy(() -> Rowferry.copy()
                        .from(Rowferry.read(source.database()).table("rf_writers_src2").cursor())
                        .to(target.database(), "rf_writers_dst2")
                        .writers(2)
                        .batchSize(1_000)
                        .run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.CONSTRAINT))
                .hasMessageContaining("id=30000");
        // the batch holding the duplicate was rolled back whole; the other writer's committed batches stay
        long copied = target.queryLong("SELECT COUNT(*) FROM rf_writers_dst2 WHERE customer <> 1 OR id <> 30000");
        assertThat(copied).isLessThanOrEqualTo(40_000 - 1_000);
        assertThat(target.queryLong("SELECT COUNT(*) FROM rf_writers_dst2 WHERE id = 30000")).isEqualTo(1);
    }

    @Test
    void moreThanOneWriterWithCheckpointsIsRefused() throws Exception {
        source.createSample("rf_writers_src3", 10);
        target.createSample("rf_writers_dst3", 0);
        assertThatThrownBy(() -> Rowferry.copy().from(Rowferry.read(source.database()).table("rf_writers_src3"))
                        .to(target.database(), "rf_writers_dst3").writers(2).run())
                .isInstanceOf(RowferryException.class)
                .satisfies(e -> assertThat(((RowferryException) e).kind()).isEqualTo(ErrorKind.USAGE))
                .hasMessageContaining("--parallel 2");
        assertThat(target.count("rf_writers_dst3")).isZero();
    }
}
