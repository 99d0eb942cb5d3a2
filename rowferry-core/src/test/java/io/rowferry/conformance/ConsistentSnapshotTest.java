package io.rowferry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowferry.CopyResult;
import io.rowferry.Rowferry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With a consistent snapshot, parallel key ranges copy the source as it was when they started, although rows are
 * deleted and changed in every range while the copy runs; without one, the same copy sees the changes (which proves
 * the check can fail).
 */
class ConsistentSnapshotTest {
    private static final int ROWS = 40_000;

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("postgresql", (Supplier<TestDatabase>) () -> new PostgresTestDatabase(ServerSettings.DATABASE)),
                Arguments.of("mariadb", (Supplier<TestDatabase>) () ->
                        new MariaDbTestDatabase(ServerSettings.DATABASE, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void parallelRangesSeeTheSourceAsItWasAtTheStart(String name, Supplier<TestDatabase> sourceOf) throws Exception {
        TestDatabase source = sourceOf.get();
        TestDatabase target = new PostgresTestDatabase(ServerSettings.DATABASE_2);
        source.createSample("rf_snapshot_src", ROWS);
        Checksums.Checksum before = Checksums.of(source, "rf_snapshot_src");
        target.createSample("rf_snapshot_dst", 0);

        copyWhileChanging(source, target, true);
        assertThat(Checksums.of(target, "rf_snapshot_dst")).isEqualTo(before);

        source.createSample("rf_snapshot_src", ROWS);
        target.createSample("rf_snapshot_dst", 0);
        copyWhileChanging(source, target, false);
        assertThat(Checksums.of(target, "rf_snapshot_dst")).as("without a snapshot the changes are seen")
                .isNotEqualTo(before);
    }

    /**
     * Changes the source from inside the copy, on a writer thread, once 2,000 rows have passed: with a 64-KiB budget
     * per range the readers are then at most a few hundred rows ahead, so most pages are read after the change.
     */
    private static void copyWhileChanging(TestDatabase source, TestDatabase target, boolean consistent) {
        AtomicBoolean changed = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        CopyResult result = Rowferry.copy()
                .from(Rowferry.read(source.database()).table("rf_snapshot_src").fetchSize(200))
                .to(target.database(), "rf_snapshot_dst")
                .parallel(4)
                .batchSize(500)
                .bufferBytes(4 * 65_536)
                .consistentSnapshot(consistent)
                .transform(row -> {
                    if (seen.incrementAndGet() == 2_000 && changed.compareAndSet(false, true)) {
                        try {
                            source.execute("DELETE FROM rf_snapshot_src WHERE MOD(id, 3) = 0",
                                    "UPDATE rf_snapshot_src SET note = 'changed' WHERE MOD(id, 3) = 1");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return row;
                })
                .run();
        assertThat(changed).as("the source was changed during the copy").isTrue();
        assertThat(result.splits()).isEqualTo(4);
    }
}
